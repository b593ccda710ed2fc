package org.gridlink.platform.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads an account with its roles and scope for authentication. For API tokens, which authenticate every request,
 * the token, the account and its {@code security_version} come in one query, and the roles and scope are kept in
 * memory per user and version: changing either bumps the version (Accounts), so a change applies to the next request
 * on every instance, and a disabled or locked account or a revoked token is refused at once.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private static final String COLUMNS = "u.id, u.username, u.display_name, u.password_hash, u.enabled, "
			+ "u.locked_until, u.unit_id, u.security_version";

	private final JdbcClient jdbc;
	private final Clock clock;

	/** Roles and scope by user id, with the version they were read at. */
	private final Map<Long, Grants> grants = new ConcurrentHashMap<>();

	AccountUserDetailsService(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	private record Row(long id, String username, String displayName, String hash, boolean enabled,
			@Nullable OffsetDateTime lockedUntil, @Nullable Long unitId, long securityVersion) {
	}

	private record Grants(long version, Set<Role> roles, Set<String> scope) {
	}

	@Override
	public AccountPrincipal loadUserByUsername(String username) {
		return load("SELECT " + COLUMNS + " FROM app_user u WHERE u.username = ?", username).map(row -> principal(row,
				readGrants(row))).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	/** The account of an API token that is not revoked, with the token's expiry, by the token's hash. */
	Optional<TokenAccount> loadByTokenHash(String tokenHash) {
		return jdbc.sql("SELECT " + COLUMNS + ", t.expires_at FROM api_token t JOIN app_user u ON u.id = t.user_id"
				+ " WHERE t.token_hash = ? AND t.revoked_at IS NULL").param(tokenHash)
			.query((rs, i) -> {
				Row row = row(rs);
				return new TokenAccount(principal(row, cachedGrants(row)), rs.getObject(9, OffsetDateTime.class));
			})
			.optional();
	}

	/** A token's account and when the token expires. */
	record TokenAccount(AccountPrincipal principal, OffsetDateTime expiresAt) {
	}

	private Optional<Row> load(String sql, Object... keys) {
		return jdbc.sql(sql).params(keys).query((rs, i) -> row(rs)).optional();
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
				rs.getObject(6, OffsetDateTime.class), (Long) rs.getObject(7, Long.class), rs.getLong(8));
	}

	private Grants cachedGrants(Row row) {
		Grants known = grants.get(row.id());
		if (known != null && known.version() == row.securityVersion()) {
			return known;
		}
		Grants fresh = readGrants(row);
		grants.put(row.id(), fresh);
		return fresh;
	}

	private Grants readGrants(Row row) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		jdbc.sql("SELECT role FROM user_role WHERE user_id = ?").param(row.id()).query(String.class).list()
			.forEach(r -> roles.add(Role.valueOf(r)));
		Set<String> scope = new HashSet<>(jdbc.sql("SELECT jurisdiction_code FROM user_scope WHERE user_id = ?")
			.param(row.id()).query(String.class).list());
		return new Grants(row.securityVersion(), roles, scope);
	}

	private AccountPrincipal principal(Row row, Grants grants) {
		boolean locked = row.lockedUntil() != null && !row.lockedUntil().isBefore(OffsetDateTime.now(clock));
		return new AccountPrincipal(row.id(), row.username(), row.displayName(), row.hash(), row.enabled(), locked,
				grants.roles(), grants.scope(), row.unitId());
	}
}
