package org.ceprint.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the supervising departments (主管部门) that review their units' submissions (第十一条).
 */
@Repository
@Transactional(readOnly = true)
public class Departments {

	private final JdbcClient jdbc;

	Departments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The names of the departments with these ids, by id; an unknown id is left out. */
	public Map<Long, String> namesByIds(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("SELECT id, name FROM department WHERE id IN (:ids)")
			.param("ids", List.copyOf(new java.util.HashSet<>(ids)))
			.query((rs, row) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}

}
