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
		for (String table : List.of("registration_entry", "certificate", "certificate_number_sequence", "person",
				"organisation", "department")) {
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
				VALUES (?, ?, ?, ?, ?, 'VALID')
				""", certificates, (c) -> {
			long person = required(people, c.holderIdNumber(), "人员");
			return new Object[] { c.certificateNo(), person, person, c.channelCode(), c.issueDate() };
		});
	}

	public void addEntries(List<NewEntry> entries) {
		insertEntries(entries, null);
	}

	private void insertEntries(List<NewEntry> entries, List<String> importKeys) {
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

	/**
	 * What an import stored: the keys of rows whose entry was already there, and the ids
	 * of the entries every row stands for, in the rows' order and each once.
	 */
	public record ImportedEntries(java.util.Set<String> alreadyStored, List<Long> entryIds) {

	}

	/**
	 * Adds imported entries, each with its import key; an entry already stored (with the
	 * same key, or without a key but with the same content) is left out. Joins the
	 * caller's transaction.
	 */
	@org.springframework.transaction.annotation.Transactional
	public ImportedEntries addImportedEntries(List<NewEntry> entries, List<String> importKeys) {
		Map<String, Long> ids = keyedIds(importKeys);
		unkeyedTwins(entries, importKeys).forEach(ids::putIfAbsent);
		java.util.Set<String> existing = new java.util.HashSet<>(ids.keySet());
		List<NewEntry> fresh = new ArrayList<>();
		List<String> freshKeys = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>(existing);
		for (int i = 0; i < entries.size(); i++) {
			if (seen.add(importKeys.get(i))) {
				fresh.add(entries.get(i));
				freshKeys.add(importKeys.get(i));
			}
		}
		if (!fresh.isEmpty()) {
			insertEntries(fresh, freshKeys);
			ids.putAll(keyedIds(freshKeys));
		}
		return new ImportedEntries(existing,
				importKeys.stream().map(ids::get).filter((id) -> id != null).distinct().toList());
	}

	private Map<String, Long> keyedIds(List<String> importKeys) {
		Map<String, Long> ids = new HashMap<>();
		for (int from = 0; from < importKeys.size(); from += BATCH) {
			this.jdbc.sql("SELECT import_key, id FROM registration_entry WHERE import_key IN (:keys)")
				.param("keys", importKeys.subList(from, Math.min(importKeys.size(), from + BATCH)))
				.query((rs, row) -> ids.put(rs.getString(1), rs.getLong(2)))
				.list();
		}
		return ids;
	}

	/**
	 * Entries stored without an import key (generated, or registered before imports had
	 * keys) that an import repeats, as when a unit fills in the summary table ceprint
	 * exported for it and sends it back: matched on person, body, project, period and
	 * hours, the fields the key is made of. Their ids, by the key of the row they repeat.
	 */
	private Map<String, Long> unkeyedTwins(List<NewEntry> entries, List<String> importKeys) {
		List<String> idNumbers = entries.stream().map(NewEntry::holderIdNumber).distinct().toList();
		List<String> bodies = entries.stream().map(NewEntry::registeredByCreditCode).distinct().toList();
		Map<String, Long> stored = new HashMap<>();
		for (int from = 0; from < idNumbers.size() && !bodies.isEmpty(); from += BATCH) {
			this.jdbc.sql("""
					SELECT p.id_number, o.credit_code, e.project_name, e.start_date, e.end_date, e.hours, e.id
					FROM registration_entry e
					JOIN person p ON p.id = e.person_id
					JOIN organisation o ON o.id = e.registered_by_id
					WHERE e.import_key IS NULL AND o.credit_code IN (:bodies) AND p.id_number IN (:ids)
					""")
				.param("bodies", bodies)
				.param("ids", idNumbers.subList(from, Math.min(idNumbers.size(), from + BATCH)))
				.query((rs, row) -> stored.putIfAbsent(importKey(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getBigDecimal(6)),
						rs.getLong(7)))
				.list();
		}
		Map<String, Long> twins = new HashMap<>();
		for (String key : importKeys) {
			Long id = stored.get(key);
			if (id != null) {
				twins.put(key, id);
			}
		}
		return twins;
	}

	/**
	 * The key an imported entry is stored under, so that importing it again stores
	 * nothing: SHA-256 over person, body, project, period and hours.
	 */
	public static String importKey(NewEntry entry) {
		return importKey(entry.holderIdNumber(), entry.registeredByCreditCode(), entry.projectName(), entry.startDate(),
				entry.endDate(), entry.hours());
	}

	private static String importKey(String idNumber, String creditCode, String project, LocalDate start, LocalDate end,
			java.math.BigDecimal hours) {
		String content = String.join("|", idNumber, creditCode, project, start.toString(), end.toString(),
				hours.stripTrailingZeros().toPlainString());
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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
