package org.gridlink.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo beans exist in demo mode only: on by default, off with GRIDLINK_DEMO=false or with GRIDLINK_DB_URL set. */
class DemoDataTest {

	@DemoData
	static class Loader {
	}

	final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Loader.class);

	@Test
	void onByDefault() {
		context.run(c -> assertThat(c).hasSingleBean(Loader.class));
		context.withPropertyValues("gridlink.demo.enabled=true").run(c -> assertThat(c).hasSingleBean(Loader.class));
	}

	@Test
	void offWhenSwitchedOff() {
		context.withPropertyValues("gridlink.demo.enabled=false").run(c -> assertThat(c).doesNotHaveBean(Loader.class));
	}

	@Test
	void offOnAProductionDatabase() {
		context.withPropertyValues("GRIDLINK_DB_URL=jdbc:postgresql://db/x")
				.run(c -> assertThat(c).doesNotHaveBean(Loader.class));
	}
}
