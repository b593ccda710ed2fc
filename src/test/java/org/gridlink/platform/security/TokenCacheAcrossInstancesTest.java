package org.gridlink.platform.security;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;
import org.gridlink.support.Demo;
import org.gridlink.support.OtherInstance;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API-token principals are kept in memory per instance (ApiTokens). Two application contexts on one database stand
 * for two instances: a revoked token, a disabled account or a changed scope is refused or applied on the next request
 * of the instance that made the change, and within a second on the other.
 */
@WebTest
class TokenCacheAcrossInstancesTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	ApiTokens tokens;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	ApiTokens otherInstance() {
		return OtherInstance.of(environment).getBean(ApiTokens.class);
	}

	/** A fresh community account (so changing it disturbs no other test) and a token of it. */
	record Holder(String username, long id, ApiTokens.CreatedToken token) {
	}

	Holder newHolder() {
		String username = "cache" + System.nanoTime() % 1_000_000 + "_" + SEQUENCE.incrementAndGet();
		long id = accounts.create(new NewAccount(username, "缓存测试", "Cache-test-2026", Set.of(Role.COMMUNITY),
				Set.of(Demo.COMMUNITY1), null)).id();
		return new Holder(username, id, tokens.create(id, username, "cache test"));
	}

	static Set<String> scopeOf(AccountPrincipal principal) {
		return principal.toCurrentUser().scope().codes();
	}

	@Test
	void aRevokedTokenIsRefusedAtOnceHereAndWithinASecondOnTheOtherInstance() {
		ApiTokens there = otherInstance();
		Holder holder = newHolder();
		String token = holder.token().token();
		assertThat(tokens.authenticate(token)).isPresent();
		assertThat(there.authenticate(token)).isPresent();

		tokens.revoke(holder.id(), holder.username(), holder.token().id());

		assertThat(tokens.authenticate(token)).isEmpty();
		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
			.until(() -> there.authenticate(token).isEmpty());
	}

	@Test
	void aDisabledAccountAndAChangedScopeApplyOnBothInstances() {
		ApiTokens there = otherInstance();
		Holder holder = newHolder();
		String token = holder.token().token();
		assertThat(there.authenticate(token)).isPresent();

		accounts.setEnabled(holder.username(), false);
		assertThat(tokens.authenticate(token).filter(AccountPrincipal::isEnabled)).isEmpty();
		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
			.until(() -> there.authenticate(token).filter(AccountPrincipal::isEnabled).isEmpty());

		accounts.setEnabled(holder.username(), true);
		accounts.setScope(holder.username(), Set.of(Demo.GRID1));
		try {
			assertThat(scopeOf(tokens.authenticate(token).orElseThrow())).containsExactly(Demo.GRID1);
			await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
				.until(() -> scopeOf(there.authenticate(token).orElseThrow()).equals(Set.of(Demo.GRID1)));
		}
		finally { // other tests count the staff of community1's places
			accounts.setScope(holder.username(), Set.of(Demo.COMMUNITY1));
		}
	}

	@Test
	void aBusyTokenIsServedFromMemoryUntilTheEpochMoves() {
		Holder holder = newHolder();
		String token = holder.token().token();
		assertThat(tokens.authenticate(token)).isPresent();

		// revoked behind GridLink's back (the epoch does not move): the principal in memory still answers
		jdbc.sql("UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP WHERE id = ?").param(holder.token().id()).update();
		assertThat(tokens.authenticate(token)).isPresent();

		jdbc.sql("UPDATE security_epoch SET version = version + 1 WHERE id = 1").update();
		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
			.until(() -> tokens.authenticate(token).isEmpty());
	}
}
