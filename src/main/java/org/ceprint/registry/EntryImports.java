package org.ceprint.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.ceprint.registry.NewRecords.NewEntry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores imported entries so that importing the same row again stores nothing: each entry
 * is stored under a key made of person, body, project, period and hours, and an entry
 * already there (with that key, or without a key but with the same content) is left out.
 */
@Component
public class EntryImports {

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final RegistryBulkLoader loader;

	EntryImports(JdbcClient jdbc, RegistryBulkLoader loader) {
		this.jdbc = jdbc;
		this.loader = loader;
	}

	/**
	 * What an import stored: the keys of rows whose entry was already there, and the ids
	 * of the entries every row stands for, in the rows' order and each once.
	 */
	public record Stored(Set<String> alreadyStored, List<Long> entryIds) {

	}

	/**
	 * Adds the entries, each with its key ({@link #key(NewEntry)}), leaving out those
	 * already stored. Joins the caller's transaction.
	 */
	@Transactional
	public Stored add(List<NewEntry> entries, List<String> importKeys) {
		Map<String, Long> ids = keyedIds(importKeys);
		unkeyedTwins(entries, importKeys).forEach(ids::putIfAbsent);
		Set<String> existing = new HashSet<>(ids.keySet());
		List<NewEntry> fresh = new ArrayList<>();
		List<String> freshKeys = new ArrayList<>();
		Set<String> seen = new HashSet<>(existing);
		for (int i = 0; i < entries.size(); i++) {
			if (seen.add(importKeys.get(i))) {
				fresh.add(entries.get(i));
				freshKeys.add(importKeys.get(i));
			}
		}
		if (!fresh.isEmpty()) {
			this.loader.insertEntries(fresh, freshKeys);
			ids.putAll(keyedIds(freshKeys));
		}
		return new Stored(existing, importKeys.stream().map(ids::get).filter(Objects::nonNull).distinct().toList());
	}

	/**
	 * The key an imported entry is stored under, so that importing it again stores
	 * nothing: SHA-256 over person, body, project, period and hours.
	 */
	public static String key(NewEntry entry) {
		return key(entry.holderIdNumber(), entry.registeredByCreditCode(), entry.projectName(), entry.startDate(),
				entry.endDate(), Hours.of(entry.hours()));
	}

	private static String key(String idNumber, String creditCode, String project, LocalDate start, LocalDate end,
			Hours hours) {
		// the hours as printed (8, not 8.0): keys stored before Hours existed were made
		// with stripTrailingZeros().toPlainString(), which writes the same
		String content = String.join("|", idNumber, creditCode, project, start.toString(), end.toString(),
				hours.toString());
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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
		// the people and bodies first, by their unique keys: the entries are then found
		// by
		// their ids through the entries' indexes, where a join filtered on a thousand ID
		// numbers had H2 compare every entry with every number
		Map<Long, String> people = byId("person", "id_number",
				entries.stream().map(NewEntry::holderIdNumber).distinct().toList());
		Map<Long, String> bodies = byId("organisation", "credit_code",
				entries.stream().map(NewEntry::registeredByCreditCode).distinct().toList());
		List<Long> personIds = List.copyOf(people.keySet());
		Map<String, Long> stored = new HashMap<>();
		for (int from = 0; from < personIds.size() && !bodies.isEmpty(); from += BATCH) {
			this.jdbc.sql("""
					SELECT person_id, registered_by_id, project_name, start_date, end_date, hours, id
					FROM registration_entry
					WHERE import_key IS NULL AND registered_by_id IN (:bodies) AND person_id IN (:people)
					""")
				.param("bodies", bodies.keySet())
				.param("people", personIds.subList(from, Math.min(personIds.size(), from + BATCH)))
				.query((rs,
						row) -> stored.putIfAbsent(key(people.get(rs.getLong(1)), bodies.get(rs.getLong(2)),
								rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
								Hours.of(rs.getBigDecimal(6))), rs.getLong(7)))
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
	 * The rows of {@code table} whose {@code naturalKey} is one of {@code keys}: key by
	 * id.
	 */
	private Map<Long, String> byId(String table, String naturalKey, List<String> keys) {
		Map<Long, String> byId = new HashMap<>();
		for (int from = 0; from < keys.size(); from += BATCH) {
			this.jdbc.sql("SELECT id, " + naturalKey + " FROM " + table + " WHERE " + naturalKey + " IN (:keys)")
				.param("keys", keys.subList(from, Math.min(keys.size(), from + BATCH)))
				.query((rs, row) -> byId.put(rs.getLong(1), rs.getString(2)))
				.list();
		}
		return byId;
	}

}
