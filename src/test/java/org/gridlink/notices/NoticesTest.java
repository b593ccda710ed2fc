package org.gridlink.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.COMMUNITY1;
import static org.gridlink.support.Demo.DISTRICT;
import static org.gridlink.support.Demo.GRID1;
import static org.gridlink.support.Demo.GRID2;
import static org.gridlink.support.Demo.STREET1;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.gridlink.cases.ActionInput;
import org.gridlink.cases.CaseAction;
import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.CaseView;
import org.gridlink.cases.NewCase;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.CurrentUser;
import org.gridlink.residents.NewResident;
import org.gridlink.residents.Residents;
import org.gridlink.support.SignIn;
import org.gridlink.support.TestClock;
import org.gridlink.support.TestIds;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.json.JsonMapper;

/**
 * Notices end to end over the API on the demo district: scope, approval, sending through the SMS simulator and the
 * inbox, quiet hours, opt-outs, duplicate phones, a restart in the middle, delivery reports, read confirmation, the
 * unit's inbox item when a case is dispatched, and bad input.
 */
@WebTest
class NoticesTest {

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
	SmsChannel sms;
	@Autowired
	SmsGatewaySimulator simulator;
	@Autowired
	Residents residents;
	@Autowired
	Accounts accounts;
	@Autowired
	CaseManagement cases;
	@Autowired
	UserDetailsService users;
	@Autowired
	TestClock clock;
	@Autowired
	CaseNotices caseNotices;

	private final JsonMapper json = JsonMapper.builder().build();

	@org.junit.jupiter.api.BeforeEach
	void daytime() {
		clock.toDaytime(); // non-urgent SMS are not sent in the district's night
	}

	@AfterEach
	void reset() {
		clock.reset();
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCommunityCannotReachAnotherCommunitysResidents() throws Exception {
		create("community1", notice("停水通知", "明日停水", List.of(GRID2), List.of("SMS"), false))
				.andExpect(status().isForbidden());
		create("street1", notice("停水通知", "明日停水", List.of(DISTRICT), List.of("SMS"), false))
				.andExpect(status().isForbidden());
		create("grid1", notice("停水通知", "明日停水", List.of(GRID1), List.of("SMS"), false))
				.andExpect(status().isForbidden());
		create("community1", notice("停水通知", "明日停水", List.of(GRID1), List.of("SMS"), false))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("APPROVED"));
	}

	@Test
	void aStreetNoticeWaitsForAnotherPersonsApproval() throws Exception {
		long id = id(create("street1", notice("街道通知", "本周六开展环境整治", List.of(STREET1), List.of("INBOX"), false))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING_APPROVAL")));
		mvc.perform(post("/api/v1/notices/" + id + "/send").with(as("street1"))).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/notices/" + id + "/approve").with(as("street1"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/notices/" + id + "/approve").with(as("community1"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/notices/" + id + "/approve").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("APPROVED")).andExpect(jsonPath("$.approvedBy").value("center"));

		long district = id(create("center", notice("全区通知", "全区防汛演练", List.of(DISTRICT), List.of("INBOX"), false))
				.andExpect(jsonPath("$.status").value("PENDING_APPROVAL")));
		mvc.perform(post("/api/v1/notices/" + district + "/approve").with(as("center"))).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/notices/" + district + "/approve").with(as("leader"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/notices/" + district).with(as("center"))).andExpect(jsonPath("$.createdBy").value("center"))
				.andExpect(jsonPath("$.approvedBy").value("leader"));
	}

