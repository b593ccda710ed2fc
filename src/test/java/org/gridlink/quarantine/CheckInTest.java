package org.gridlink.quarantine;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridlink.cases.CaseManagement;
import org.gridlink.platform.CurrentUser;
import org.gridlink.quarantine.web.CheckInLimit;
import org.gridlink.support.SignIn;
import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridlink.quarantine.CheckInFixtures.MASKED_NAME;
import static org.gridlink.quarantine.CheckInFixtures.ZONE;
import static org.gridlink.quarantine.CheckInFixtures.today;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Home quarantine check-ins: links (expiry, unknown tokens), self-reports and visits, alerts that open exactly one
 * case each (also when the watcher runs twice or on two instances at once), and bad input.
 */
@WebTest
class CheckInTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckInLinks links;

	@Autowired
	MissedCheckInWatcher watcher;

	@Autowired
	CaseManagement cases;

	@Autowired
	CheckInLimit limit;

	@Autowired
	UserDetailsService users;

	@Autowired
	CaseOpeningFailures failures;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	TestClock testClock;

	CheckInFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new CheckInFixtures(jdbc);
		limit.reset();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		testClock.reset();
	}

	CurrentUser signIn(String username) {
		return SignIn.as(users, username);
	}

	String issue(long orderId) throws Exception {
		String json = mvc.perform(post("/api/v1/quarantine/orders/" + orderId + "/checkin-link").with(as("grid1")))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String url = JsonPath.read(json, "$.url");
		return url.substring(url.lastIndexOf('/') + 1);
	}

	void checkIn(String token, String json, int expected) throws Exception {
		mvc.perform(post("/api/v1/checkin/" + token).contentType(MediaType.APPLICATION_JSON).content(json))
				.andExpect(status().is(expected));
	}

	@Test
	void aLinkIsARandomTokenStoredOnlyAsItsHashAndShowsOnlyTheMaskedNameAndDaysLeft() throws Exception {
		long order = fixtures.homeOrder(GRID1, today().minusDays(1), today().plusDays(5),
				OffsetDateTime.now(ZONE).minusDays(2));
		String token = issue(order);
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		String stored = jdbc.sql("SELECT token_hash FROM quarantine_checkin_link WHERE order_id = ?").param(order)
				.query(String.class).single();
		assertThat(stored).isEqualTo(CheckInLinks.hash(token)).doesNotContain(token);

		mvc.perform(get("/q/" + token)).andExpect(status().isOk())
				.andExpect(content().string(containsString(MASKED_NAME)))
				.andExpect(content().string(containsString("还剩 5 天")))
				.andExpect(content().string(not(containsString(CheckInFixtures.FULL_NAME))))
				.andExpect(content().string(not(containsString(GRID1))))
				.andExpect(content().string(not(containsStringIgnoringCase("geolocation"))))
				.andExpect(content().string(not(containsString("cases.js"))))
				.andExpect(header().string("Permissions-Policy", containsString("geolocation=()")))
				.andExpect(header().string("Cache-Control", "no-store"));
		mvc.perform(get("/api/v1/checkin/" + token)).andExpect(status().isOk())
				.andExpect(jsonPath("$.maskedName").value(MASKED_NAME)).andExpect(jsonPath("$.daysLeft").value(5))
				.andExpect(jsonPath("$.checkedInToday").value(false))
				.andExpect(jsonPath("$.symptoms", hasItem("COUGH")));

		String second = issue(order);
		mvc.perform(get("/q/" + token)).andExpect(status().isNotFound());
		mvc.perform(get("/q/" + second)).andExpect(status().isOk());
	}

	@Test
	void unknownExpiredAndReleasedLinksGetTheSamePlainNotFound() throws Exception {
		long expired = fixtures.homeOrder(GRID1, today().minusDays(14), today().minusDays(1),
				OffsetDateTime.now(ZONE).minusDays(15));
		String expiredToken = issue(expired);
		long released = fixtures.homeOrder(GRID1);
		String releasedToken = issue(released);
		fixtures.release(released, OffsetDateTime.now(ZONE));
		String unknown = "A".repeat(43);

		String unknownPage = gone(unknown);
		assertThat(gone(expiredToken)).isEqualTo(unknownPage);
		assertThat(gone(releasedToken)).isEqualTo(unknownPage).contains("链接无效").doesNotContain(MASKED_NAME);
		assertThat(gone("short")).isEqualTo(unknownPage);
		for (String token : List.of(unknown, expiredToken, releasedToken)) {
			mvc.perform(get("/api/v1/checkin/" + token)).andExpect(status().isNotFound())
					.andExpect(jsonPath("$.message").value("链接无效或已过期。"));
			checkIn(token, "{\"temperature\":\"36.5\"}", 404);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quarantine_checkin WHERE order_id IN (?, ?)")
				.params(expired, released).query(Long.class).single()).isZero();
	}

	/** The not-found page without the per-session CSRF meta tag. */
	private String gone(String token) throws Exception {
		return mvc.perform(get("/q/" + token)).andExpect(status().isNotFound()).andReturn().getResponse()
				.getContentAsString().replaceAll("<meta name=\"_csrf[^>]*>", "");
	}

	@Test
	void aSelfReportOnThePageIsRecordedEncryptedAndCountsForToday() throws Exception {
		long order = fixtures.homeOrder(GRID1);
		String token = issue(order);
		mvc.perform(post("/q/" + token).with(csrf()).param("temperature", "36.6").param("note", "一切正常"))
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/q/" + token + "?done=1"));
		mvc.perform(get("/q/" + token + "?done=1")).andExpect(content().string(containsString("打卡已记录")));
		var row = jdbc.sql("SELECT kind, counted, abnormal, health_enc FROM quarantine_checkin WHERE order_id = ?")
				.param(order).query((rs, i) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
						rs.getString(4)))
				.single();
		assertThat(row.subList(0, 3)).containsExactly("SELF", true, false);
		assertThat((String) row.get(3)).doesNotContain("36.6").doesNotContain("一切正常");
		assertThat(fixtures.alerts(order, "HEALTH")).isZero();
		mvc.perform(get("/api/v1/quarantine/orders/" + order + "/monitoring").with(as("grid1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.checkedInToday").value(true))
				.andExpect(jsonPath("$.checkIns[0].temperature").value(36.6))
				.andExpect(jsonPath("$.checkIns[0].note").value("一切正常"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'QUARANTINE_CHECKINS_READ' AND subject = ?")
				.param(String.valueOf(order)).query(Long.class).single()).isPositive();
	}

	@Test
	void aFeverOpensOneAlertAndOneCaseForTheHealthUnitHoweverOftenItIsReported() throws Exception {
		long order = fixtures.homeOrder(GRID1);
		String token = issue(order);
		checkIn(token, "{\"temperature\":\"38.2\"}", 201);
		checkIn(token, "{\"temperature\":38.6,\"symptoms\":[\"COUGH\"]}", 201);
		assertThat(fixtures.alerts(order, "HEALTH")).isEqualTo(1);
		long caseId = fixtures.caseOf(order, "HEALTH");
		assertThat(fixtures.cases(order, "S0301")).isEqualTo(1);
		var view = cases.get(signIn("center"), caseId);
		assertThat(view.source().name()).isEqualTo("ALERT");
		assertThat(view.jurisdictionCode()).isEqualTo(GRID1);
		assertThat(view.description()).contains("隔离令 " + order + "，").contains("发热")
				.doesNotContain(CheckInFixtures.FULL_NAME).doesNotContain(MASKED_NAME).doesNotContain("38.2");
		assertThat(cases.suggestRoute(signIn("center"), caseId).leadUnit().name()).isEqualTo("区卫生健康委员会");
		assertThat(jdbc.sql("SELECT reason FROM quarantine_alert WHERE order_id = ?").param(order).query(String.class)
				.single()).isEqualTo("FEVER");
		// the duty desk lists it among the new reports; the alert list and the home tile show it
		mvc.perform(get("/api/v1/quarantine/alerts").param("kind", "HEALTH").param("size", "500").with(as("center")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.content[?(@.orderId == " + order + ")].caseId", contains((int) caseId)));
		mvc.perform(get("/").with(as("grid1"))).andExpect(content().string(containsString("今日打卡预警")));
	}

	@Test
	void aListedSymptomWithoutFeverOpensOneAlertAndOneCase() throws Exception {
		long order = fixtures.homeOrder(GRID1);
		String token = issue(order);
		checkIn(token, "{\"temperature\":\"36.5\",\"symptoms\":[\"SORE_THROAT\",\"FATIGUE\"]}", 201);
		checkIn(token, "{\"temperature\":\"36.4\",\"symptoms\":[\"SORE_THROAT\"]}", 201);
		assertThat(fixtures.alerts(order, "HEALTH")).isEqualTo(1);
		assertThat(fixtures.caseOf(order, "HEALTH")).isPositive();
		assertThat(fixtures.cases(order, "S0301")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT reason FROM quarantine_alert WHERE order_id = ?").param(order).query(String.class)
				.single()).isEqualTo("SYMPTOM");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quarantine_checkin WHERE order_id = ? AND abnormal = TRUE")
				.param(order).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void noCheckInByTheHourOpensOneAlertAndOneCaseEvenWhenTheWatcherRunsTwiceOrOnTwoInstances() throws Exception {
		LocalDate day = LocalDate.of(2031, 3, 10);
		long order = fixtures.homeOrder(GRID1, day.minusDays(2), day.plusDays(10),
				day.minusDays(2).atStartOfDay(ZONE).toOffsetDateTime());
		long madeLate = fixtures.homeOrder(GRID1, day, day.plusDays(10),
				day.atTime(11, 0).atZone(ZONE).toOffsetDateTime());

		watcher.sweep(day.atTime(9, 59).atZone(ZONE).toOffsetDateTime());
		assertThat(fixtures.alerts(order, "MISSED")).as("not before the hour").isZero();

		OffsetDateTime after = day.atTime(10, 1).atZone(ZONE).toOffsetDateTime();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Callable<Integer> instance = () -> {
				start.await();
				return watcher.sweep(after);
			};
			List<Future<Integer>> runs = List.of(pool.submit(instance), pool.submit(instance));
			start.countDown();
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		watcher.sweep(after.plusMinutes(5));
		watcher.sweep(after.plusHours(5));

		assertThat(fixtures.alerts(order, "MISSED")).isEqualTo(1);
		assertThat(fixtures.caseOf(order, "MISSED")).isPositive();
		assertThat(fixtures.cases(order, "S0302")).isEqualTo(1);
		assertThat(fixtures.alerts(madeLate, "MISSED")).as("ordered after the hour: due from tomorrow").isZero();
		var view = cases.get(signIn("center"), fixtures.caseOf(order, "MISSED"));
		assertThat(view.categoryCode()).isEqualTo("S0302");
		assertThat(view.description()).contains("10:00 前未打卡");
		assertThat(cases.suggestRoute(signIn("center"), view.id()).leadUnit().name()).isEqualTo("区卫生健康委员会");
	}

	@Test
	void anAlertWhoseCaseCouldNotBeOpenedGetsItOnceWhenItsEventIsResubmitted() {
		LocalDate day = LocalDate.of(2031, 4, 2);
		long order = fixtures.homeOrder(GRID1, day.minusDays(1), day.plusDays(5),
				day.minusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
		failures.failOnce(AlertCases.idempotencyKey(order, day, QuarantineAlerts.Kind.MISSED));

		watcher.sweep(day.atTime(10, 30).atZone(ZONE).toOffsetDateTime());
		long alert = jdbc.sql("SELECT id FROM quarantine_alert WHERE order_id = ?").param(order).query(Long.class)
				.single();
		await("the listener's first run failed").atMost(Duration.ofSeconds(20))
				.until(() -> "FAILED".equals(publicationStatus(alert)));
		assertThat(fixtures.linkedCase(order, "MISSED")).isNull();
		assertThat(fixtures.cases(order, "S0302")).isZero();

		incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
		assertThat(publicationStatus(alert)).as("too young to be resubmitted").isEqualTo("FAILED");
		testClock.advance(Duration.ofMinutes(2));
		incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));

		assertThat(fixtures.caseOf(order, "MISSED")).isPositive();
		await("the publication completed").atMost(Duration.ofSeconds(20))
				.until(() -> publicationStatus(alert) == null);
		assertThat(fixtures.cases(order, "S0302")).isEqualTo(1);
		assertThat(fixtures.alerts(order, "MISSED")).isEqualTo(1);
	}

	/** The status of the alert's publication to its case listener; null once completed (completed ones are deleted). */
	@Nullable
	String publicationStatus(long alertId) {
		return jdbc.sql("SELECT status FROM event_publication WHERE listener_id = ? AND serialized_event LIKE ?")
				.params("quarantine.alert-case", "%\"alertId\":" + alertId + "}%").query(String.class).optional()
				.orElse(null);
	}

	@Test
	void aVisitThatSawThePersonCountsAsTodaysCheckInAndOneThatDidNotDoesNot() throws Exception {
		long seen = fixtures.homeOrder(GRID1);
		long notSeen = fixtures.homeOrder(GRID1);
		mvc.perform(post("/api/v1/quarantine/orders/" + seen + "/visits").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"SEEN\",\"temperature\":\"36.7\"}"))
				.andExpect(status().isCreated());
		mvc.perform(post("/quarantine/orders/" + notSeen + "/monitoring/visits").with(as("grid1")).with(csrf())
				.param("result", "NOT_SEEN").param("note", "敲门无人应答"))
				.andExpect(status().is3xxRedirection());
		watcher.sweep(today().atTime(23, 59).atZone(ZONE).toOffsetDateTime());
		assertThat(fixtures.alerts(seen, "MISSED")).isZero();
		assertThat(fixtures.alerts(notSeen, "MISSED")).isEqualTo(1);
		assertThat(fixtures.caseOf(notSeen, "MISSED")).isPositive();
		assertThat(fixtures.cases(notSeen, "S0302")).isEqualTo(1);
		mvc.perform(get("/quarantine/orders/" + notSeen + "/monitoring").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("敲门无人应答")))
				.andExpect(content().string(containsString("未见到本人")));
	}

	@Test
	void badInputIsRefusedWithAMessageNamingTheProblem() throws Exception {
		long order = fixtures.homeOrder(GRID1);
		String token = issue(order);
		checkIn(token, "{\"temperature\":\"45.0\"}", 400);
		checkIn(token, "{\"temperature\":\"33.9\"}", 400);
		checkIn(token, "{\"temperature\":\"36.55\"}", 400);
		checkIn(token, "{\"temperature\":\"abc\"}", 400);
		checkIn(token, "{\"symptoms\":[]}", 400);
		checkIn(token, "{\"temperature\":\"36.5\",\"symptoms\":[\"SNEEZING_LOUDLY\"]}", 400);
		checkIn(token, "{\"temperature\":\"36.5\",\"note\":\"" + "很".repeat(501) + "\"}", 400);
		mvc.perform(post("/api/v1/checkin/" + token).contentType(MediaType.APPLICATION_JSON)
				.content("{\"temperature\":\"45\"}").header("Accept-Language", "en"))
				.andExpect(jsonPath("$.message", containsString("between 34.0 and 43.0")));
		mvc.perform(post("/q/" + token).with(csrf()).param("temperature", "36,5x").param("symptoms", "NOPE")
				.param("note", "x".repeat(501)))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("请填写 34.0 至 43.0 ℃ 之间的体温")))
				.andExpect(content().string(containsString("不在症状列表中：NOPE")))
				.andExpect(content().string(containsString("其他情况最多 500 个字")))
				.andExpect(content().string(containsString("36,5x")));
		mvc.perform(post("/api/v1/quarantine/orders/" + order + "/visits").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"MAYBE\"}"))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/quarantine/orders/" + order + "/visits").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"SEEN\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("请填写体温。"));
		mvc.perform(get("/api/v1/quarantine/alerts").param("kind", "LATE").with(as("center")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/quarantine/monitoring/people").param("figure", "ALL").with(as("center")))
				.andExpect(status().isBadRequest());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quarantine_checkin WHERE order_id = ?").param(order)
				.query(Long.class).single()).isZero();
	}

	@Test
	void tooManyAttemptsFromOneAddressAreRefused() throws Exception {
		for (int i = 0; i < 10; i++) {
			mvc.perform(get("/api/v1/checkin/" + "B".repeat(43))).andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/v1/checkin/" + "B".repeat(43))).andExpect(status().isTooManyRequests());
	}

	@Test
	void aClientFloodingTheApiBlocksNeitherAnotherClientNorAnotherLink() throws Exception {
		String first = issue(fixtures.homeOrder(GRID1, today().minusDays(1), today().plusDays(5),
				OffsetDateTime.now(ZONE).minusDays(2)));
		String second = issue(fixtures.homeOrder(GRID1, today().minusDays(1), today().plusDays(5),
				OffsetDateTime.now(ZONE).minusDays(2)));
		for (int i = 0; i < 11; i++) {
			mvc.perform(get("/api/v1/checkin/" + "B".repeat(42) + (char) ('a' + i)).with(from("10.6.6.6")));
			mvc.perform(post("/api/v1/checkin/" + first).with(from("10.6.6.7")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"temperature\":\"oops\"}"));
		}
		mvc.perform(get("/api/v1/checkin/" + "C".repeat(43)).with(from("10.6.6.6")))
				.andExpect(status().isTooManyRequests());
		mvc.perform(post("/api/v1/checkin/" + second).with(from("10.0.0.8")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"temperature\":\"36.5\"}")).andExpect(status().isCreated());
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
