package org.gridlink.platform.security;

import java.io.Serial;
import java.util.Collection;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal: an account with its roles and jurisdiction scope, loaded once per login. */
public final class AccountPrincipal implements UserDetails {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;
	private final String username;
	private final String displayName;
	private final String passwordHash;
	private final boolean enabled;
	/** Locked by failed log-ins at the time of loading (the clock is the loader's). */
	private final boolean locked;
	private final Set<Role> roles;
	private final Set<String> scope;
	private final @Nullable Long unitId;

	AccountPrincipal(long id, String username, String displayName, String passwordHash, boolean enabled,
			boolean locked, Set<Role> roles, Set<String> scope, @Nullable Long unitId) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.roles = Set.copyOf(roles);
		this.scope = Set.copyOf(scope);
		this.unitId = unitId;
	}

	public CurrentUser toCurrentUser() {
		return new CurrentUser(id, username, displayName, roles, Scope.of(scope), unitId);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	public long id() {
		return id;
	}
}
