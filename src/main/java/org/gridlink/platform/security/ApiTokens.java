package org.gridlink.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.gridlink.platform.SecurityEpoch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.gridlink.platform.Hashes;

/**
 * API tokens for integrations: {@code gl_} + 32 random bytes, shown once, stored only as a SHA-256 hash (a fast
 * hash is right here: the token has 256 bits of entropy, unlike a password). Revoked tokens stop working at once,
 * every token expires after {@code gridlink.api.token-validity} (90 days by default).
 */
@Service
public class ApiTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final AccountUserDetailsService accounts;
	private final Clock clock;

	/** When this instance last wrote {@code last_used_at}, by token hash (bounded by the number of tokens). */
	private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

	private final Duration validity;

	private final SecurityEpoch epoch;

	/** Principals of live tokens by token hash, valid while the security epoch they were read at is current. */
	private final Cache<String, Cached> principals = Caffeine.newBuilder().maximumSize(10_000).build();

	ApiTokens(JdbcClient jdbc, AuditTrail audit, AccountUserDetailsService accounts, Clock clock,
			@Value("${gridlink.api.token-validity:P90D}") Duration validity, SecurityEpoch epoch) {
		this.epoch = epoch;
		this.clock = clock;
		this.validity = validity;
		this.jdbc = jdbc;
		this.audit = audit;
		this.accounts = accounts;
	}

	public record TokenView(long id, String name, String hint, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
			OffsetDateTime revokedAt, OffsetDateTime expiresAt) {
	}

	/** Serializable: it travels once through the session (a flash attribute) to the page that shows it. */
	public record CreatedToken(long id, String name, String token, OffsetDateTime expiresAt)
			implements java.io.Serializable {
	}

	/** Creates a token for the user; the plain token is returned only here. */
	@Transactional
	public CreatedToken create(long userId, String username, String name) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInputException("token.name.invalid");
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = "gl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime expiresAt = now.plus(validity);
		jdbc.sql("""
				INSERT INTO api_token (user_id, name, token_hash, token_hint, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
				.params(userId, name.trim(), hash(token), token.substring(0, 7), now, expiresAt).update();
		long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(hash(token)).query(Long.class).single();
		audit.recordAs(username, "TOKEN_CREATE", "token", String.valueOf(id), AuditTrail.SUCCESS, name.trim());
		return new CreatedToken(id, name.trim(), token, expiresAt);
	}

	public List<TokenView> list(long userId) {
		return jdbc.sql("""
				SELECT id, name, token_hint, created_at, last_used_at, revoked_at, expires_at FROM api_token
				WHERE user_id = ? ORDER BY created_at DESC""").param(userId)
				.query((rs, i) -> new TokenView(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
						rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class)))
				.list();
	}

	/** Revokes one of the user's own tokens. */
	@Transactional
	public void revoke(long userId, String username, long tokenId) {
		int updated = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
				.params(OffsetDateTime.now(clock), tokenId, userId).update();
		if (updated == 0) {
			throw new NotFoundException("token.not.found", String.valueOf(tokenId));
		}
		epoch.bump();
		audit.recordAs(username, "TOKEN_REVOKE", "token", String.valueOf(tokenId), AuditTrail.SUCCESS, null);
	}

	/**
	 * The account of a live token. Kept in memory by token hash for as long as {@link SecurityEpoch} does not move
	 * (a token revoked, an account disabled or its roles or scope changed anywhere move it), so a busy client costs no
	 * query per request; the expiry is checked on every request. The use is recorded for the token list at most once a
	 * minute per token and instance. Unknown tokens are not kept (guessing fills no memory).
	 */
	Optional<AccountPrincipal> authenticate(String token) {
		String hash = hash(token);
		long epoch = this.epoch.current(); // read before the account: a change after this read moves it past
		Cached cached = principals.getIfPresent(hash);
		if (cached == null || cached.epoch() != epoch) {
			Optional<AccountUserDetailsService.TokenAccount> loaded = accounts.loadByTokenHash(hash);
			if (loaded.isEmpty()) {
				principals.invalidate(hash);
				return Optional.empty();
			}
			cached = new Cached(epoch, loaded.get().principal(), loaded.get().expiresAt());
			principals.put(hash, cached);
		}
		if (!cached.expiresAt().isAfter(OffsetDateTime.now(clock))) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Instant last = lastTouched.get(hash);
		if (last == null || last.isBefore(now.minusSeconds(60))) {
			lastTouched.put(hash, now);
			touch(hash);
		}
		return Optional.of(cached.principal());
	}

	private record Cached(long epoch, AccountPrincipal principal, OffsetDateTime expiresAt) {
	}

	/** Sets {@code last_used_at}, at most once a minute per token across instances too. */
	private void touch(String hash) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		jdbc.sql("""
				UPDATE api_token SET last_used_at = ?
				WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)""")
				.params(now, hash, now.minusMinutes(1)).update();
	}

	static String hash(String token) {
		return Hashes.sha256Hex(token);
	}
}
