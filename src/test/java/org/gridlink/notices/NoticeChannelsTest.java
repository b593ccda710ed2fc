package org.gridlink.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.COMMUNITY1;
import static org.gridlink.support.Demo.GRID1;
import static org.gridlink.support.Demo.GRID2;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The channels beyond inbox and SMS: the printed door-to-door list (PRINT), the work-chat group robot (GROUP) and
 * e-mail over SMTP (EMAIL, against GreenMail).
 */
@WebTest
class NoticeChannelsTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Residents residents;
	@Autowired
	UserDetailsService users;
	@Autowired
	OutboxBuilder builder;
	@Autowired
	OutboxSender sender;
	@Autowired
	TestClock clock;
	@Autowired
	JavaMailSender mailSender;

	private final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void reset() {
		clock.reset();
		SecurityContextHolder.clearContext();
	}

	@Test
	void thePrintedListHasAPagePerBuildingWithMaskedNamesTickBoxesAndAnEmbeddedFont() throws Exception {
		String compound = "测试小区" + ThreadLocalRandom.current().nextInt(1_000_000);
		String idNumber = TestIds.next();
		register("欧阳娜娜", idNumber, "13912345678", compound, "3栋", "1单元", "101");
		register("欧阳明", TestIds.next(), null, compound, "3栋", "1单元", "101");
		register("李四", TestIds.next(), null, compound, "5栋", "2单元", "502");

		long id = id(create("community1", notice("入户告知", "{community}的{name}：本周六停水", List.of(GRID1),
				List.of("PRINT"))).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("APPROVED")));
		mvc.perform(get("/notices/" + id).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("/notices/" + id + "/print.pdf")));
		mvc.perform(get("/notices/new").with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.allOf(
						org.hamcrest.Matchers.containsString("value=\"PRINT\""),
						org.hamcrest.Matchers.containsString("value=\"GROUP\""),
						org.hamcrest.Matchers.containsString("value=\"EMAIL\""))));
		byte[] pdf = mvc.perform(get("/notices/" + id + "/print.pdf").with(as("community1")).param("lang", "zh-CN"))
				.andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
				.andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			String all = stripper.getText(document);
			assertThat(all).contains("入户告知").contains("本周六停水").contains("居民").contains("签名").contains("已告知")
					.doesNotContain("{name}").doesNotContain("{community}");
			// one building per page: find the pages of our two buildings
			List<String> pages = new ArrayList<>();
			for (int p = 1; p <= document.getNumberOfPages(); p++) {
				stripper.setStartPage(p);
				stripper.setEndPage(p);
				pages.add(stripper.getText(document));
			}
			List<String> ours = pages.stream().filter(t -> t.contains(compound)).toList();
			assertThat(ours).hasSize(2);
			assertThat(ours.get(0)).contains(compound + " 3栋").contains("1单元 101").contains("欧*、欧*")
					.doesNotContain("5栋");
			assertThat(ours.get(1)).contains(compound + " 5栋").contains("2单元 502").contains("李*")
					.doesNotContain("3栋");
			// masked: no full name, no ID number, no phone
			assertThat(all).doesNotContain("欧阳娜娜").doesNotContain("李四").doesNotContain(idNumber)
					.doesNotContain("13912345678").doesNotContain("139****5678");
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					PDFontDescriptor descriptor = font instanceof PDType0Font type0
							? type0.getDescendantFont().getFontDescriptor() : font.getFontDescriptor();
					assertThat(descriptor.getFontFile2() != null || descriptor.getFontFile3() != null).isTrue();
				}
			}
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_outbox WHERE notice_id = ?").param(id).query(Long.class)
				.single()).as("a printed list has no outbox rows").isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'NOTICE_PRINT' AND subject = ?")
				.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void thePrintedListIsOnlyForThoseWhoMaySeeTheNoticeAndOnlyOnceApproved() throws Exception {
		long id = id(create("community1", notice("入户告知", "本周六停水", List.of(GRID1), List.of("PRINT"))));
		mvc.perform(get("/notices/" + id + "/print.pdf").with(as("dept1"))).andExpect(status().isForbidden());
		mvc.perform(get("/notices/" + id + "/print.pdf").with(as("grid1"))).andExpect(status().isForbidden());
		long sms = id(create("community1", notice("短信", "本周六停水", List.of(GRID1), List.of("SMS"))));
		mvc.perform(get("/notices/" + sms + "/print.pdf").with(as("community1"))).andExpect(status().isSeeOther())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("flashError",
						org.hamcrest.Matchers.containsString("审核通过后")));
		mvc.perform(get("/notices/" + sms).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("print.pdf"))));
		mvc.perform(post("/api/v1/notices/" + id + "/cancel").with(as("community1")));
		mvc.perform(get("/notices/" + id + "/print.pdf").with(as("community1"))).andExpect(status().isSeeOther());
		Map<String, Object> quarantine = notice("入户告知", "本周六停水", List.of(GRID1), List.of("PRINT"));
		((Map<String, Object>) quarantine.get("audience")).put("quarantine", true);
		create("community1", quarantine).andExpect(status().isBadRequest());
	}

	@Test
	void aGroupNoticePostsOneMarkdownMessagePerGroupInsideItsPlacesAndTheErrcodeDecides() throws Exception {
		String key = "k" + ThreadLocalRandom.current().nextInt(1_000_000);
		Map<String, List<String>> bodies = new java.util.concurrent.ConcurrentHashMap<>();
		java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
		HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		stub.createContext("/cgi-bin/webhook/send", exchange -> {
			String robot = exchange.getRequestURI().getQuery().replace("key=", "");
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			bodies.computeIfAbsent(robot, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(body);
			String answer = robot.endsWith("-bad") ? "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"
					: robot.endsWith("-busy") && busy.getAndIncrement() == 0
							? "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"
							: "{\"errcode\":0,\"errmsg\":\"ok\"}";
			byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		stub.start();
		try {
			String base = "http://127.0.0.1:" + stub.getAddress().getPort() + "/cgi-bin/webhook/send?key=" + key;
			addGroup("community1", GRID1, "一网格群" + key, base + "-ok").andExpect(status().isCreated())
					.andExpect(jsonPath("$.webhookMasked").value(org.hamcrest.Matchers.not(
							org.hamcrest.Matchers.containsString(key))));
			addGroup("community1", COMMUNITY1, "社区群" + key, base + "-bad").andExpect(status().isCreated());
			addGroup("community1", GRID1, "楼栋群" + key, base + "-busy").andExpect(status().isCreated());
			addGroup("center", GRID2, "别处的群" + key, base + "-elsewhere").andExpect(status().isCreated());
			// bad input and scope
			addGroup("community1", GRID2, "越界" + key, base + "-x").andExpect(status().isForbidden());
			addGroup("community1", "12345", "未知" + key, base + "-x").andExpect(status().isBadRequest());
			addGroup("community1", GRID1, "外部" + key, "https://example.com/hook?key=" + key)
					.andExpect(status().isBadRequest());
			addGroup("community1", GRID1, " ", base + "-x").andExpect(status().isBadRequest());
			addGroup("community1", GRID1, "一网格群" + key, base + "-ok").andExpect(status().isBadRequest());
			addGroup("grid1", GRID1, "网格员" + key, base + "-x").andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/notice-groups").with(as("community1"))).andExpect(status().isOk())
					.andExpect(jsonPath("$[?(@.name == '别处的群" + key + "')]").isEmpty())
					.andExpect(jsonPath("$[?(@.name == '社区群" + key + "')]").isNotEmpty());

			long id = id(create("community1", notice("停水通知", "{community}的{name}：本周六停水", List.of(COMMUNITY1),
					List.of("GROUP"))).andExpect(status().isCreated()));
			mvc.perform(post("/api/v1/notices/" + id + "/send").with(as("community1"))).andExpect(status().isOk());
			builder.queue().await(id, 60);
			sender.drain(1000);

			assertThat(bodies.get(key + "-ok")).hasSize(1);
			var message = json.readTree(bodies.get(key + "-ok").get(0));
			assertThat(message.path("msgtype").asString()).isEqualTo("markdown");
			String content = message.path("markdown").path("content").asString();
			assertThat(content).startsWith("**停水通知**").contains("本周六停水").doesNotContain("{name}")
					.doesNotContain("{community}");
			assertThat(bodies).doesNotContainKey(key + "-elsewhere");
			assertThat(bodies.get(key + "-bad")).hasSize(1);
			assertThat(state(id, key + "-bad")).isEqualTo("FAILED");
			assertThat(jdbc.sql("SELECT error FROM notice_outbox o JOIN notice_group_webhook g ON g.id = o.recipient_id"
					+ " WHERE o.notice_id = ? AND g.name = ?").params(id, "社区群" + key).query(String.class).single())
					.contains("93000");
			// the busy robot is tried again after the back-off and then sent, once
			assertThat(state(id, key + "-busy")).isEqualTo("CLAIMED");
			clock.advance(Duration.ofMinutes(10));
			sender.drain(1000);
			assertThat(state(id, key + "-busy")).isEqualTo("SENT");
			assertThat(bodies.get(key + "-busy")).hasSize(2);
			assertThat(bodies.get(key + "-ok")).hasSize(1);
			mvc.perform(get("/api/v1/notices/" + id).with(as("community1"))).andExpect(jsonPath("$.status").value("SENT"))
					.andExpect(jsonPath("$.counts.sent").value(2)).andExpect(jsonPath("$.counts.failed").value(1));
		}
		finally {
			stub.stop(0);
		}
	}

	@Test
	void anEmailNoticeReachesStaffByRoleWithAnAddressAndAFailingServerIsTriedAgainThenFails() throws Exception {
		String address = "grid1-" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.gov.cn";
		long grid1 = jdbc.sql("SELECT id FROM app_user WHERE username = 'grid1'").query(Long.class).single();
		setEmail("community1", grid1, address).andExpect(status().isForbidden());
		setEmail("admin", grid1, "not an address").andExpect(status().isBadRequest());
		setEmail("admin", 999_999_999L, address).andExpect(status().isNotFound());
		setEmail("admin", grid1, address).andExpect(status().isNoContent());
		assertThat(jdbc.sql("SELECT email_enc FROM app_user WHERE id = ?").param(grid1).query(String.class).single())
				.as("sealed at rest").doesNotContain("@");

		JavaMailSenderImpl smtp = (JavaMailSenderImpl) mailSender;
		GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		greenMail.start();
		try {
			smtp.setPort(greenMail.getSmtp().getPort());
			Map<String, Object> body = notice("防汛值班", "{name}：今晚请到{community}值班", List.of(COMMUNITY1),
					List.of("EMAIL"));
			((Map<String, Object>) body.get("audience")).put("staffRoles", List.of("GRID_WORKER"));
			long id = id(create("community1", body).andExpect(status().isCreated()));
			mvc.perform(post("/api/v1/notices/" + id + "/send").with(as("community1"))).andExpect(status().isOk());
			builder.queue().await(id, 60);
			sender.drain(1000);
			jakarta.mail.internet.MimeMessage[] received = greenMail.getReceivedMessages();
			List<jakarta.mail.internet.MimeMessage> ours = new ArrayList<>();
			for (var m : received) {
				if (m.getAllRecipients()[0].toString().equals(address)) {
					ours.add(m);
				}
			}
			assertThat(ours).hasSize(1);
			assertThat(ours.get(0).getSubject()).isEqualTo("防汛值班");
			String text = com.icegreen.greenmail.util.GreenMailUtil.getBody(ours.get(0));
			assertThat(ours.get(0).getContent().toString()).contains("今晚请到").doesNotContain("{community}")
					.doesNotContain("{name}");
			assertThat(text).isNotBlank();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_outbox WHERE notice_id = ? AND channel = 'EMAIL'"
					+ " AND recipient_id <> ?").params(id, grid1).query(Long.class).single())
					.as("only staff with an address").isZero();
			mvc.perform(get("/api/v1/notices/" + id).with(as("community1"))).andExpect(jsonPath("$.status").value("SENT"))
					.andExpect(jsonPath("$.counts.sent").value(1));

			// the server goes away: the message is tried again after the back-off, then fails
			greenMail.stop();
			long second = id(create("community1", body).andExpect(status().isCreated()));
			mvc.perform(post("/api/v1/notices/" + second + "/send").with(as("community1"))).andExpect(status().isOk());
			builder.queue().await(second, 60);
			sender.drain(1000);
			String sql = "SELECT state FROM notice_outbox WHERE notice_id = ? AND channel = 'EMAIL'";
			assertThat(jdbc.sql(sql).param(second).query(String.class).single()).isEqualTo("CLAIMED");
			int rounds = 0;
			while (!"FAILED".equals(jdbc.sql(sql).param(second).query(String.class).single()) && rounds < 20) {
				clock.advance(Duration.ofHours(1));
				sender.drain(1000);
				rounds++;
			}
			assertThat(rounds).as("tried again before failing").isGreaterThan(1);
			assertThat(jdbc.sql("SELECT state FROM notice_outbox WHERE notice_id = ? AND channel = 'EMAIL'")
					.param(second).query(String.class).single()).isEqualTo("FAILED");
			assertThat(jdbc.sql("SELECT attempts FROM notice_outbox WHERE notice_id = ? AND channel = 'EMAIL'")
					.param(second).query(Integer.class).single()).isGreaterThan(1);
		}
		finally {
			greenMail.stop();
			smtp.setPort(1);
		}
		// without an SMTP server (no spring.mail.host) the channel is not available
		assertThat(new EmailChannel(new org.springframework.beans.factory.support.StaticListableBeanFactory()
				.getBeanProvider(JavaMailSender.class), null, "x@localhost", 1).configured()).isFalse();
	}

	// ---------------------------------------------------------------------------------------------------------------

	private org.springframework.test.web.servlet.ResultActions setEmail(String user, long id, String email)
			throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.put("/api/v1/admin/users/" + id + "/email").with(as(user)).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("email", email))));
	}

	private String state(long noticeId, String robot) {
		String suffix = robot.substring(robot.lastIndexOf('-'));
		return jdbc.sql("SELECT o.state FROM notice_outbox o JOIN notice_group_webhook g ON g.id = o.recipient_id"
				+ " WHERE o.notice_id = ? AND o.channel = 'GROUP' AND g.name LIKE ?")
				.params(noticeId, (suffix.equals("-ok") ? "一网格群" : suffix.equals("-bad") ? "社区群" : "楼栋群")
						+ robot.substring(0, robot.lastIndexOf('-')))
				.query(String.class).single();
	}

	private org.springframework.test.web.servlet.ResultActions addGroup(String user, String code, String name,
			String url) throws Exception {
		return mvc.perform(post("/api/v1/notice-groups").with(as(user)).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("jurisdictionCode", code, "name", name, "webhookUrl", url))));
	}

	private void register(String name, String idNumber, String phone, String compound, String building,
			String entrance, String room) {
		residents.register(signIn("center"), new NewResident(name, idNumber, phone, GRID1, compound, building, entrance,
				room, "", Set.of()));
	}

	private org.springframework.test.web.servlet.ResultActions create(String user, Map<String, Object> body)
			throws Exception {
		return mvc.perform(post("/api/v1/notices").with(as(user)).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(body)));
	}

	static Map<String, Object> notice(String title, String body, List<String> places, List<String> channels) {
		Map<String, Object> audience = new HashMap<>();
		audience.put("jurisdictions", places);
		audience.put("tags", List.of());
		audience.put("quarantine", false);
		Map<String, Object> notice = new HashMap<>();
		notice.put("title", title);
		notice.put("body", body);
		notice.put("audience", audience);
		notice.put("channels", channels);
		notice.put("urgent", false);
		notice.put("sendAt", null);
		return notice;
	}

	private static long id(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	private CurrentUser signIn(String username) {
		return SignIn.as(users, username);
	}
}
