package org.gridlink.platform;

import org.gridlink.GridlinkApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole application, started on a database that is not the embedded H2 with the URL given the standard Spring
 * way (as SPRING_DATASOURCE_URL would), refuses to start with the demo keys.
 */
class ProductionStartTest {

	@Test
	void aRealDatabaseWithTheDemoKeysDoesNotStart() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(GridlinkApplication.class)
			.web(WebApplicationType.SERVLET)
			.run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none", "--server.port=0",
					"--gridlink.demo.on-real-database=false",
					"--spring.flyway.enabled=false", "--spring.modulith.runtime.flyway-enabled=false",
					"--spring.datasource.hikari.initialization-fail-timeout=-1", "--spring.main.banner-mode=off")
			.close()).hasStackTraceContaining("GRIDLINK_DATA_KEY");
	}
}
