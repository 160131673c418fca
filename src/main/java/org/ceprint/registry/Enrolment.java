package org.ceprint.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * departments, the people of those units (人员名册), units that close, and people who move to
 * another unit or city (第十八条). Every change is audited in registry_audit. Callers check
 * the fields (codes, names, printable text); this class keeps the rules that need the
 * database: one person per ID number province-wide, one unit per credit code, a unit only
 * in its own office's city, no new people in a closed unit.
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
	 * A unit or base as an office registers it; the department is found or made by name.
	 */
	public record UnitRecord(Organisation.Kind kind, String name, String creditCode, String departmentName,
			String address, String contactName, String contactPhone) {

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

	/** A move recorded: from which unit and city to which, on which date. */
	public record Transfer(long personId, RegisteredUnit from, RegisteredUnit to, LocalDate movedOn) {

		public boolean betweenCities() {
			return !this.from.channelCode().equals(this.to.channelCode());
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
	 * Registers units and bases in the office's city; a department named and not yet
	 * registered in the city is registered with them.
	 * @return the new organisations' ids, in order
	 * @throws ConflictException when a credit code is registered already (nothing of this
	 * call is stored then)
	 */
	public List<Long> addUnits(String officeChannel, List<UnitRecord> units, String actor) {
		Map<String, RegisteredUnit> existing = units(units.stream().map(UnitRecord::creditCode).toList());
		for (UnitRecord unit : units) {
			RegisteredUnit there = existing.get(unit.creditCode());
			if (there != null) {
				throw new ConflictException("统一社会信用代码 %s 已登记为%s「%s」（%s）".formatted(unit.creditCode(),
						there.kind().label(), there.name(), there.channelName()));
			}
		}
		List<Long> ids = new ArrayList<>(units.size());
		for (UnitRecord unit : units) {
			Long department = (unit.departmentName() != null && !unit.departmentName().isBlank())
					? department(officeChannel, unit.departmentName().strip(), actor) : null;
			KeyHolder key = new GeneratedKeyHolder();
			this.jdbc.sql("""
					INSERT INTO organisation (kind, name, credit_code, channel_code, department_id, address,
					                          contact_name, contact_phone)
					VALUES (:kind, :name, :code, :channel, :department, :address, :contact, :phone)
					""")
				.param("kind", unit.kind().name())
				.param("name", unit.name())
				.param("code", unit.creditCode())
				.param("channel", officeChannel)
				.param("department", department)
				.param("address", unit.address())
				.param("contact", unit.contactName())
				.param("phone", unit.contactPhone())
				.update(key, "id");
			long id = key.getKey().longValue();
			ids.add(id);
			this.audit.record(actor, "UNIT_ADDED", officeChannel, "organisation:" + id,
					unit.kind().name() + " " + unit.creditCode());
		}
		return ids;
	}

	/**
	 * Registers a department (行政主管部门) of the office's city.
	 * @throws ConflictException when the city has one of that name
	 */
	public long addDepartment(String officeChannel, String name, String actor) {
		long existing = this.jdbc.sql("SELECT COUNT(*) FROM department WHERE channel_code = :channel AND name = :name")
			.param("channel", officeChannel)
			.param("name", name)
			.query(Long.class)
			.single();
		if (existing > 0) {
			throw new ConflictException("本市已登记主管部门「%s」".formatted(name));
		}
		return department(officeChannel, name, actor);
	}

	/**
	 * What an office changes of a unit it registered; a null field stays as it is, an
	 * empty one is cleared (except the name).
	 */
	public record UnitChanges(String name, String departmentName, String address, String contactName,
			String contactPhone) {

	}

	/**
	 * Changes a unit's or base's name, department, address or contact; the credit code
	 * and kind stay. Audited with the fields changed.
	 */
	public RegisteredUnit update(String officeChannel, String creditCode, UnitChanges changes, String actor) {
		RegisteredUnit unit = unitOfOffice(units(List.of(creditCode)).get(creditCode), creditCode, officeChannel);
		List<String> changed = new ArrayList<>();
		if (changes.name() != null && !changes.name().isBlank() && !changes.name().equals(unit.name())) {
			set(unit, "name", changes.name().strip());
			changed.add("name");
		}
		if (changes.departmentName() != null) {
			Long department = changes.departmentName().isBlank() ? null
					: department(officeChannel, changes.departmentName().strip(), actor);
			this.jdbc.sql("UPDATE organisation SET department_id = :department WHERE id = :id")
				.param("department", department)
				.param("id", unit.id())
				.update();
			changed.add("department");
		}
		for (String[] field : new String[][] { { "address", changes.address() },
				{ "contact_name", changes.contactName() }, { "contact_phone", changes.contactPhone() } }) {
			if (field[1] != null) {
				set(unit, field[0], field[1].isBlank() ? null : field[1].strip());
				changed.add(field[0]);
			}
		}
		if (changed.isEmpty()) {
			throw new InvalidRequestException("没有要修改的内容：请给出名称、主管部门、地址、联系人或联系电话中的至少一项");
		}
		this.audit.record(actor, "UNIT_CHANGED", officeChannel, "organisation:" + unit.id(), String.join(",", changed));
		return units(List.of(creditCode)).get(creditCode);
	}

	private void set(RegisteredUnit unit, String column, String value) {
		this.jdbc.sql("UPDATE organisation SET " + column + " = :value WHERE id = :id")
			.param("value", value)
			.param("id", unit.id())
			.update();
	}

	/** The department of this name in the city, registered now if it is not yet. */
	private long department(String channel, String name, String actor) {
		Optional<Long> id = this.jdbc.sql("SELECT id FROM department WHERE channel_code = :channel AND name = :name")
			.param("channel", channel)
			.param("name", name)
			.query(Long.class)
			.optional();
		if (id.isPresent()) {
			return id.get();
		}
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO department (channel_code, name) VALUES (:channel, :name)")
			.param("channel", channel)
			.param("name", name)
			.update(key, "id");
		long created = key.getKey().longValue();
		this.audit.record(actor, "DEPARTMENT_ADDED", channel, "department:" + created, null);
		return created;
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
	 * Closes a unit or base of the office from {@code on}: it keeps its people and
	 * history and takes no new people. A registered unit is never deleted.
	 */
	public RegisteredUnit close(String officeChannel, String creditCode, LocalDate on, String actor) {
		RegisteredUnit unit = unitOfOffice(units(List.of(creditCode)).get(creditCode), creditCode, officeChannel);
		if (unit.closed()) {
			throw new ConflictException("%s「%s」已于 %s 撤销".formatted(unit.kind().label(), unit.name(), unit.closedOn()));
		}
		this.jdbc.sql("UPDATE organisation SET closed_on = :on WHERE id = :id")
			.param("on", on)
			.param("id", unit.id())
			.update();
		this.audit.record(actor, "UNIT_CLOSED", officeChannel, "organisation:" + unit.id(), "closed_on " + on);
		return new RegisteredUnit(unit.id(), unit.kind(), unit.name(), unit.creditCode(), unit.channelCode(),
				unit.channelName(), on);
	}

	/**
	 * Records that a person moved to another unit, possibly of another city, on
	 * {@code movedOn}: their certificate stays valid and unchanged; from now on the new
	 * unit (and its city's office) serves them. Either the old or the new unit's office
	 * may record it.
	 */
	public Transfer transfer(String officeChannel, String idNumber, String toUnitCreditCode, LocalDate movedOn,
			String actor) {
		Registration person = registrations(List.of(idNumber)).get(idNumber);
		if (person == null) {
			throw new NotFoundException("登记库中没有身份证件号码为 %s 的人员".formatted(ResidentIdNumbers.masked(idNumber)));
		}
		Map<String, RegisteredUnit> units = units(List.of(person.unitCreditCode(), toUnitCreditCode));
		RegisteredUnit from = units.get(person.unitCreditCode());
		RegisteredUnit to = units.get(toUnitCreditCode);
		if (to == null) {
			throw new NotFoundException("登记库中没有统一社会信用代码为 %s 的单位".formatted(toUnitCreditCode));
		}
		if (!officeChannel.equals(from.channelCode()) && !officeChannel.equals(to.channelCode())) {
			throw new ConflictException("调动须由调出或调入单位所在地的人社部门办理（%s 或 %s），本机关 %s 无权办理".formatted(from.channelName(),
					to.channelName(), officeChannel));
		}
		if (to.id() == from.id()) {
			throw new ConflictException("此人已在%s「%s」，无需调动".formatted(to.kind().label(), to.name()));
		}
		if (to.kind() != Organisation.Kind.UNIT) {
			throw new InvalidRequestException("「%s」是继续教育基地，不是所在单位：人员只能调到单位".formatted(to.name()));
		}
		if (to.closed()) {
			throw new ConflictException("单位「%s」已于 %s 撤销，不能调入".formatted(to.name(), to.closedOn()));
		}
		LocalDate today = LocalDate.now(this.clock);
		if (movedOn.isAfter(today)) {
			throw new InvalidRequestException("调动日期 %s 晚于今天：请在调动生效后办理".formatted(movedOn));
		}
		LocalDate lastMove = this.jdbc.sql("SELECT MAX(moved_on) FROM person_transfer WHERE person_id = :person")
			.param("person", person.personId())
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		if (lastMove != null && movedOn.isBefore(lastMove)) {
			throw new InvalidRequestException("调动日期 %s 早于此人上一次调动（%s）".formatted(movedOn, lastMove));
		}
		this.jdbc.sql("UPDATE person SET unit_id = :to WHERE id = :person")
			.param("to", to.id())
			.param("person", person.personId())
			.update();
		this.jdbc.sql("""
				INSERT INTO person_transfer (person_id, from_unit_id, to_unit_id, moved_on, recorded_by, recorded_at)
				VALUES (:person, :from, :to, :on, :actor, :at)
				""")
			.param("person", person.personId())
			.param("from", from.id())
			.param("to", to.id())
			.param("on", movedOn)
			.param("actor", actor)
			.param("at", LocalDateTime.now(this.clock))
			.update();
		this.audit.record(actor, "PERSON_TRANSFERRED", officeChannel, "person:" + person.personId(),
				"organisation:%d -> organisation:%d on %s".formatted(from.id(), to.id(), movedOn));
		return new Transfer(person.personId(), from, to, movedOn);
	}

	/** A person's latest move away from a unit: when, and to which unit. */
	public record MovedAway(LocalDate movedOn, String toUnitName) {

	}

	/**
	 * Of these people, those who moved away from the unit with {@code creditCode} and are
	 * not back in it: their latest move out, by ID number. From that date their entries
	 * are the new unit's to register (第十八条); the old unit keeps what came before.
	 */
	@Transactional(readOnly = true)
	public Map<String, MovedAway> movedAwayFrom(String creditCode, Collection<String> idNumbers) {
		Map<String, MovedAway> moved = new HashMap<>();
		for (List<String> chunk : chunks(idNumbers)) {
			this.jdbc.sql("""
					SELECT p.id_number, t.moved_on, o.name
					FROM person_transfer t
					JOIN person p ON p.id = t.person_id
					JOIN organisation f ON f.id = t.from_unit_id
					JOIN organisation o ON o.id = t.to_unit_id
					WHERE f.credit_code = :code AND p.id_number IN (:ids) AND p.unit_id <> f.id
					ORDER BY t.moved_on, t.id
					""")
				.param("code", creditCode)
				.param("ids", chunk)
				.query((rs, row) -> moved.put(rs.getString(1),
						new MovedAway(rs.getObject(2, LocalDate.class), rs.getString(3))))
				.list();
		}
		return moved;
	}

	/** The transfers of a person, oldest first. */
	@Transactional(readOnly = true)
	public List<Transfer> transfers(long personId) {
		return this.jdbc.sql("""
				SELECT t.moved_on,
				       f.id, f.kind, f.name, f.credit_code, f.channel_code, fc.name, f.closed_on,
				       o.id, o.kind, o.name, o.credit_code, o.channel_code, oc.name, o.closed_on
				FROM person_transfer t
				JOIN organisation f ON f.id = t.from_unit_id JOIN channel fc ON fc.code = f.channel_code
				JOIN organisation o ON o.id = t.to_unit_id JOIN channel oc ON oc.code = o.channel_code
				WHERE t.person_id = :person ORDER BY t.moved_on, t.id
				""")
			.param("person", personId)
			.query((rs, row) -> new Transfer(personId, unit(rs, 2), unit(rs, 9), rs.getObject(1, LocalDate.class)))
			.list();
	}

	/**
	 * A unit read from seven columns from {@code first}: id, kind, name, code, channel,
	 * its name, closed.
	 */
	private static RegisteredUnit unit(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
		return new RegisteredUnit(rs.getLong(first), Organisation.Kind.valueOf(rs.getString(first + 1)),
				rs.getString(first + 2), rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5),
				rs.getObject(first + 6, LocalDate.class));
	}

	private static RegisteredUnit unitOfOffice(RegisteredUnit unit, String creditCode, String officeChannel) {
		if (unit == null) {
			throw new NotFoundException("登记库中没有统一社会信用代码为 %s 的单位或基地，请先登记单位".formatted(creditCode));
		}
		if (!unit.channelCode().equals(officeChannel)) {
			throw new ConflictException("%s「%s」属%s，不归本机关（%s）管理".formatted(unit.kind().label(), unit.name(),
					unit.channelName(), officeChannel));
		}
		return unit;
	}

	private static List<List<String>> chunks(Collection<String> values) {
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
