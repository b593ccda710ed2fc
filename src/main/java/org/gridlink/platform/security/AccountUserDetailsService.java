package org.gridlink.platform.security;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.gridlink.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads an account with its roles and scope for authentication. */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	AccountUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public AccountPrincipal loadUserByUsername(String username) {
		return load("username = ?", username)
				.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	AccountPrincipal loadById(long id) {
		return load("id = ?", id).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	private java.util.Optional<AccountPrincipal> load(String condition, Object key) {
		record Row(long id, String username, String displayName, String hash, boolean enabled,
				OffsetDateTime lockedUntil, Long unitId) {
		}
		return jdbc.sql("SELECT id, username, display_name, password_hash, enabled, locked_until, unit_id FROM app_user WHERE "
				+ condition)
				.param(key)
				.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getBoolean(5), rs.getObject(6, OffsetDateTime.class), (Long) rs.getObject(7, Long.class)))
				.optional()
				.map(row -> {
					Set<Role> roles = EnumSet.noneOf(Role.class);
					jdbc.sql("SELECT role FROM user_role WHERE user_id = ?").param(row.id()).query(String.class).list()
							.forEach(r -> roles.add(Role.valueOf(r)));
					Set<String> scope = new HashSet<>(jdbc
							.sql("SELECT jurisdiction_code FROM user_scope WHERE user_id = ?").param(row.id())
							.query(String.class).list());
					return new AccountPrincipal(row.id(), row.username(), row.displayName(), row.hash(), row.enabled(),
							row.lockedUntil(), roles, scope, row.unitId());
				});
	}
}
