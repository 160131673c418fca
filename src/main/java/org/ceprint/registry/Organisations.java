package org.ceprint.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads units and continuing-education bases.
 */
@Repository
@Transactional(readOnly = true)
public class Organisations {

	private static final String SELECT = """
			SELECT o.id, o.kind, o.name, o.credit_code, o.channel_code, ch.office_name, d.name AS department_name,
			       o.department_id
			FROM organisation o
			JOIN channel ch ON ch.code = o.channel_code
			LEFT JOIN department d ON d.id = o.department_id
			""";

	private final JdbcClient jdbc;

	Organisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Organisation> findById(long id) {
		return this.jdbc.sql(SELECT + " WHERE o.id = :id")
			.param("id", id)
			.query(Organisations::organisation)
			.optional();
	}

	/** The id of the department with this name in a channel (for accounts and tests). */
	public Optional<Long> departmentId(String channelCode, String name) {
		return this.jdbc.sql("SELECT id FROM department WHERE channel_code = :channel AND name = :name")
			.param("channel", channelCode)
			.param("name", name)
			.query(Long.class)
			.optional();
	}

	/** The units and bases with these ids, by id; an unknown id is left out. */
	public Map<Long, Organisation> findByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql(SELECT + " WHERE o.id IN (:ids)")
			.param("ids", List.copyOf(new java.util.HashSet<>(ids)))
			.query(Organisations::organisation)
			.list()
			.stream()
			.collect(Collectors.toMap(Organisation::id, Function.identity()));
	}

	public Optional<Organisation> findByCreditCode(String creditCode) {
		return this.jdbc.sql("SELECT id FROM organisation WHERE credit_code = :code")
			.param("code", creditCode)
			.query(Long.class)
			.optional()
			.flatMap(this::findById);
	}

	/** The units and bases registered in a channel, units first, then by id. */
	public List<Organisation> findByChannel(String channelCode) {
		return this.jdbc.sql(SELECT + " WHERE o.channel_code = :channel ORDER BY o.kind DESC, o.id")
			.param("channel", channelCode)
			.query(Organisations::organisation)
			.list();
	}

	private static Organisation organisation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Organisation(rs.getLong("id"), Organisation.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getString("credit_code"), rs.getString("channel_code"), rs.getString("office_name"),
				rs.getString("department_name"), rs.getObject("department_id", Long.class));
	}

}
