package org.gridlink.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.COMMUNITY1;
import static org.gridlink.support.Demo.DISTRICT;
import static org.gridlink.support.Demo.GRID1;
import static org.gridlink.support.Demo.GRID2;
import static org.gridlink.support.Demo.STREET1;
import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.CurrentUsers;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.residents.NewResident;
import org.gridlink.residents.Residents;
import org.gridlink.support.TestClock;
import org.gridlink.support.TestIds;
import org.gridlink.support.WebTest;
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

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery counts per place drilling down to the failures (issue 15): a notice to two streets is counted per street,
 * a street per community, a community per grid; the failures of a place list the recipients not reached, masked;
 * the page shows the same with links one level down and up, and the progress bar.
 */
@WebTest
class NoticeDeliveryCountsTest {

	private static final String STREET2 = "320819002000";
	private static final String COMMUNITY_OF_GRID2 = "320819002001";

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
	UserDetailsService users;
	@Autowired
	PersonalDataCipher cipher;
	@Autowired
	TestClock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void daytime() {
		clock.toDaytime();
	}

	@AfterEach
	void reset() {
		clock.reset();
		SecurityContextHolder.clearContext();
	}

	@Test
	void countsDrillDownFromStreetsToGridsAndToTheRecipientsNotReached() throws Exception {
		String tag = "ELDERLY_ALONE";
		String reached = register(GRID1, "测试甲一", tag);
		String failing = register(GRID2, "测试乙二", tag);
		simulator.failDelivery(failing);
		long id = id(mvc.perform(post("/api/v1/notices").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(notice(List.of(STREET1, STREET2), List.of(tag)))))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING_APPROVAL")));
		mvc.perform(post("/api/v1/notices/" + id + "/approve").with(as("leader"))).andExpect(status().isOk());
		mvc.perform(post("/api/v1/notices/" + id + "/send").with(as("center"))).andExpect(status().isOk());
		builder.queue().await(id, 60);
		sender.drain(1000);
		mvc.perform(post("/sms/callback/demo-callback-secret/report").contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(simulator.takeReports()))).andExpect(status().isOk());
		long failedRow = outboxRow(id, failing);
		long reachedRow = outboxRow(id, reached);
		assertThat(state(failedRow)).isEqualTo("FAILED");
		assertThat(state(reachedRow)).isEqualTo("DELIVERED");
		long failedInStreet2 = failed(id, "3208190020%");
		long failedInStreet1 = failed(id, "3208190010%");

