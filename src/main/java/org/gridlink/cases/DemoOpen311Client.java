package org.gridlink.cases;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo district's Open311 client {@code demo} with the published key {@link #KEY} (docs/cases.md), so the POST
 * endpoint can be tried. Off when {@code GRIDLINK_DB_URL} is set or {@code GRIDLINK_DEMO=false}: a real district
 * registers its clients through {@code POST /api/v1/open311/clients} and gets keys nobody else knows.
 */
@Component
@Order(21)
class DemoOpen311Client implements ApplicationRunner {

	static final String NAME = "demo";
	static final String KEY = "gridlink-demo-open311-key";

	private final Open311Gateway gateway;
	private final JdbcClient jdbc;
	private final boolean enabled;

	DemoOpen311Client(Open311Gateway gateway, JdbcClient jdbc, Environment environment,
			@Value("${gridlink.demo.enabled:true}") boolean enabled) {
		this.gateway = gateway;
		this.jdbc = jdbc;
		this.enabled = enabled && environment.getProperty("GRIDLINK_DB_URL") == null;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (enabled && jdbc.sql("SELECT COUNT(*) FROM open311_client WHERE name = ?").param(NAME).query(Long.class)
				.single() == 0) {
			gateway.insertClient(NAME, KEY, "demo");
		}
	}
}
