package org.ceprint.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.NotFoundException;
import org.ceprint.registry.Enrolment.RegisteredUnit;
import org.ceprint.registry.Enrolment.Registration;
import org.ceprint.registry.internal.RegistryAudit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who move to another unit or city (调动, 第十八条): recorded by the old or the new
 * unit's office, in person_transfer and registry_audit; the certificate stays valid and
 * unchanged, and from the move on the new unit registers their learning.
 */
@Service
@Transactional
public class Transfers {

	private final JdbcClient jdbc;

	private final Enrolment enrolment;

	private final RegistryAudit audit;

	private final Clock clock;

	Transfers(JdbcClient jdbc, Enrolment enrolment, RegistryAudit audit, Clock clock) {
		this.jdbc = jdbc;
		this.enrolment = enrolment;
		this.audit = audit;
		this.clock = clock;
	}

	/** A move recorded: from which unit and city to which, on which date. */
	public record Transfer(long personId, RegisteredUnit from, RegisteredUnit to, LocalDate movedOn) {

		public boolean betweenCities() {
			return !this.from.channelCode().equals(this.to.channelCode());
		}

	}

	/**
	 * Records that a person moved to another unit, possibly of another city, on
	 * {@code movedOn}: their certificate stays valid and unchanged; from now on the new
	 * unit (and its city's office) serves them. Either the old or the new unit's office
	 * may record it.
	 */
	public Transfer transfer(String officeChannel, String idNumber, String toUnitCreditCode, LocalDate movedOn,
			String actor) {
		Registration person = this.enrolment.registrations(List.of(idNumber)).get(idNumber);
		if (person == null) {
			throw new NotFoundException("登记库中没有身份证件号码为 %s 的人员".formatted(ResidentIdNumbers.masked(idNumber)));
		}
		Map<String, RegisteredUnit> units = this.enrolment.units(List.of(person.unitCreditCode(), toUnitCreditCode));
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
		for (List<String> chunk : Enrolment.chunks(idNumbers)) {
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
			.query((rs, row) -> new Transfer(personId, Enrolment.unit(rs, 2), Enrolment.unit(rs, 9),
					rs.getObject(1, LocalDate.class)))
			.list();
	}

}
