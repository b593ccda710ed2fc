package org.gridlink.platform.replica;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.annotation.Transactional;

import com.zaxxer.hikari.HikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing data source wired as the application wires it (Spring Boot's data source, transaction and Flyway
 * auto-configuration plus {@link ReplicaDataSourceConfiguration}), on two in-memory H2 databases standing in for the
 * primary and the replica: each has a table {@code place} whose one row names the database, so every read shows
 * where it went.
 */
class ReplicaRoutingTest {

	private final String primaryName = "primary-" + UUID.randomUUID();
	private final String replicaName = "replica-" + UUID.randomUUID();

	private ApplicationContextRunner runner(String replicaUrl) {
		return new ApplicationContextRunner()
			// as SpringApplication does: properties such as PT10S convert to durations
			.withInitializer(context -> context.getBeanFactory()
				.setConversionService(ApplicationConversionService.getSharedInstance()))
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
					TransactionManagerCustomizationAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
					JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class))
			.withUserConfiguration(ReplicaDataSourceConfiguration.class, PlacesConfiguration.class)
			.withPropertyValues("spring.datasource.url=" + h2(primaryName), "spring.datasource.username=sa",
					"spring.flyway.locations=classpath:replica-routing", "gridlink.replica.url=" + replicaUrl,
					"spring.datasource.hikari.maximum-pool-size=4");
	}

	private static String h2(String name) {
		return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
	}

	/** The replica as replication would have made it, but with its own row so that reads show where they went. */
	private void replicaWithItsOwnRow() {
		JdbcDataSource replica = new JdbcDataSource();
		replica.setURL(h2(replicaName));
		replica.setUser("sa");
		JdbcClient.create(replica).sql("CREATE TABLE place (name VARCHAR(20) NOT NULL)").update();
		JdbcClient.create(replica).sql("INSERT INTO place (name) VALUES ('replica')").update();
	}

	@AfterEach
	void noRequestLeft() {
		RequestReads.end();
	}

	@Test
	void aReadOnlyTransactionOfAPageReadsTheReplicaAndWritesGoToThePrimary() {
		replicaWithItsOwnRow();
		runner(h2(replicaName)).run(context -> {
			Places places = context.getBean(Places.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			// Flyway ran on the primary (its table and row are there), through the primary's own pool
			assertThat(context.getBean("primaryDataSource", HikariDataSource.class).getPoolName()).isEqualTo("primary");
			assertThat(context.getBean(DataSource.class)).isInstanceOf(ReplicaDataSourceConfiguration.ReplicaDataSource.class);

			// outside a page request (schedulers, listeners, start-up) even read-only work reads the primary
			assertThat(places.readOnly()).isEqualTo("primary");

			RequestReads.begin(null, false);
			assertThat(places.readOnly()).isEqualTo("replica");
			assertThat(places.plain()).isEqualTo("primary");
			assertThat(reads(meters, "replica")).isEqualTo(1);

			// a write in the request: on the primary, and the rest of the request reads the primary
			places.rename("written");
			assertThat(places.readOnly()).isEqualTo("written");
			assertThat(reads(meters, "primary")).isEqualTo(1);
			RequestReads.end();

			Health health = context.getBean(ReplicaHealth.class).health();
			assertThat(health.getDetails()).containsEntry("reads", "replica").containsEntry("lagMillis", 0L)
				.containsEntry("reads.replica", 1L).containsEntry("reads.primary", 1L);
		});
	}

	@Test
	void afterAWriteTheSameSessionReadsThePrimaryAndLaterTheReplicaAgain() {
		replicaWithItsOwnRow();
		runner(h2(replicaName)).run(context -> {
			Places places = context.getBean(Places.class);
			ReadYourWritesFilter filter = new ReadYourWritesFilter(java.time.Clock.systemUTC());
			MockHttpSession session = new MockHttpSession();
			AtomicReference<String> read = new AtomicReference<>();

			MockHttpServletRequest post = new MockHttpServletRequest("POST", "/places");
			post.setSession(session);
			filter.doFilter(post, new MockHttpServletResponse(), (request, response) -> {
				places.rename("renamed");
				read.set(places.readOnly());
			});
			assertThat(read).hasValue("renamed");
			assertThat(session.getAttribute(ReadYourWritesFilter.LAST_WRITE)).isInstanceOf(Long.class);

			// the next page of the same session: the primary, which has the write
			MockHttpServletRequest get = new MockHttpServletRequest("GET", "/places");
			get.setSession(session);
			filter.doFilter(get, new MockHttpServletResponse(), (request, response) -> read.set(places.readOnly()));
			assertThat(read).hasValue("renamed");

			// another session (or none) reads the replica
			MockHttpServletRequest other = new MockHttpServletRequest("GET", "/places");
			other.setSession(new MockHttpSession());
			filter.doFilter(other, new MockHttpServletResponse(), (request, response) -> read.set(places.readOnly()));
			assertThat(read).hasValue("replica");

			// once the read-your-writes time (15 s by default) has passed, the session reads the replica again
			session.setAttribute(ReadYourWritesFilter.LAST_WRITE, System.currentTimeMillis() - 16_000);
			filter.doFilter(get, new MockHttpServletResponse(), (request, response) -> read.set(places.readOnly()));
			assertThat(read).hasValue("replica");
			assertThat(RequestReads.current()).isNull();
		});
	}

	@Test
	void aReplicaThatIsDownFallsBackToThePrimary() {
		runner("jdbc:h2:tcp://127.0.0.1:1/mem:gone").run(context -> {
			assertThat(context).hasNotFailed();
			Places places = context.getBean(Places.class);
			RequestReads.begin(null, false);
			assertThat(places.readOnly()).isEqualTo("primary");
			RequestReads.end();
			assertThat(reads(context.getBean(MeterRegistry.class), "fallback")).isEqualTo(1);
			Health health = context.getBean(ReplicaHealth.class).health();
			assertThat(health.getStatus().getCode()).isEqualTo("UP");
			assertThat(health.getDetails()).containsEntry("reads", "primary (fallback)").containsEntry("up", false)
				.containsKey("problem");
		});
	}

	@Test
	void withoutAReplicaUrlThereIsOneDataSourceAsBefore() {
		runner("").run(context -> {
			assertThat(context).hasSingleBean(DataSource.class).doesNotHaveBean(ReplicaHealth.class);
			assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
			RequestReads.begin(null, false);
			assertThat(context.getBean(Places.class).readOnly()).isEqualTo("primary");
		});
	}

	@Test
	void aReadYourWritesTimeShorterThanTheLagTheReplicaMayHaveIsRefused() {
		runner(h2(replicaName)).withPropertyValues("gridlink.replica.max-lag=PT30S").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("gridlink.replica.read-your-writes");
		});
	}

	private static double reads(MeterRegistry meters, String route) {
		return meters.get("gridlink.replica.reads").tags("route", route).counter().count();
	}

	@Configuration(proxyBeanMethods = false)
	static class PlacesConfiguration {

		@Bean
		Places places(JdbcClient jdbc) {
			return new Places(jdbc);
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}
	}

	public static class Places {

		private final JdbcClient jdbc;

		Places(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Transactional(readOnly = true)
		public String readOnly() {
			return jdbc.sql("SELECT name FROM place").query(String.class).single();
		}

		public String plain() {
			return jdbc.sql("SELECT name FROM place").query(String.class).single();
		}

		@Transactional
		public void rename(String name) {
			jdbc.sql("UPDATE place SET name = ?").param(name).update();
		}

	}
}
