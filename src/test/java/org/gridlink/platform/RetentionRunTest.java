package org.gridlink.platform;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * The daily retention run (issue 12): nothing before the configured time of day; after it, of two application
 * contexts on one database exactly one claims and runs the day's purge, once, and each rule's count is audited. The
 * page lists the rules with their periods and the runs for the admin and the auditor; only the admin runs it now.
 */
@WebTest
class RetentionRunTest {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	DataSource dataSource;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A rule that counts its purges, shared by both instances. */
	static final class CountingRule implements RetentionRule {

		final AtomicInteger purges = new AtomicInteger();

		@Override
		public String key() {
			return "test.counting";
		}

		@Override
		public String nameKey() {
			return "retention.rule.passes.scan-log";
		}

		@Override
		public String periodProperty() {
			return "test.counting";
		}

		@Override
		public Period period() {
			return Period.ofDays(1);
		}

		@Override
		public int countDue(OffsetDateTime cutoff) {
			return 3;
		}

		@Override
		public int purge(OffsetDateTime cutoff) {
			purges.incrementAndGet();
			return 3;
		}
	}

	/** A second application: its own context, beans and instance id over the same database and clock. */
	GenericApplicationContext instance(String name, CountingRule rule, LocalTime runAt) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
		context.registerBean(DataSourceTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));
		context.registerBean(AuditTrail.class, () -> new AuditTrail(context.getBean(JdbcClient.class), clock,
				context.getBean(DataSourceTransactionManager.class)));
		context.registerBean(Retention.class, () -> new Retention(List.of(rule), context.getBean(JdbcClient.class),
				clock, context.getBean(AuditTrail.class), ZONE, runAt, name));
		context.refresh();
		return context;
	}

	/** Moves the clock to 10:00 district time of a day no other test uses; answers that day. */
	LocalDate tenOClock(int daysAhead) {
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZONE));
		ZonedDateTime target = now.toLocalDate().plusDays(daysAhead).atTime(10, 0).atZone(ZONE);
		clock.advance(Duration.between(now, target));
		return target.toLocalDate();
	}

	@Test
	void twoInstancesOnOneDatabaseRunTheDaysPurgeOnce() throws Exception {
		CountingRule rule = new CountingRule();
		LocalDate day = tenOClock(400);
		try (GenericApplicationContext a = instance("instance-a", rule, LocalTime.of(11, 0));
				GenericApplicationContext b = instance("instance-b", rule, LocalTime.of(11, 0))) {
			Retention first = a.getBean(Retention.class);
			Retention second = b.getBean(Retention.class);
			assertThat(first.runIfDue()).as("before the time of day").isFalse();
			assertThat(second.runIfDue()).isFalse();
			assertThat(rule.purges).hasValue(0);

			clock.advance(Duration.ofHours(2));
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			List<Future<Boolean>> results = new ArrayList<>();
			for (Retention r : List.of(first, second)) {
				results.add(threads.submit((Callable<Boolean>) () -> {
					start.await();
					return r.runIfDue();
				}));
			}
			start.countDown();
			int ran = 0;
			for (Future<Boolean> f : results) {
				ran += f.get() ? 1 : 0;
			}
			threads.shutdown();

			assertThat(ran).as("exactly one instance ran the day's purge").isOne();
			assertThat(rule.purges).hasValue(1);
			assertThat(first.runIfDue()).as("later checks the same day").isFalse();
			assertThat(second.runIfDue()).isFalse();
			assertThat(rule.purges).hasValue(1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM retention_run WHERE run_day = ?").param(day).query(Long.class)
					.single()).isOne();
			long runId = jdbc.sql("SELECT id FROM retention_run WHERE run_day = ?").param(day).query(Long.class).single();
			assertThat(jdbc.sql("SELECT purged FROM retention_purge WHERE run_id = ? AND rule_key = 'test.counting'")
					.param(runId).query(Integer.class).single()).isEqualTo(3);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'RETENTION_PURGE' AND subject = "
					+ "'test.counting' AND detail LIKE ?").param("purged=3 %run=" + runId).query(Long.class).single())
					.isOne();

			clock.advance(Duration.ofDays(1));
			assertThat(second.runIfDue()).as("the next day runs again").isTrue();
			assertThat(rule.purges).hasValue(2);
		}
	}

	@Test
	void theAdminAndTheAuditorSeeTheRulesOnlyTheAdminRunsThem() throws Exception {
		mvc.perform(get("/retention").with(as("auditor"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("gridlink.retention.closed-cases")))
				.andExpect(content().string(containsString("180 天")))
				.andExpect(content().string(containsString("卡口查验记录")))
				.andExpect(content().string(not(containsString("id=\"run-now\""))));
		mvc.perform(post("/retention/run").with(as("auditor"))).andExpect(status().isForbidden());
		mvc.perform(get("/retention").with(as("center"))).andExpect(status().isForbidden());
		mvc.perform(post("/retention/run").with(as("center"))).andExpect(status().isForbidden());

		mvc.perform(get("/retention").with(as("admin"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"run-now\"")));
		mvc.perform(post("/retention/run").with(as("admin"))).andExpect(status().is3xxRedirection())
				.andExpect(flash().attributeExists("flash"));
		mvc.perform(get("/retention").with(as("auditor"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("admin 立即清理")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM retention_run WHERE trigger_kind = 'MANUAL' AND started_by = 'admin'")
				.query(Long.class).single()).isPositive();
	}
}
