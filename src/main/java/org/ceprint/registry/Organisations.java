package org.ceprint.registry;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads units and continuing-education bases.
 */
@Repository
@Transactional(readOnly = true)
public class Organisations {

	private final JdbcClient jdbc;

	Organisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Organisation> findById(long id) {
		return this.jdbc.sql("""
				SELECT o.id, o.kind, o.name, o.credit_code, o.channel_code, ch.office_name, d.name AS department_name,
				       o.department_id
				FROM organisation o
				JOIN channel ch ON ch.code = o.channel_code
				LEFT JOIN department d ON d.id = o.department_id
				WHERE o.id = :id
				""")
			.param("id", id)
			.query((rs, row) -> new Organisation(rs.getLong("id"), Organisation.Kind.valueOf(rs.getString("kind")),
					rs.getString("name"), rs.getString("credit_code"), rs.getString("channel_code"),
					rs.getString("office_name"), rs.getString("department_name"),
					rs.getObject("department_id", Long.class)))
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

	public Optional<Organisation> findByCreditCode(String creditCode) {
		return this.jdbc.sql("SELECT id FROM organisation WHERE credit_code = :code")
			.param("code", creditCode)
			.query(Long.class)
			.optional()
			.flatMap(this::findById);
	}

}
