package org.gridlink.support;

import org.gridlink.GridlinkApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second GridLink application context on the database of the suite's shared context: another instance behind the
 * balancer, for tests of what instances share (limits, job claims, caches with a version check). Started once on
 * first use and kept for the rest of the run (several test classes use it; it stops with the JVM).
 */
public final class OtherInstance {

	private static ConfigurableApplicationContext context;

	private OtherInstance() {
	}

	/** The other instance, on the database that {@code environment} (the shared test context's) points to. */
	public static synchronized ConfigurableApplicationContext of(Environment environment) {
		if (context == null || !context.isActive()) {
			context = new SpringApplicationBuilder(GridlinkApplication.class).web(WebApplicationType.SERVLET)
				.run("--server.port=0", "--gridlink.demo.enabled=false", "--spring.main.banner-mode=off",
						"--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
						"--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
						"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""));
		}
		return context;
	}
}
