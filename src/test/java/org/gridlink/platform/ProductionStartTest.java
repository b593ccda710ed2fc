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
					"--spring.datasource.hikari.initialization-fail-timeout=-1", "--spring.main.banner-mode=off",
					"--gridlink.public-base-url=https://grid.example.gov.cn")
			.close()).hasStackTraceContaining("GRIDLINK_DATA_KEY");
	}

	@Test
	void aRealDatabaseWithoutAPublicAddressDoesNotStart() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(GridlinkApplication.class)
			.web(WebApplicationType.SERVLET)
			.run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none", "--server.port=0",
					"--gridlink.demo.on-real-database=false",
					"--spring.flyway.enabled=false", "--spring.modulith.runtime.flyway-enabled=false",
					"--spring.datasource.hikari.initialization-fail-timeout=-1", "--spring.main.banner-mode=off",
					"--gridlink.crypto.data-key=" + KEY_A, "--gridlink.crypto.lookup-key=" + KEY_B)
			.close()).hasStackTraceContaining("GRIDLINK_PUBLIC_URL");
	}

	@Test
	void aRealDatabaseWithTheDemoPassKeyDoesNotStart() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(GridlinkApplication.class)
			.web(WebApplicationType.SERVLET)
			.run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none", "--server.port=0",
					"--gridlink.demo.on-real-database=false",
					"--spring.flyway.enabled=false", "--spring.modulith.runtime.flyway-enabled=false",
					"--spring.datasource.hikari.initialization-fail-timeout=-1", "--spring.main.banner-mode=off",
					"--gridlink.public-base-url=https://grid.example.gov.cn",
					"--gridlink.crypto.data-key=" + KEY_A, "--gridlink.crypto.lookup-key=" + KEY_B)
			.close()).hasStackTraceContaining("GRIDLINK_PASS_KEY");
	}

	private static final String KEY_A = java.util.Base64.getEncoder().encodeToString(new byte[32]);

	private static final String KEY_B = java.util.Base64.getEncoder().encodeToString(
			"another-key-of-thirty-two-bytes!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
}
