package org.gridlink.cases;

import org.gridlink.platform.DemoData;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo district's Open311 client {@code demo} with the published key {@link #KEY} (docs/cases.md), so the POST
 * endpoint can be tried. Demo mode only ({@code @DemoData}): a real district
 * registers its clients through {@code POST /api/v1/open311/clients} and gets keys nobody else knows.
 */
@DemoData
@Order(21)
class DemoOpen311Client implements ApplicationRunner {

	static final String NAME = "demo";
	static final String KEY = "gridlink-demo-open311-key";

	private final Open311Gateway gateway;
	private final JdbcClient jdbc;

	DemoOpen311Client(Open311Gateway gateway, JdbcClient jdbc) {
		this.gateway = gateway;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT COUNT(*) FROM open311_client WHERE name = ?").param(NAME).query(Long.class)
				.single() == 0) {
			gateway.insertClient(NAME, KEY, "demo");
		}
	}
}
