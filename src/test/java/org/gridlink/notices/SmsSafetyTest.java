package org.gridlink.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.GRID1;
import static org.gridlink.support.Demo.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.residents.NewResident;
import org.gridlink.residents.Residents;
import org.gridlink.support.TestClock;
import org.gridlink.support.TestIds;
import org.gridlink.support.WebTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.json.JsonMapper;

/**
 * The care an SMS needs: an opt-out link in every non-urgent notice SMS (public page, honoured like a TD reply), quiet
 * hours for retries too, and no second message when the provider took a batch whose answer was lost.
 */
@WebTest
class SmsSafetyTest {

	private static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	OutboxBuilder builder;
	@Autowired
	OutboxSender sender;
	@Autowired
	SmsGatewaySimulator simulator;
	@Autowired
	Residents residents;
	@Autowired
	PersonalDataCipher cipher;
	@Autowired
	UserDetailsService users;
	@Autowired
	TestClock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void daytime() {
		at(10, 0);
	}

	@AfterEach
	void reset() {
		clock.reset();
		simulator.deduplicateByOutId(true);
		simulator.loseAnswers(0);
		simulator.busy(0);
		SecurityContextHolder.clearContext();
	}

	@Test
	void aNonUrgentSmsCarriesAnOptOutLinkThatWorksWithoutLogin() throws Exception {
		String phone = registerResident();
		long first = id(create(notice("防火提示", "{name}您好，请注意用火安全。", false)));
		sendAndDrain(first);
		List<SmsGatewaySimulator.Received> got = received(phone);
		assertThat(got).hasSize(1);
		String link = got.get(0).params().get("link");
		assertThat(got.get(0).templateCode()).isEqualTo("SMS_NOTICE_OPTOUT_DEMO");
		assertThat(link).matches("http://localhost(:\\d+)?/td/[A-Za-z0-9_-]{16}");
		// the text stays public: the recipient's own name, no phone, no other person
		assertThat(got.get(0).params().get("text")).startsWith("测试").doesNotContain(phone);
		assertThat(link).doesNotContain(phone).doesNotContain(cipher.lookupHash(phone).substring(0, 16));
		String path = link.substring(link.indexOf("/td/"));

		// opening the link asks, it does not opt out (link previews open links too)
		mvc.perform(get(path)).andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("optout-form")));
		assertThat(optedOut(phone)).isFalse();
		mvc.perform(post(path).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(optedOut(phone)).isTrue();
		assertThat(jdbc.sql("SELECT source FROM notice_optout WHERE phone_hash = ?").param(cipher.lookupHash(phone))
				.query(String.class).single()).isEqualTo("LINK");
		mvc.perform(get(path)).andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("optout-done")));
		mvc.perform(post(path).with(csrf())).andExpect(status().is3xxRedirection()); // a second use changes nothing

		// afterwards: no non-urgent SMS, urgent ones still (and without a link)
		long second = id(create(notice("通知", "周末社区活动", false)));
		sendAndDrain(second);
		assertThat(received(phone)).hasSize(1);
		assertThat(state(phone, second)).isEqualTo("OPTED_OUT"); // (others of the grid may have opted out before)
		mvc.perform(get("/api/v1/notices/" + second).with(as("community1")))
				.andExpect(jsonPath("$.counts.optedOut").value(Matchers.greaterThanOrEqualTo(1)));
		long urgent = id(create(notice("紧急通知", "台风预警，请勿外出", true)));
		sendAndDrain(urgent);
		assertThat(received(phone)).hasSize(2);
		assertThat(received(phone).get(1).params()).doesNotContainKey("link");
		assertThat(received(phone).get(1).templateCode()).isEqualTo("SMS_NOTICE_DEMO");
	}

	@Test
	void badOptOutLinksAreNotFound() throws Exception {
		mvc.perform(get("/td/AAAAAAAAAAAAAAAA")).andExpect(status().isNotFound());
		mvc.perform(post("/td/AAAAAAAAAAAAAAAA").with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/td/short")).andExpect(status().isNotFound());
		mvc.perform(get("/td/" + "x".repeat(300))).andExpect(status().isNotFound());
		mvc.perform(post("/td/AAAAAAAAAAAAAAAA")).andExpect(status().isForbidden()); // no CSRF token
	}

	@Test
	void aRetryFallingIntoTheNightWaitsUntilSeven() throws Exception {
		at(21, 59);
		String phone = registerResident();
		long id = id(create(notice("检修通知", "明日上午线路检修", false)));
		simulator.busy(1_000_000); // flow control: the first tries are refused, retried after the back-off, at 22:00
		sendAndDrain(id);
		simulator.busy(0);
		assertThat(received(phone)).isEmpty();
		clock.advance(Duration.ofMinutes(3)); // 22:02
		sender.drain(1000);
		assertThat(received(phone)).as("no retry in the quiet hours").isEmpty();
		at(6, 59);
		sender.drain(1000);
		assertThat(received(phone)).isEmpty();
		clock.advance(Duration.ofMinutes(2)); // 07:01
		sender.drain(1000);
		assertThat(received(phone)).hasSize(1);
	}

	@Test
	void anUrgentRetryGoesAtNight() throws Exception {
		at(21, 59);
		String phone = registerResident();
		long id = id(create(notice("紧急通知", "暴雨红色预警", true)));
		simulator.busy(1_000_000);
		sendAndDrain(id);
		simulator.busy(0);
		assertThat(received(phone)).isEmpty();
		clock.advance(Duration.ofMinutes(3));
		sender.drain(1000);
		assertThat(received(phone)).hasSize(1);
	}

	@Test
	void aBatchTheProviderTookButWhoseAnswerWasLostIsNotSentTwice() throws Exception {
		simulator.deduplicateByOutId(false); // like the real service: the same OutId again is a second message
		String phone = registerResident();
		long id = id(create(notice("通知", "明日停水", false)));
		simulator.loseAnswers(1_000_000);
		sendAndDrain(id);
		simulator.loseAnswers(0);
		assertThat(received(phone)).hasSize(1); // the provider has it, the sender does not know
		assertThat(state(phone, id)).isEqualTo("CLAIMED");
		clock.advance(Duration.ofMinutes(3)); // after the back-off the batch is due again: ask first
		sender.drain(1000);
		assertThat(received(phone)).as("asked the provider instead of sending again").hasSize(1);
		assertThat(state(phone, id)).isEqualTo("DELIVERED");
		mvc.perform(get("/api/v1/notices/" + id).with(as("community1"))).andExpect(jsonPath("$.status").value("SENT"));
	}

	@Test
	void aBatchTheProviderNeverGotIsSentAfterAsking() throws Exception {
		simulator.deduplicateByOutId(false);
		String phone = registerResident();
		long id = id(create(notice("通知", "明日停电", false)));
		simulator.busy(1_000_000);
		sendAndDrain(id);
		simulator.busy(0);
		assertThat(received(phone)).isEmpty();
		clock.advance(Duration.ofMinutes(3));
		sender.drain(1000);
		assertThat(received(phone)).hasSize(1);
		assertThat(state(phone, id)).isEqualTo("SENT");
	}

	// ---------------------------------------------------------------------------------------------------------------

	/** Moves the clock to the next hh:mm district time (today's when still ahead, else tomorrow's). */
	private void at(int hour, int minute) {
		ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(DISTRICT_ZONE);
		ZonedDateTime then = now.withHour(hour).withMinute(minute).withSecond(0).withNano(0);
		if (!then.isAfter(now)) {
			then = then.plusDays(1);
		}
		clock.advance(Duration.between(now, then));
	}

	private String state(String phone, long id) {
		return jdbc.sql("SELECT state FROM notice_outbox WHERE notice_id = ? AND phone_hash = ?")
				.params(id, cipher.lookupHash(phone)).query(String.class).single();
	}

	private boolean optedOut(String phone) {
		return jdbc.sql("SELECT COUNT(*) FROM notice_optout WHERE phone_hash = ?").param(cipher.lookupHash(phone))
				.query(Long.class).single() > 0;
	}

	private ResultActions create(Map<String, Object> body) throws Exception {
		return mvc.perform(post("/api/v1/notices").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(body))).andExpect(status().isCreated());
	}

	private static Map<String, Object> notice(String title, String body, boolean urgent) {
		Map<String, Object> audience = new HashMap<>();
		audience.put("jurisdictions", List.of(GRID1));
		Map<String, Object> notice = new HashMap<>();
		notice.put("title", title);
		notice.put("body", body);
		notice.put("audience", audience);
		notice.put("channels", List.of("SMS"));
		notice.put("urgent", urgent);
		return notice;
	}

	private static long id(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	private void sendAndDrain(long id) throws Exception {
		mvc.perform(post("/api/v1/notices/" + id + "/send").with(as("community1"))).andExpect(status().isOk());
		builder.queue().await(id, 60);
		sender.drain(1000);
	}

	private List<SmsGatewaySimulator.Received> received(String phone) {
		return simulator.received().stream().filter(r -> r.phone().equals(phone)).toList();
	}

	private String registerResident() {
		String number = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		var details = users.loadUserByUsername("center");
		SecurityContextHolder.getContext().setAuthentication(
				new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
		residents.register(org.gridlink.platform.CurrentUsers.current(), new NewResident("测试甲", TestIds.next(), number,
				GRID1, "", "", "", "", "测试地址", Set.of()));
		SecurityContextHolder.clearContext();
		return number;
	}
}
