package org.gridlink.platform;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On a production database without any user, creates {@code admin} (and {@code auditor}, separation of duties)
 * from {@code GRIDLINK_ADMIN_PASSWORD} and {@code GRIDLINK_AUDITOR_PASSWORD}. Does nothing once a user exists.
 */
@Component
@Order(10)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final JurisdictionDirectory jurisdictions;
	private final String adminPassword;
	private final String auditorPassword;

	FirstAdministrator(JdbcClient jdbc, Accounts accounts, JurisdictionDirectory jurisdictions,
			@Value("${GRIDLINK_ADMIN_PASSWORD:}") String adminPassword,
			@Value("${GRIDLINK_AUDITOR_PASSWORD:}") String auditorPassword) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.jurisdictions = jurisdictions;
		this.adminPassword = adminPassword;
		this.auditorPassword = auditorPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (adminPassword.isBlank() || jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single() > 0) {
			return;
		}
		Set<String> districts = Set.copyOf(jurisdictions.districtCodes());
		accounts.create(new NewAccount("admin", "系统管理员", adminPassword, Set.of(Role.ADMIN), districts, null));
		if (!auditorPassword.isBlank()) {
			accounts.create(new NewAccount("auditor", "审计员", auditorPassword, Set.of(Role.AUDITOR), Set.of(), null));
		}
		LOG.info("Created the first administrator account 'admin'");
	}
}
