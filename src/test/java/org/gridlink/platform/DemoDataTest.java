package org.gridlink.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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

	private static boolean created(MockEnvironment environment) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.setEnvironment(environment);
			context.register(Loader.class);
			context.refresh();
			return context.getBeanNamesForType(Loader.class).length == 1;
		}
	}
}
