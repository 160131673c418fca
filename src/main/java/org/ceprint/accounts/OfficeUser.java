package org.ceprint.accounts;

import java.util.Collection;
import java.util.List;

import org.ceprint.registry.OfficeScope;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in account: who, in which role, for which channel. {@code organisationId} is
 * the base or unit a registrar works for (or the organisation an HRSS clerk belongs to,
 * whose entries they may not verify); {@code departmentId} is a reviewer's supervising
 * department.
 */
public record OfficeUser(String username, String passwordHash, String displayName, OfficeRole role,
		String officeChannel, boolean enabled, Long organisationId,
		Long departmentId) implements UserDetails, OfficeScope {

	public OfficeUser(String username, String passwordHash, String displayName, OfficeRole role, String officeChannel,
			boolean enabled) {
		this(username, passwordHash, displayName, role, officeChannel, enabled, null, null);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return switch (this.role) {
			case SUPERVISOR ->
				List.of(new SimpleGrantedAuthority("ROLE_SUPERVISOR"), new SimpleGrantedAuthority("ROLE_CLERK"));
			default -> List.of(new SimpleGrantedAuthority("ROLE_" + this.role.name()));
		};
	}

	@Override
	public boolean hrssOffice() {
		return this.role.hrssOffice();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	/** The account name and role only: never the password hash. */
	@Override
	public String toString() {
		return "OfficeUser[" + this.username + ", " + this.role + ", " + this.officeChannel + "]";
	}

}
