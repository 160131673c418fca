package org.ceprint.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * The office_user table.
 */
@Repository
public class OfficeUsers implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	OfficeUsers(JdbcClient jdbc, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.passwords = passwords;
	}

	@Override
	public OfficeUser loadUserByUsername(String username) {
		return this.jdbc.sql("""
				SELECT username, password_hash, display_name, role, office_channel, enabled
				FROM office_user WHERE username = :username
				""")
			.param("username", username)
			.query((rs, row) -> new OfficeUser(rs.getString(1), rs.getString(2), rs.getString(3),
					OfficeRole.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6)))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	/** Creates an account; the password is stored hashed. */
	public void create(String username, String password, String displayName, OfficeRole role, String officeChannel) {
		this.jdbc.sql("""
				INSERT INTO office_user (username, password_hash, display_name, role, office_channel, enabled)
				VALUES (:username, :hash, :name, :role, :office, TRUE)
				""")
			.param("username", username)
			.param("hash", this.passwords.encode(password))
			.param("name", displayName)
			.param("role", role.name())
			.param("office", officeChannel)
			.update();
	}

	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM office_user").query(Long.class).single();
	}

}
