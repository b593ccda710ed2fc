package org.gridlink.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** Demo components exist in demo mode only: not with {@code gridlink.demo.enabled=false}, not with a real database. */
class DemoDataTest {

	@DemoData
	static class Loader {
	}

	@Test
	void demoModeIsTheDefault() {
		assertThat(created(new MockEnvironment())).isTrue();
		assertThat(created(new MockEnvironment().withProperty("gridlink.demo.enabled", "true"))).isTrue();
	}

	@Test
	void switchedOffOrARealDatabaseMeansNoDemoComponent() {
		assertThat(created(new MockEnvironment().withProperty("gridlink.demo.enabled", "false"))).isFalse();
		assertThat(created(new MockEnvironment().withProperty("GRIDLINK_DB_URL", "jdbc:postgresql://db/x"))).isFalse();
	}

	@Test
	void anyDatabaseButTheEmbeddedOneIsProductionHoweverItsUrlWasGiven() {
		String postgres = "jdbc:postgresql://db:5432/gridlink";
		assertThat(created(new MockEnvironment().withProperty("spring.datasource.url", postgres))).isFalse();
		assertThat(created(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:tcp://db/x"))).isFalse();
		assertThat(created(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x"))).isTrue();
		assertThat(created(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/g"))).isTrue();
	}

	@Test
	void theExplicitSwitchAllowsDemoModeOnARealDatabase() {
		MockEnvironment trial = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x")
			.withProperty("gridlink.demo.on-real-database", "true");
		assertThat(created(trial)).isTrue();
		assertThat(DemoData.DemoMode.onRealDatabase(trial)).isTrue();
		assertThat(DemoData.DemoMode.onRealDatabase(new MockEnvironment().withProperty("gridlink.demo.on-real-database",
				"true"))).as("no banner on the embedded database").isFalse();
	}

	@Test
	void productionModeOverridesTheDemoPropertyForEveryReader() {
		MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x")
			.withProperty("gridlink.demo.enabled", "true").withProperty("gridlink.public-base-url", "https://grid.example")
			.withProperty("gridlink.security.second-factor-required-roles", "");
		new ProductionMode().postProcessEnvironment(production, new SpringApplication());
		assertThat(production.getProperty("gridlink.demo.enabled")).isEqualTo("false");
		assertThat(production.getProperty("server.servlet.session.cookie.secure")).as("Secure session cookie")
			.isEqualTo("true");
		assertThat(production.getProperty("gridlink.security.second-factor-required-roles"))
			.as("second factor required in production").isEqualTo("ADMIN,AUDITOR,CENTER");
		MockEnvironment chosen = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x")
			.withProperty("gridlink.public-base-url", "https://grid.example")
			.withProperty("gridlink.security.second-factor-required-roles", "ADMIN,AUDITOR,CENTER,LEADER");
		new ProductionMode().postProcessEnvironment(chosen, new SpringApplication());
		assertThat(chosen.getProperty("gridlink.security.second-factor-required-roles"))
			.isEqualTo("ADMIN,AUDITOR,CENTER,LEADER");
		MockEnvironment trial = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x")
			.withProperty("gridlink.demo.on-real-database", "true");
		new ProductionMode().postProcessEnvironment(trial, new SpringApplication());
		assertThat(trial.getProperty("gridlink.demo.enabled")).isNull();
		assertThat(trial.getProperty("server.servlet.session.cookie.secure")).isNull();
		assertThat(trial.getProperty("gridlink.security.second-factor-required-roles")).as("demo: none").isNull();
	}

	@Test
	void productionModeIsRegisteredWithSpringBoot() throws Exception {
		java.util.List<String> registered = new java.util.ArrayList<>();
		java.util.Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories")).forEach(url -> {
			try (var in = url.openStream()) {
				java.util.Properties factories = new java.util.Properties();
				factories.load(in);
				registered.add(factories.getProperty(org.springframework.boot.EnvironmentPostProcessor.class.getName(), ""));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		assertThat(registered).anyMatch(names -> names.contains(ProductionMode.class.getName()));
	}

	private static boolean created(MockEnvironment environment) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.setEnvironment(environment);
			context.register(Loader.class);
			context.refresh();
			return context.getBeanNamesForType(Loader.class).length == 1;
		}
	}
}
