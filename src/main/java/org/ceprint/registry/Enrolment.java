package org.ceprint.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.NotFoundException;
import org.ceprint.registry.internal.RegistryAudit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an office records of its own: the units and bases of its city with their
 * departments, the people of those units (人员名册), and units that close; people who move to
 * another unit or city (第十八条) are {@link Transfers}. Every change is audited in
 * registry_audit. Callers check the fields (codes, names, printable text); this class
 * keeps the rules that need the database: one person per ID number province-wide, one
 * unit per credit code, a unit only in its own office's city, no new people in a closed
 * unit.
 */
@Service
@Transactional
public class Enrolment {

	private final JdbcClient jdbc;

	private final RegistryAudit audit;

	private final Clock clock;

	Enrolment(JdbcClient jdbc, RegistryAudit audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A professional as a unit enrols them; sex and birth date come from the ID number.
	 */
	public record PersonRecord(String name, String idNumber, String unitCreditCode, TitleLevel titleLevel,
			String titleName, String specialty) {

		/** Codes only: no name or ID number may reach a log or an exception message. */
		@Override
		public String toString() {
			return "PersonRecord[unitCreditCode=%s]".formatted(this.unitCreditCode);
		}

	}

	/** Where a registered unit or base is, and whether it still takes people. */
	public record RegisteredUnit(long id, Organisation.Kind kind, String name, String creditCode, String channelCode,
			String channelName, LocalDate closedOn) {

		public boolean closed() {
			return this.closedOn != null;
		}

	}

	/** Where a person is registered: their unit and its city. */
	public record Registration(long personId, String name, String unitName, String unitCreditCode, String channelCode,
			String channelName) {

		/** Codes only: no name may reach a log or an exception message. */
		@Override
		public String toString() {
			return "Registration[personId=%d, unitCreditCode=%s]".formatted(this.personId, this.unitCreditCode);
		}

	}

	/**
	 * What an office has registered: its units and bases, people, and people with no
	 * certificate.
	 */
	public record OfficeCounts(long units, long bases, long people, long withoutCertificate) {

	}

	/** The counts of the office's register, for its page. */
	@Transactional(readOnly = true)
	public OfficeCounts counts(String officeChannel) {
		return this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM organisation WHERE channel_code = :office AND kind = :unit),
				       (SELECT COUNT(*) FROM organisation WHERE channel_code = :office AND kind = :base),
				       (SELECT COUNT(*) FROM person p JOIN organisation o ON o.id = p.unit_id
				        WHERE o.channel_code = :office),
				       (SELECT COUNT(*) FROM person p JOIN organisation o ON o.id = p.unit_id
				        WHERE o.channel_code = :office
				          AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.current_holder_id = p.id))
				""")
			.param("office", officeChannel)
			.param("unit", Organisation.Kind.UNIT.name())
			.param("base", Organisation.Kind.BASE.name())
			.query((rs, row) -> new OfficeCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	/** The registered units and bases with these credit codes, by code. */
	@Transactional(readOnly = true)
	public Map<String, RegisteredUnit> units(Collection<String> creditCodes) {
		Map<String, RegisteredUnit> units = new HashMap<>();
		for (List<String> chunk : chunks(creditCodes)) {
			this.jdbc.sql("""
					SELECT o.id, o.kind, o.name, o.credit_code, o.channel_code, ch.name, o.closed_on
					FROM organisation o JOIN channel ch ON ch.code = o.channel_code
					WHERE o.credit_code IN (:codes)
					""")
				.param("codes", chunk)
				.query((rs, row) -> unit(rs, 1))
				.list()
				.forEach((unit) -> units.put(unit.creditCode(), unit));
		}
		return units;
	}

	/** Where the people with these ID numbers are registered, by ID number. */
	@Transactional(readOnly = true)
	public Map<String, Registration> registrations(Collection<String> idNumbers) {
		Map<String, Registration> found = new HashMap<>();
		for (List<String> chunk : chunks(idNumbers)) {
			this.jdbc.sql("""
					SELECT p.id_number, p.id, p.name, o.name, o.credit_code, o.channel_code, ch.name
					FROM person p
					JOIN organisation o ON o.id = p.unit_id
					JOIN channel ch ON ch.code = o.channel_code
					WHERE p.id_type = 'RESIDENT_ID' AND p.id_number IN (:ids)
					""")
				.param("ids", chunk)
				.query((rs, row) -> found.put(rs.getString(1),
						new Registration(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
								rs.getString(6), rs.getString(7))))
				.list();
		}
		return found;
	}

	/**
	 * Enrols people in units of the office's city.
	 * @return the new people's ids, in order
	 * @throws ConflictException when an ID number is registered already, saying where, or
	 * a unit is closed or of another city (nothing of this call is stored then)
	 */
	public List<Long> enrol(String officeChannel, List<PersonRecord> people, String actor) {
		Map<String, RegisteredUnit> units = units(people.stream().map(PersonRecord::unitCreditCode).toList());
		Map<String, Registration> registered = registrations(people.stream().map(PersonRecord::idNumber).toList());
		LocalDate today = LocalDate.now(this.clock);
		List<Long> ids = new ArrayList<>(people.size());
		for (PersonRecord person : people) {
			RegisteredUnit unit = unitOfOffice(units.get(person.unitCreditCode()), person.unitCreditCode(),
					officeChannel);
			if (unit.closed()) {
				throw new ConflictException(
						"%s「%s」已于 %s 撤销，不能再登记人员".formatted(unit.kind().label(), unit.name(), unit.closedOn()));
			}
			Registration there = registered.get(person.idNumber());
			if (there != null) {
				throw new ConflictException(alreadyRegistered(there));
			}
			Checked id = ResidentIdNumbers.check(person.idNumber(), today);
			if (!id.valid()) {
				throw new InvalidRequestException(ResidentIdNumbers.FIELD + "：" + id.problem());
			}
			KeyHolder key = new GeneratedKeyHolder();
			this.jdbc.sql("""
					INSERT INTO person (name, sex, birth_date, id_number, unit_id, title_level, title_name, specialty)
					VALUES (:name, :sex, :birth, :id, :unit, :level, :title, :specialty)
					""")
				.param("name", person.name())
				.param("sex", ResidentIdNumbers.sexOf(id.value()).name())
				.param("birth", ResidentIdNumbers.birthDateOf(id.value()).orElseThrow())
				.param("id", id.value())
				.param("unit", unit.id())
				.param("level", person.titleLevel().name())
				.param("title", person.titleName())
				.param("specialty", person.specialty())
				.update(key, "id");
			long personId = key.getKey().longValue();
			ids.add(personId);
			this.audit.record(actor, "PERSON_ENROLLED", officeChannel, "person:" + personId,
					"organisation:" + unit.id());
		}
		return ids;
	}

	/** What a refusal of a second registration says: where the person is already. */
	public static String alreadyRegistered(Registration there) {
		return "此人已登记在%s「%s」（统一社会信用代码 %s），一人只登记一次；人员调到本单位的，请办理调动：people transfer".formatted(there.channelName(),
				there.unitName(), there.unitCreditCode());
	}

	/**
	 * A unit read from seven columns from {@code first}: id, kind, name, code, channel,
	 * its name, closed.
	 */
	static RegisteredUnit unit(ResultSet rs, int first) throws SQLException {
		return new RegisteredUnit(rs.getLong(first), Organisation.Kind.valueOf(rs.getString(first + 1)),
				rs.getString(first + 2), rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5),
				rs.getObject(first + 6, LocalDate.class));
	}

	static RegisteredUnit unitOfOffice(RegisteredUnit unit, String creditCode, String officeChannel) {
		if (unit == null) {
			throw new NotFoundException("登记库中没有统一社会信用代码为 %s 的单位或基地，请先登记单位".formatted(creditCode));
		}
		if (!unit.channelCode().equals(officeChannel)) {
			throw new ConflictException("%s「%s」属%s，不归本机关（%s）管理".formatted(unit.kind().label(), unit.name(),
					unit.channelName(), officeChannel));
		}
		return unit;
	}

	static List<List<String>> chunks(Collection<String> values) {
		List<String> distinct = values.stream()
			.filter((value) -> value != null && !value.isEmpty())
			.distinct()
			.toList();
		List<List<String>> chunks = new ArrayList<>();
		for (int from = 0; from < distinct.size(); from += 500) {
			chunks.add(distinct.subList(from, Math.min(distinct.size(), from + 500)));
		}
		return chunks;
	}

}
