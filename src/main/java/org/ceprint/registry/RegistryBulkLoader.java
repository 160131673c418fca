package org.ceprint.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.ceprint.registry.NewRecords.Department;
import org.ceprint.registry.NewRecords.NewCertificate;
import org.ceprint.registry.NewRecords.NewEntry;
import org.ceprint.registry.NewRecords.NewOrganisation;
import org.ceprint.registry.NewRecords.NewPerson;
import org.ceprint.registry.internal.InvalidRecordException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds records to the registry in JDBC batches, validating every code first: a bad row
 * fails the whole call with an {@link InvalidRecordException} naming the record and
 * field, and nothing of that call is stored.
 */
@Component
@Transactional
public class RegistryBulkLoader {

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectProvider<RegistryDependents> dependents;

	RegistryBulkLoader(JdbcTemplate jdbcTemplate, JdbcClient jdbc, Clock clock,
			ObjectProvider<RegistryDependents> dependents) {
		this.dependents = dependents;
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public boolean hasPeople() {
		return this.jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single() > 0;
	}

	/**
	 * Empties the registry's tables (not the issuing channels).
	 */
	public void clear() {
		this.dependents.orderedStream().forEach(RegistryDependents::beforeRegistryCleared);
		this.jdbc.sql("UPDATE certificate SET predecessor_id = NULL").update();
		for (String table : List.of("registration_entry", "certificate", "certificate_number_sequence",
				"person_transfer", "registry_audit", "person", "organisation", "department")) {
			this.jdbc.sql("DELETE FROM " + table).update();
		}
	}

	public void addDepartments(Collection<Department> departments) {
		batch("INSERT INTO department (channel_code, name) VALUES (?, ?)", departments,
				(d) -> new Object[] { d.channelCode(), d.name() });
	}

	public void addOrganisations(Collection<NewOrganisation> organisations) {
		List<FieldProblem> problems = new ArrayList<>();
		for (NewOrganisation organisation : organisations) {
			Checked code = CreditCodes.check(organisation.creditCode());
			if (!code.valid()) {
				problems.add(new FieldProblem("单位「" + organisation.name() + "」", CreditCodes.FIELD,
						organisation.creditCode(), code.problem()));
			}
		}
		throwIfAny(problems);
		Map<String, Long> departments = new HashMap<>();
		this.jdbc.sql("SELECT id, channel_code, name FROM department")
			.query((rs, row) -> departments.put(rs.getString(2) + "/" + rs.getString(3), rs.getLong(1)))
			.list();
		batch("INSERT INTO organisation (kind, name, credit_code, channel_code, department_id) VALUES (?, ?, ?, ?, ?)",
				organisations,
				(o) -> new Object[] { o.kind().name(), o.name(), o.creditCode(), o.channelCode(),
						(o.departmentName() != null) ? departments.get(o.channelCode() + "/" + o.departmentName())
								: null });
	}

	public void addPeople(List<NewPerson> people) {
		LocalDate today = LocalDate.now(this.clock);
		List<FieldProblem> problems = new ArrayList<>();
		for (NewPerson person : people) {
			Checked id = ResidentIdNumbers.check(person.idNumber(), today);
			if (!id.valid()) {
				problems.add(new FieldProblem("人员「" + person.name() + "」", ResidentIdNumbers.FIELD, person.idNumber(),
						id.problem()));
			}
		}
		throwIfAny(problems);
		Map<String, Long> units = ids("organisation", "credit_code",
				people.stream().map(NewPerson::unitCreditCode).distinct().toList());
		batch("""
				INSERT INTO person (name, sex, birth_date, id_number, unit_id, title_level, title_name, specialty)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""", people, (p) -> new Object[] { p.name(), p.sex().name(), p.birthDate(), p.idNumber(),
				required(units, p.unitCreditCode(), "单位"), p.titleLevel().name(), p.titleName(), p.specialty() });
	}

	public void addCertificates(List<NewCertificate> certificates) {
		Map<String, Long> people = ids("person", "id_number",
				certificates.stream().map(NewCertificate::holderIdNumber).toList());
		batch("""
				INSERT INTO certificate (certificate_no, person_id, current_holder_id, channel_code, issue_date, status)
				VALUES (?, ?, ?, ?, ?, ?)
				""", certificates, (c) -> {
			long person = required(people, c.holderIdNumber(), "人员");
			return new Object[] { c.certificateNo(), person, person, c.channelCode(), c.issueDate(),
					CertificateStatus.VALID.name() };
		});
	}

	public void addEntries(List<NewEntry> entries) {
		insertEntries(entries, null);
	}

	/**
	 * Inserts entries, each with its import key when {@code importKeys} is given (see
	 * {@link EntryImports}).
	 */
	void insertEntries(List<NewEntry> entries, List<String> importKeys) {
		Map<String, Long> people = ids("person", "id_number",
				entries.stream().map(NewEntry::holderIdNumber).distinct().toList());
		Map<String, Long> bodies = ids("organisation", "credit_code",
				entries.stream().map(NewEntry::registeredByCreditCode).distinct().toList());
		Map<Long, Long> certificates = new HashMap<>();
		this.jdbc.sql("SELECT current_holder_id, id FROM certificate WHERE current_holder_id IN (:ids)")
			.param("ids", people.values().isEmpty() ? List.of(-1L) : people.values())
			.query((rs, row) -> certificates.put(rs.getLong(1), rs.getLong(2)))
			.list();
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			order.add(i);
		}
		batch("""
				INSERT INTO registration_entry (person_id, certificate_id, project_name, content, learning_form,
				    subject_type, start_date, end_date, hours, result, outcome, registered_by_id, registered_at, status,
				    verified_by_channel, verified_by_clerk, verified_at, rejection_reason, import_key, credit_item,
				    credited_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", order, (i) -> {
			NewEntry e = entries.get(i);
			long person = required(people, e.holderIdNumber(), "人员");
			return new Object[] { person, certificates.get(person), e.projectName(), e.content(), e.form().name(),
					e.subjectType().name(), e.startDate(), e.endDate(), e.hours(), e.result(), e.outcome(),
					required(bodies, e.registeredByCreditCode(), "登记单位"), e.registeredAt(), e.status().name(),
					e.verifiedByChannel(), e.verifiedByClerk(), e.verifiedAt(), e.rejectionReason(),
					(importKeys != null) ? importKeys.get(i) : null, e.creditItem(), e.creditedBy() };
		});
	}

	private <T> void batch(String sql, Collection<T> rows, Function<T, Object[]> values) {
		List<Object[]> batch = new ArrayList<>(BATCH);
		for (T row : rows) {
			batch.add(values.apply(row));
			if (batch.size() == BATCH) {
				this.jdbcTemplate.batchUpdate(sql, batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			this.jdbcTemplate.batchUpdate(sql, batch);
		}
	}

	private Map<String, Long> ids(String table, String naturalKey, List<String> keys) {
		Map<String, Long> ids = new HashMap<>();
		for (int from = 0; from < keys.size(); from += BATCH) {
			this.jdbc.sql("SELECT " + naturalKey + ", id FROM " + table + " WHERE " + naturalKey + " IN (:keys)")
				.param("keys", keys.subList(from, Math.min(keys.size(), from + BATCH)))
				.query((rs, row) -> ids.put(rs.getString(1), rs.getLong(2)))
				.list();
		}
		return ids;
	}

	private static long required(Map<String, Long> ids, String key, String what) {
		Long id = ids.get(key);
		if (id == null) {
			throw new InvalidRecordException(List.of(new FieldProblem(what + "「" + key + "」", what, key, "在登记库中不存在")));
		}
		return id;
	}

	private static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidRecordException(problems);
		}
	}

}
