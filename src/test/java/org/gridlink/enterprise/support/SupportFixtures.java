package org.gridlink.enterprise.support;

import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Fixture enterprises written straight into the registry's table (its own loader and pages are another part). */
final class SupportFixtures {

	private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private SupportFixtures() {
	}

	static String creditCode() {
		StringBuilder code = new StringBuilder("91320819");
		for (int i = 0; i < 10; i++) {
			code.append(CHARS.charAt(ThreadLocalRandom.current().nextInt(CHARS.length())));
		}
		return code.toString();
	}

	record Made(long id, String creditCode) {
	}

	static Made enterprise(JdbcClient jdbc, String name, String industry, String grid, boolean key) {
		String code = creditCode();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO enterprise (credit_code, name, industry, size, grid_code, key_enterprise, legal_rep_masked, "
				+ "created_at, created_by) VALUES (?, ?, ?, 'SMALL', ?, ?, '张*', ?, 'test')")
				.params(code, name, industry, grid, key, OffsetDateTime.now()).update(keys, "id");
		return new Made(keys.getKeyAs(Number.class).longValue(), code);
	}

	static void assign(JdbcClient jdbc, long enterpriseId, String username) {
		long account = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
		jdbc.sql("INSERT INTO enterprise_liaison (enterprise_id, account_id) VALUES (?, ?)").params(enterpriseId, account)
				.update();
	}
}
