package org.ceprint.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.ceprint.registry.internal.RegistryRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads professionals with their valid certificate number and, optionally, their entries.
 */
@Repository
@Transactional(readOnly = true)
public class PersonDossiers {

	private static final String SELECT = "SELECT " + RegistryRows.HOLDER_COLUMNS + """
			, c.certificate_no
			FROM person p
			JOIN organisation o ON o.id = p.unit_id
			LEFT JOIN certificate c ON c.current_holder_id = p.id
			WHERE p.id IN (:ids)
			""";

	private final JdbcClient jdbc;

	private final RegistrationEntries entries;

	PersonDossiers(JdbcClient jdbc, RegistrationEntries entries) {
		this.jdbc = jdbc;
		this.entries = entries;
	}

	/**
	 * Returns the dossiers in the order of {@code personIds}; unknown ids are left out.
	 */
	public List<PersonDossier> findByPersonIds(Collection<Long> personIds, boolean withEntries) {
		if (personIds.isEmpty()) {
			return List.of();
		}
		Map<Long, PersonDossier> found = UniqueRows.byKey(this.jdbc.sql(SELECT)
			.param("ids", personIds)
			.query((rs, row) -> new PersonDossier(RegistryRows.holder(rs), rs.getString("certificate_no"), List.of()))
			.list(), (dossier) -> dossier.holder().personId(), "人员");
		Map<Long, List<RegistrationEntry>> entriesByPerson = withEntries ? this.entries.findByPersonIds(found.keySet())
				: Map.of();
		return personIds.stream()
			.map(found::get)
			.filter((dossier) -> dossier != null)
			.map((dossier) -> new PersonDossier(dossier.holder(), dossier.certificateNo(),
					entriesByPerson.getOrDefault(dossier.holder().personId(), List.of())))
			.toList();
	}

	/** The names of the people with these resident ID numbers, by ID number. */
	public Map<String, String> namesByIdNumbers(Collection<String> idNumbers) {
		Map<String, String> names = new java.util.HashMap<>();
		List<String> all = List.copyOf(idNumbers);
		for (int from = 0; from < all.size(); from += 1000) {
			this.jdbc.sql("SELECT id_number, name FROM person WHERE id_number IN (:ids)")
				.param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
				.query((rs, row) -> names.put(rs.getString(1), rs.getString(2)))
				.list();
		}
		return names;
	}

	/**
	 * The people a unit employs, or every unit of a channel employs, by unit and id: the
	 * population of a unit's or a city's annual assessment (第十五条).
	 */
	public List<Long> personIdsOfUnit(long unitId) {
		return this.jdbc.sql("SELECT id FROM person WHERE unit_id = :unit ORDER BY id")
			.param("unit", unitId)
			.query(Long.class)
			.list();
	}

	public List<Long> personIdsOfChannel(String channelCode) {
		return this.jdbc.sql("""
				SELECT p.id FROM person p JOIN organisation o ON o.id = p.unit_id
				WHERE o.channel_code = :channel ORDER BY o.id, p.id
				""").param("channel", channelCode).query(Long.class).list();
	}

}