		// the district: one line per street, each failure under its street
		mvc.perform(get("/api/v1/notices/" + id + "/places").param("under", DISTRICT).with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
				.andExpect(jsonPath("$[0].code").value(STREET1)).andExpect(jsonPath("$[1].code").value(STREET2))
				.andExpect(jsonPath("$[0].counts.failed").value((int) failedInStreet1))
				.andExpect(jsonPath("$[1].counts.failed").value((int) failedInStreet2))
				.andExpect(jsonPath("$[0].counts.delivered").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
		assertThat(failedInStreet2).isGreaterThanOrEqualTo(1);
		// a street: its communities only; a community: its grids
		mvc.perform(get("/api/v1/notices/" + id + "/places").param("under", STREET2).with(as("center")))
				.andExpect(jsonPath("$[*].code", org.hamcrest.Matchers.hasItem(COMMUNITY_OF_GRID2)))
				.andExpect(jsonPath("$[*].code", not(org.hamcrest.Matchers.hasItem(COMMUNITY1))));
		mvc.perform(get("/api/v1/notices/" + id + "/places").param("under", COMMUNITY_OF_GRID2).with(as("center")))
				.andExpect(jsonPath("$[*].code", org.hamcrest.Matchers.hasItem(GRID2)))
				.andExpect(jsonPath("$[?(@.code == '" + GRID2 + "')].counts.failed",
						org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.greaterThanOrEqualTo(1))));
		// without under: per community, as before
		mvc.perform(get("/api/v1/notices/" + id + "/places").with(as("center")))
				.andExpect(jsonPath("$[*].code", org.hamcrest.Matchers.hasItems(COMMUNITY1, COMMUNITY_OF_GRID2)));

		// the failures of a place: the failing recipient, masked, with the error; not under another place
		mvc.perform(get("/api/v1/notices/" + id + "/failures").param("place", GRID2).with(as("center")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.outboxId == " + failedRow + ")].recipient").value("测**二"))
				.andExpect(jsonPath("$[?(@.outboxId == " + failedRow + ")].channel").value("SMS"))
				.andExpect(jsonPath("$[?(@.outboxId == " + failedRow + ")].place").value(GRID2))
				.andExpect(content().string(not(containsString(failing))))
				.andExpect(content().string(not(containsString("测试乙二"))));
		mvc.perform(get("/api/v1/notices/" + id + "/failures").param("place", STREET1).with(as("center")))
				.andExpect(jsonPath("$[?(@.outboxId == " + failedRow + ")]").isEmpty());
		mvc.perform(get("/api/v1/notices/" + id + "/failures").with(as("center")))
				.andExpect(jsonPath("$[?(@.outboxId == " + failedRow + ")]").isNotEmpty())
				.andExpect(jsonPath("$[?(@.outboxId == " + reachedRow + ")]").isEmpty());

		// the page: progress bar, per street (the notice spans two), a street's communities, one level up, failures
		mvc.perform(get("/notices/" + id).param("lang", "en").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("class=\"progress-bar\"")))
				.andExpect(content().string(containsString("By street")))
				.andExpect(content().string(containsString("under=" + STREET2)))
				.andExpect(content().string(not(containsString("id=\"counts-up\""))));
		mvc.perform(get("/notices/" + id).param("under", STREET2).param("lang", "en").with(as("center")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("By community")))
				.andExpect(content().string(containsString("under=" + COMMUNITY_OF_GRID2)))
				.andExpect(content().string(containsString("id=\"counts-up\"")))
				.andExpect(content().string(containsString("under=" + DISTRICT)));
		mvc.perform(get("/notices/" + id).param("under", COMMUNITY_OF_GRID2).param("place", GRID2).param("lang", "en")
				.with(as("center"))).andExpect(status().isOk()).andExpect(content().string(containsString("By grid")))
				.andExpect(content().string(containsString("id=\"failures\"")))
				.andExpect(content().string(containsString("测**二")))
				.andExpect(content().string(not(containsString("测试乙二"))));
	}

	@Test
	void badPlacesAndOutsidersAreRefused() throws Exception {
		long id = id(mvc.perform(post("/api/v1/notices").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(notice(List.of(COMMUNITY1), List.of()))))
				.andExpect(status().isCreated()));
		for (String bad : List.of("abc", "3208190010", "32081900100100x", "' OR 1=1 --")) {
			mvc.perform(get("/api/v1/notices/" + id + "/places").param("under", bad).with(as("community1")))
					.andExpect(status().isBadRequest());
			mvc.perform(get("/api/v1/notices/" + id + "/failures").param("place", bad).with(as("community1")))
					.andExpect(status().isBadRequest());
			mvc.perform(get("/notices/" + id).param("under", bad).with(as("community1")))
					.andExpect(status().isBadRequest());
		}
		// a notice the caller may not see: 403 for its counts and failures; an unknown notice 404
		long street = id(mvc.perform(post("/api/v1/notices").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(notice(List.of(STREET2), List.of())))).andExpect(status().isCreated()));
		mvc.perform(get("/api/v1/notices/" + street + "/places").param("under", STREET2).with(as("community1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/notices/" + street + "/failures").with(as("community1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/notices/999999999/failures").with(as("center"))).andExpect(status().isNotFound());
		// before sending there is nothing to count
		mvc.perform(get("/api/v1/notices/" + id + "/places").param("under", COMMUNITY1).with(as("community1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void aNoticeWithASendTimeWaitsForIt() throws Exception {
		Map<String, Object> body = notice(List.of(COMMUNITY1), List.of());
		body.put("channels", List.of("INBOX"));
		body.put("sendAt", java.time.OffsetDateTime.now(clock).plusHours(3).toString());
		long id = id(mvc.perform(post("/api/v1/notices").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(body))).andExpect(status().isCreated()));
		mvc.perform(post("/api/v1/notices/" + id + "/send").with(as("community1"))).andExpect(status().isOk());
		builder.queue().await(id, 60);
		sender.drain(1000);
		long rows = jdbc.sql("SELECT COUNT(*) FROM notice_outbox WHERE notice_id = ?").param(id).query(Long.class)
				.single();
		assertThat(rows).isGreaterThanOrEqualTo(1);
		mvc.perform(get("/api/v1/notices/" + id).with(as("community1"))).andExpect(jsonPath("$.status").value("SENDING"))
				.andExpect(jsonPath("$.counts.queued").value((int) rows))
				.andExpect(jsonPath("$.counts.delivered").value(0));

		clock.advance(java.time.Duration.ofHours(3).plusMinutes(1));
		sender.drain(1000);
		mvc.perform(get("/api/v1/notices/" + id).with(as("community1"))).andExpect(jsonPath("$.status").value("SENT"))
				.andExpect(jsonPath("$.counts.queued").value(0))
				.andExpect(jsonPath("$.counts.delivered").value((int) rows));
	}

	// ---------------------------------------------------------------------------------------------------------------

	private long outboxRow(long notice, String phone) {
		return jdbc.sql("SELECT id FROM notice_outbox WHERE notice_id = ? AND phone_hash = ?")
				.params(notice, cipher.lookupHash(phone)).query(Long.class).single();
	}

	private String state(long row) {
		return jdbc.sql("SELECT state FROM notice_outbox WHERE id = ?").param(row).query(String.class).single();
	}

	private long failed(long notice, String codeLike) {
		return jdbc.sql("SELECT COUNT(*) FROM notice_outbox WHERE notice_id = ? AND state = 'FAILED'"
				+ " AND jurisdiction_code LIKE ?").params(notice, codeLike).query(Long.class).single();
	}

	private static Map<String, Object> notice(List<String> places, List<String> tags) {
		Map<String, Object> audience = new HashMap<>();
		audience.put("jurisdictions", places);
		audience.put("tags", tags);
		audience.put("quarantine", false);
		Map<String, Object> notice = new HashMap<>();
		notice.put("title", "防汛提醒");
		notice.put("body", "{name}您好，请留意{community}的防汛安排。");
		notice.put("audience", audience);
		notice.put("channels", List.of("SMS"));
		notice.put("urgent", true);
		notice.put("sendAt", null);
		return notice;
	}

	private static long id(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	/** Registers a resident of {@code grid} with a tag and a new random phone; returns the phone. */
	private String register(String grid, String name, String tag) {
		String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		var details = users.loadUserByUsername("center");
		SecurityContextHolder.getContext().setAuthentication(
				new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
		CurrentUser center = CurrentUsers.current();
		residents.register(center, new NewResident(name, TestIds.next(), phone, grid, "", "", "", "", "测试地址",
				Set.of(tag)));
		return phone;
	}
}
