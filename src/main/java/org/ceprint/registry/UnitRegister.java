package org.ceprint.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.registry.Enrolment.RegisteredUnit;
import org.ceprint.registry.internal.RegistryAudit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The units and bases of an office's city (单位和基地名册) with their departments: registered,
 * changed and closed, never deleted; one unit per credit code province-wide, each audited
 * in registry_audit.
 */
@Service
@Transactional
public class UnitRegister {

	private final JdbcClient jdbc;

	private final Enrolment enrolment;

	private final RegistryAudit audit;

	UnitRegister(JdbcClient jdbc, Enrolment enrolment, RegistryAudit audit) {
		this.jdbc = jdbc;
		this.enrolment = enrolment;
		this.audit = audit;
	}

	/**
	 * A unit or base as an office registers it; the department is found or made by name.
	 */
	public record UnitRecord(Organisation.Kind kind, String name, String creditCode, String departmentName,
			String address, String contactName, String contactPhone) {

	}

	/**
	 * Registers units and bases in the office's city; a department named and not yet
	 * registered in the city is registered with them.
	 * @return the new organisations' ids, in order
	 * @throws ConflictException when a credit code is registered already (nothing of this
	 * call is stored then)
	 */
	public List<Long> addUnits(String officeChannel, List<UnitRecord> units, String actor) {
		Map<String, RegisteredUnit> existing = this.enrolment
			.units(units.stream().map(UnitRecord::creditCode).toList());
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
		RegisteredUnit unit = Enrolment.unitOfOffice(this.enrolment.units(List.of(creditCode)).get(creditCode),
				creditCode, officeChannel);
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
		return this.enrolment.units(List.of(creditCode)).get(creditCode);
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
	 * Closes a unit or base of the office from {@code on}: it keeps its people and
	 * history and takes no new people. A registered unit is never deleted.
	 */
	public RegisteredUnit close(String officeChannel, String creditCode, LocalDate on, String actor) {
		RegisteredUnit unit = Enrolment.unitOfOffice(this.enrolment.units(List.of(creditCode)).get(creditCode),
				creditCode, officeChannel);
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

}