	@Test
	void smsAndInboxAreSentCountedAndReported() throws Exception {
		String phone = registerResident(GRID1, null);
		String failing = registerResident(GRID1, null);
		simulator.failDelivery(failing);
		long id = id(create("community1", notice("疫苗接种", "{name}您好，{community}周六接种疫苗。", List.of(COMMUNITY1),
				List.of("SMS", "INBOX"), false)).andExpect(status().isCreated()));
		sendAndDrain("community1", id);

		long smsRows = rows(id, "SMS");
		long inboxRows = rows(id, "INBOX");
		assertThat(smsRows).isGreaterThanOrEqualTo(2);
		assertThat(inboxRows).isGreaterThanOrEqualTo(2); // community1 and grid1 at least
		mvc.perform(get("/api/v1/notices/" + id).with(as("community1"))).andExpect(jsonPath("$.status").value("SENT"))
				.andExpect(jsonPath("$.recipients").value((int) (smsRows + inboxRows)))
				.andExpect(jsonPath("$.counts.queued").value(0))
				.andExpect(jsonPath("$.counts.sent").value((int) (smsRows + inboxRows)))
				.andExpect(jsonPath("$.counts.delivered").value((int) inboxRows));
		List<SmsGatewaySimulator.Received> mine = received(phone);
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).params().get("text")).startsWith("测试").contains("您好").endsWith("周六接种疫苗。")
				.doesNotContain("{");

		List<Map<String, Object>> reports = simulator.takeReports();
		mvc.perform(post("/sms/callback/wrong-secret/report").contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(reports))).andExpect(status().isNotFound());
		mvc.perform(post("/sms/callback/demo-callback-secret/report").contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(reports))).andExpect(status().isOk())
				.andExpect(jsonPath("$.code").value(0));
		mvc.perform(get("/api/v1/notices/" + id).with(as("community1")))
				.andExpect(jsonPath("$.counts.delivered").value((int) (smsRows - 1 + inboxRows)))
				.andExpect(jsonPath("$.counts.failed").value(1));
		mvc.perform(get("/api/v1/notices/" + id + "/places").with(as("community1")))
				.andExpect(jsonPath("$[0].code").value(COMMUNITY1));
		mvc.perform(get("/notices/" + id).with(as("community1"))).andExpect(status().isOk());
		// posting the same reports again changes nothing
		mvc.perform(post("/sms/callback/demo-callback-secret/report").contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(reports))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/notices/" + id).with(as("community1")))
				.andExpect(jsonPath("$.counts.failed").value(1));
	}

	@Test
	void onePhoneGetsOneMessagePerNotice() throws Exception {
		String phone = randomPhone();
		registerResident(GRID1, phone);
		registerResident(GRID1, phone);
		long id = id(create("community1", notice("通知", "请注意用电安全", List.of(GRID1), List.of("SMS"), false)));
		sendAndDrain("community1", id);
		assertThat(received(phone)).hasSize(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_outbox WHERE notice_id = ? AND phone_hash ="
				+ " (SELECT MIN(phone_hash) FROM notice_outbox o WHERE o.notice_id = ? AND o.state <> 'OPTED_OUT'"
				+ " GROUP BY o.phone_hash HAVING COUNT(*) > 1)").params(id, id).query(Long.class).optional())
				.as("no phone twice in one notice").satisfiesAnyOf(n -> assertThat(n).isEmpty(),
						n -> assertThat(n.get()).isZero());
	}

	@Test
	void aResidentWhoRepliedTdGetsOnlyUrgentMessages() throws Exception {
		String phone = registerResident(GRID1, null);
		mvc.perform(post("/sms/callback/demo-callback-secret/up").contentType(MediaType.APPLICATION_JSON)
				.content("[{\"phone_number\":\"" + phone + "\",\"send_time\":\"2026-12-06 10:00:00\",\"content\":\"TD\","
						+ "\"sign_name\":\"网格通\",\"dest_code\":\"1234\",\"sequence_id\":1}]"))
				.andExpect(status().isOk());
		long plain = id(create("community1", notice("通知", "请注意防火", List.of(GRID1), List.of("SMS"), false)));
		sendAndDrain("community1", plain);
		assertThat(received(phone)).isEmpty();
		mvc.perform(get("/api/v1/notices/" + plain).with(as("community1")))
				.andExpect(jsonPath("$.counts.optedOut").value(1));

		long urgent = id(create("community1", notice("紧急通知", "台风预警，请勿外出", List.of(GRID1), List.of("SMS"), true)));
		sendAndDrain("community1", urgent);
		assertThat(received(phone)).hasSize(1);
	}

	@Test
	void noNonUrgentSmsAtNightUntilSevenInTheMorning() throws Exception {
		ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(DISTRICT_ZONE);
		ZonedDateTime tonight = now.withHour(23).withMinute(0).withSecond(0).withNano(0);
		if (!tonight.isAfter(now)) {
			tonight = tonight.plusDays(1);
		}
		clock.advance(Duration.between(now, tonight));
		String phone = registerResident(GRID1, null);
		long id = id(create("community1", notice("通知", "明早检修线路", List.of(GRID1), List.of("SMS", "INBOX"), false)));
		sendAndDrain("community1", id);
		assertThat(received(phone)).isEmpty();
		mvc.perform(get("/api/v1/notices/" + id).with(as("community1"))).andExpect(jsonPath("$.status").value("SENDING"))
				.andExpect(jsonPath("$.counts.queued").value((int) rows(id, "SMS")));

		clock.advance(Duration.ofHours(7).plusMinutes(59)); // 06:59
		sender.drain(1000);
		assertThat(received(phone)).isEmpty();
		clock.advance(Duration.ofMinutes(2)); // 07:01
		sender.drain(1000);
		assertThat(received(phone)).hasSize(1);
		mvc.perform(get("/api/v1/notices/" + id).with(as("community1"))).andExpect(jsonPath("$.status").value("SENT"));
	}

	@Test
	void aRestartInTheMiddleSendsEveryoneExactlyOnce() throws Exception {
		List<String> phones = List.of(registerResident(GRID1, null), registerResident(GRID1, null),
				registerResident(GRID1, null));
		long id = id(create("community1", notice("通知", "小区停电检修", List.of(GRID1), List.of("SMS"), false)));
		mvc.perform(post("/api/v1/notices/" + id + "/send").with(as("community1"))).andExpect(status().isOk());
		builder.queue().await(id, 60);

		// the process stops: one batch claimed and never handed over, the others accepted by the provider but not
		// recorded
		Channel crashing = new Channel() {
			@Override
			public ChannelKind kind() {
				return ChannelKind.SMS;
			}

			@Override
			public int batchSize() {
				return 2;
			}

			@Override
			public double ratePerSecond() {
				return 100_000;
			}

			@Override
			public List<Result> send(String attemptId, List<Message> batch) {
				sms.send(attemptId, batch);
				throw new IllegalStateException("the process stops");
			}
		};
		for (int batch = 0;; batch++) {
			String attempt = "crash-" + id + "-" + batch;
			List<OutboxSender.Row> rows = sender.claim(crashing, attempt);
			if (rows.isEmpty()) {
				break;
			}
			if (batch > 0) {
				sender.deliver(crashing, attempt, rows);
			}
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_outbox WHERE notice_id = ? AND state = 'CLAIMED'").param(id)
				.query(Long.class).single()).isEqualTo(rows(id, "SMS"));

		// the next start: nothing is taken over before the claim times out, then every row is sent once
		sender.drain(1000);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_outbox WHERE notice_id = ? AND state = 'SENT'").param(id)
				.query(Long.class).single()).isZero();
		clock.advance(Duration.ofMinutes(3));
		sender.drain(1000);
		// the batches the provider took are not sent again but asked about (QuerySendDetails): what it has delivered
		// counts as sent, what it could not deliver (a phone an earlier test made fail) as failed
		MvcResult after = mvc.perform(get("/api/v1/notices/" + id).with(as("community1")))
				.andExpect(jsonPath("$.status").value("SENT")).andExpect(jsonPath("$.counts.queued").value(0)).andReturn();
		String answer = after.getResponse().getContentAsString();
		assertThat(((Number) JsonPath.read(answer, "$.counts.sent")).longValue()
				+ ((Number) JsonPath.read(answer, "$.counts.failed")).longValue()).isEqualTo(rows(id, "SMS"));
		for (String phone : phones) {
			assertThat(received(phone)).as(phone).hasSize(1);
		}
	}

	@Test
	void staffConfirmTheirInboxItemsAndTheWriterSeesWhoHasNot() throws Exception {
		Map<String, Object> body = notice("工作通知", "请于周五前上报排查数据", List.of(COMMUNITY1), List.of("INBOX"), false);
		((Map<String, Object>) body.get("audience")).put("staffRoles", List.of("GRID_WORKER"));
		long id = id(create("community1", body));
		sendAndDrain("community1", id);
		long grid1 = accounts.find("grid1").orElseThrow().id();
		mvc.perform(get("/api/v1/notices/" + id + "/not-read").with(as("community1")))
				.andExpect(jsonPath("$[?(@.userId == " + grid1 + ")]").exists());
		MvcResult inbox = mvc.perform(get("/api/v1/inbox").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content[0].title").value("工作通知"))
				.andExpect(jsonPath("$.content[0].readAt").doesNotExist()).andReturn();
		long item = ((Number) JsonPath.read(inbox.getResponse().getContentAsString(), "$.content[0].id")).longValue();
		mvc.perform(post("/api/v1/inbox/" + item + "/read").with(as("dept1"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/inbox/" + item + "/read").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.readAt").exists());
		mvc.perform(post("/api/v1/inbox/999999999/read").with(as("grid1"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/notices/" + id + "/not-read").with(as("community1")))
				.andExpect(jsonPath("$[?(@.userId == " + grid1 + ")]").doesNotExist());
		mvc.perform(get("/api/v1/notices/" + id).with(as("community1"))).andExpect(jsonPath("$.counts.read").value(1));
		mvc.perform(get("/inbox").with(as("grid1"))).andExpect(status().isOk());
	}

	@Test
	void aUnitHearsOfACaseDispatchedToItOnce() throws Exception {
		CurrentUser center = signIn("center");
		long caseId = cases.report(center, new NewCase("E0101", "通知测试：路灯不亮", GRID1, null, null, null,
				CaseSource.HOTLINE, "13800001111"), null).id();
		cases.act(center, caseId, CaseAction.FILE, ActionInput.empty());
		cases.act(center, caseId, CaseAction.DISPATCH, ActionInput.empty());
		CaseView view = cases.get(center, caseId);
		var members = accounts.membersOf(view.leadUnitId());
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM notice_message_key WHERE idem_key LIKE ?").param("case-dispatched:" + caseId + ":%")
				.query(Long.class).single() == members.size());
		// the listener may run twice: nothing more
		caseNotices.tell(caseId, view.leadUnitId(), "dispatched");
		sender.drain(1000);
		for (var member : members) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_item WHERE user_id = ? AND link = ?")
					.params(member.id(), "/cases/" + caseId).query(Long.class).single()).isEqualTo(1);
		}
	}

	@Test
	void badInputIsRefusedWithAMessage() throws Exception {
		create("community1", notice(" ", "正文", List.of(GRID1), List.of("SMS"), false))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("标题")));
		create("community1", notice("标题", "{name}的身份证号{idNumber}", List.of(GRID1), List.of("SMS"), false))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("{idNumber}")));
		create("community1", notice("标题", "联系13912345678", List.of(GRID1), List.of("SMS"), false))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("手机号")));
		create("community1", notice("标题", "正文", List.of(), List.of("SMS"), false))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("至少选择一个范围")));
		create("community1", notice("标题", "正文", List.of("12345"), List.of("SMS"), false))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("12345")));
		create("community1", notice("标题", "正文", List.of(GRID1), List.of(), false))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("至少选择一个渠道")));
		create("community1", notice("标题", "正文", List.of(GRID1), List.of("FAX"), false))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("FAX")));
		Map<String, Object> tagged = notice("标题", "正文", List.of(GRID1), List.of("SMS"), false);
		((Map<String, Object>) tagged.get("audience")).put("tags", List.of("NOPE"));
		create("community1", tagged).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("NOPE")));
		Map<String, Object> late = notice("标题", "正文", List.of(GRID1), List.of("SMS"), false);
		late.put("sendAt", OffsetDateTime.now(clock).minusDays(1).toString());
		create("community1", late).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("发送时间已过")));
		mvc.perform(post("/api/v1/notices").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": ")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/notices").param("size", "0").with(as("community1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/notices").param("status", "NOPE").with(as("community1")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/inbox").param("page", "-1").with(as("grid1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/notices/999999999").with(as("community1"))).andExpect(status().isNotFound());

		// the page keeps what was typed and shows the message beside its field
		mvc.perform(post("/notices").with(as("community1")).param("title", "标题").param("body", "看{phone}")
				.param("jurisdictions", GRID1).param("channels", "SMS")).andExpect(status().isBadRequest())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.containsString("id=\"body-error\"")));
		mvc.perform(post("/notices").with(as("community1")).param("title", "标题").param("body", "正文")
				.param("jurisdictions", GRID1).param("channels", "SMS").param("sendAt", "tomorrow"))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/notices/count").with(as("community1")).param("title", "标题").param("body", "正文")
				.param("jurisdictions", GRID2).param("channels", "SMS")).andExpect(status().isForbidden());
		mvc.perform(post("/notices/count").with(as("community1")).param("title", "标题").param("body", "正文")
				.param("jurisdictions", GRID1).param("channels", "SMS")).andExpect(status().isOk());
	}

	@Test
	void pagesOpenForWritersApproversAndStaff() throws Exception {
		mvc.perform(get("/notices").with(as("community1"))).andExpect(status().isOk());
		mvc.perform(get("/notices/new").with(as("community1"))).andExpect(status().isOk());
		mvc.perform(get("/notices/approvals").with(as("leader"))).andExpect(status().isOk());
		mvc.perform(get("/notices/approvals").with(as("community1"))).andExpect(status().isForbidden());
		mvc.perform(get("/notices/new").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/inbox").with(as("police1"))).andExpect(status().isOk());
	}

	// ---------------------------------------------------------------------------------------------------------------

	private String attemptOf(long outboxId) {
		return jdbc.sql("SELECT attempt_id FROM notice_outbox WHERE id = ?").param(outboxId).query(String.class).single();
	}

	private org.springframework.test.web.servlet.ResultActions create(String user, Map<String, Object> body)
			throws Exception {
		return mvc.perform(post("/api/v1/notices").with(as(user)).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(body)));
	}

	private static Map<String, Object> notice(String title, String body, List<String> places, List<String> channels,
			boolean urgent) {
		Map<String, Object> audience = new java.util.HashMap<>();
		audience.put("jurisdictions", places);
		audience.put("tags", List.of());
		audience.put("quarantine", false);
		Map<String, Object> notice = new java.util.HashMap<>();
		notice.put("title", title);
		notice.put("body", body);
		notice.put("audience", audience);
		notice.put("channels", channels);
		notice.put("urgent", urgent);
		notice.put("sendAt", null);
		return notice;
	}

	private static long id(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	private void sendAndDrain(String user, long id) throws Exception {
		mvc.perform(post("/api/v1/notices/" + id + "/send").with(as(user))).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("SENDING"));
		builder.queue().await(id, 60);
		sender.drain(1000);
	}

	private long rows(long id, String channel) {
		return jdbc.sql("SELECT COUNT(*) FROM notice_outbox WHERE notice_id = ? AND channel = ?").params(id, channel)
				.query(Long.class).single();
	}

	private List<SmsGatewaySimulator.Received> received(String phone) {
		return simulator.received().stream().filter(r -> r.phone().equals(phone)).toList();
	}

	private static String randomPhone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** Registers a resident of {@code grid} named 测试… with {@code phone} (a new random one when null). */
	private String registerResident(String grid, String phone) {
		String number = phone == null ? randomPhone() : phone;
		residents.register(signIn("center"), new NewResident("测试" + (char) ('甲' + ThreadLocalRandom.current().nextInt(10)),
				TestIds.next(), number, grid, "", "", "", "", "测试地址", Set.of()));
		return number;
	}

	private CurrentUser signIn(String username) {
		return SignIn.as(users, username);
	}
}
