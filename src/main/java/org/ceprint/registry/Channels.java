package org.ceprint.registry;

import java.util.List;

import org.ceprint.registry.internal.CheckCharacters;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issuing channels. They are a table, not an enum: later notices add channels (赣江新区).
 */
@Repository
@Transactional(readOnly = true)
public class Channels {

	public static final String FIELD = "发证机关代码";

	private final JdbcClient jdbc;

	Channels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Channel> findAll() {
		return this.jdbc.sql("SELECT code, name, office_name FROM channel ORDER BY code")
			.query((rs, row) -> new Channel(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	public boolean exists(String code) {
		return this.jdbc.sql("SELECT COUNT(*) FROM channel WHERE code = :code")
			.param("code", code)
			.query(Integer.class)
			.single() > 0;
	}

	public Checked check(String typed) {
		String code = CheckCharacters.normalise(typed);
		return exists(code) ? Checked.ok(code)
				: Checked.problem(code, "不是已登记的发证机关（江西省 11 个设区市代码 360100–361100 或省直 360000）");
	}

}
