package org.gridlink.answers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.NewCase;
import org.gridlink.cases.PublicCaseStatus;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Public answers: the desk writes, publishes and withdraws (audited); the public reads and searches without login;
 * a case is answered by pointing to a published answer; no personal data on the public page; the daily digest.
 */
@WebTest
class AnswersTest {

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
	private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseManagement cases;

	@Autowired
	PublicCaseStatus publicStatus;

	ResultActions create(String user, String json) throws Exception {
		return mvc.perform(post("/api/v1/answers").with(as(user)).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static String answer(String question, String theme, boolean publish) {
		return "{\"question\":\"" + question + "\",\"answer\":\"按区指挥中心通知执行。\",\"source\":\"区指挥中心\","
				+ "\"date\":\"2026-11-30\",\"theme\":\"" + theme + "\",\"publish\":" + publish + "}";
	}

	long published(String question, String theme) throws Exception {
		String json = create("center", answer(question, theme, true)).andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("PUBLISHED")).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	@Test
	void theDeskPublishesAndThePublicReadsAndSearchesWithoutLogin() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long id = published("垃圾分类何时开始" + tag, "CITY");
		long other = published("公交线路调整" + tag, "TRAFFIC");

		mvc.perform(get("/api/v1/public/answers").param("q", tag)).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(2))
				.andExpect(jsonPath("$.content[*].createdBy", everyItem(nullValue())));
		mvc.perform(get("/api/v1/public/answers").param("q", tag).param("theme", "TRAFFIC")).andExpect(status().isOk())
				.andExpect(jsonPath("$.content[*].id", contains((int) other)));
		// wildcards are literal
		mvc.perform(get("/api/v1/public/answers").param("q", "%" + tag)).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(0));
		mvc.perform(get("/api/v1/public/answers/" + id)).andExpect(status().isOk())
				.andExpect(jsonPath("$.question").value("垃圾分类何时开始" + tag));

		mvc.perform(get("/answers").param("q", tag).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("垃圾分类何时开始" + tag)))
				.andExpect(content().string(containsString("City appearance and environment")))
				.andExpect(content().string(containsString("Official answers")));
		mvc.perform(get("/answers").param("q", tag).param("theme", "CITY")).andExpect(status().isOk())
				.andExpect(content().string(containsString("市容环境")))
				.andExpect(content().string(not(containsString("公交线路调整" + tag))));
		mvc.perform(get("/answers/" + id)).andExpect(status().isOk())
				.andExpect(content().string(containsString("按区指挥中心通知执行。")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'ANSWER_CREATE' AND subject_type = 'answer' AND subject = ?")
				.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void badInputOnEveryPathIsRefused() throws Exception {
		create("center", answer("", "CITY", true)).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Enter the question")));
		create("center", answer("问".repeat(501), "CITY", true)).andExpect(status().isBadRequest());
		create("center", answer("问题", "WEATHER", true)).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Choose a theme")));
		create("center", answer("问题", "", true)).andExpect(status().isBadRequest());
		create("center", answer("问题", "CITY", true).replace("2026-11-30", "2026-13-01"))
				.andExpect(status().isBadRequest());
		create("center", answer("问题", "CITY", true).replace("2026-11-30", LocalDate.now().plusDays(5).toString()))
				.andExpect(status().isBadRequest());
		create("center", answer("问题", "CITY", true).replace("区指挥中心\"", "\"")).andExpect(status().isBadRequest());
		// only the duty desk writes
		create("grid1", answer("问题", "CITY", true)).andExpect(status().isForbidden());
		create("leader", answer("问题", "CITY", true)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/answers")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/answers").contentType(MediaType.APPLICATION_JSON).content(answer("问题", "CITY", true)))
				.andExpect(status().isForbidden());
		mvc.perform(get("/answer-desk").with(as("grid1"))).andExpect(status().isForbidden());

		mvc.perform(get("/api/v1/public/answers").param("theme", "WEATHER")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/public/answers").param("q", "x".repeat(101))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/public/answers").param("size", "100000")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/public/answers").param("page", "x")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/public/answers/999999999")).andExpect(status().isNotFound());
		mvc.perform(get("/answers").param("theme", "WEATHER")).andExpect(status().isBadRequest());
		mvc.perform(get("/answers/999999999")).andExpect(status().isNotFound());
		mvc.perform(get("/answers/abc")).andExpect(status().isNotFound());

		// the desk's form keeps what was typed and says what is wrong
		mvc.perform(post("/answer-desk").with(as("center")).param("lang", "en").param("question", "保留的问题")
				.param("answer", "").param("source", "来源").param("theme", "CITY"))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("Enter the answer")))
				.andExpect(content().string(containsString("保留的问题")));
	}

	@Test
	void aDraftIsNotPublicUntilPublishedAndWithdrawingIsAuditedAndTouchesNoReport() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String json = create("center", answer("草稿" + tag, "POLICY", false)).andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("DRAFT")).andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(json, "$.id")).longValue();
		mvc.perform(get("/api/v1/public/answers/" + id)).andExpect(status().isNotFound());
		mvc.perform(get("/answers/" + id)).andExpect(status().isNotFound());
		mvc.perform(get("/answers").param("q", tag)).andExpect(content().string(not(containsString("草稿" + tag))));

		mvc.perform(post("/api/v1/answers/" + id + "/publish").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":5}")).andExpect(status().isConflict());
		mvc.perform(post("/answer-desk/" + id + "/publish").with(as("center")).param("version", "0"))
				.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/public/answers/" + id)).andExpect(status().isOk());
		mvc.perform(post("/api/v1/answers/" + id + "/publish").with(as("center"))).andExpect(status().isConflict());

		// a case answered with it keeps its history when the answer is withdrawn
		long caseId = cases.reportAs("public", new NewCase("E0101", "路灯不亮" + tag, GRID1, null, null, "", CaseSource.RESIDENT,
				"13912345678"), null);
		mvc.perform(post("/cases/" + caseId + "/references").with(as("center")).param("key", "answer:" + id))
				.andExpect(status().is3xxRedirection());
		long cases = jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();

		mvc.perform(post("/api/v1/answers/" + id + "/withdraw").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content("{}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/answers/" + id + "/withdraw").with(as("leader")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"过时\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/answers/" + id + "/withdraw").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"政策已调整\"}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("WITHDRAWN")).andExpect(jsonPath("$.withdrawNote").value("政策已调整"));
		mvc.perform(post("/api/v1/answers/" + id + "/withdraw").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"再次\"}")).andExpect(status().isConflict());
		mvc.perform(get("/api/v1/public/answers/" + id)).andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'ANSWER_WITHDRAW' AND subject_type = 'answer' AND subject = ?")
				.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single()).isEqualTo(cases);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND action = 'reference'")
				.param(caseId).query(Long.class).single()).isEqualTo(1);
		// a withdrawn answer is no longer offered or accepted
		mvc.perform(post("/cases/" + caseId + "/references").with(as("center")).param("key", "answer:" + id)
				.param("lang", "en")).andExpect(flash().attribute("flashError", containsString("published answer")));
	}

	@Test
	void aConcernIsAnsweredByPointingToAPublishedAnswer() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long answer = published("路灯维修周期" + tag, "CITY");
		long caseId = cases.reportAs("public", new NewCase("E0101", "路灯不亮" + tag, GRID1, null, null, "", CaseSource.RESIDENT,
				"13912345678"), null);
		String token = publicStatus.issueLink(caseId);

		mvc.perform(get("/cases/" + caseId).with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"reference-form\"")))
				.andExpect(content().string(containsString("answer:" + answer)));
		mvc.perform(get("/cases/" + caseId).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"reference-form\""))));

		// bad input and people who do not act on the case
		mvc.perform(post("/cases/" + caseId + "/references").with(as("center")).param("key", "answer:999999999"))
				.andExpect(flash().attributeExists("flashError"));
		mvc.perform(post("/cases/" + caseId + "/references").with(as("center")).param("key", "x".repeat(300)))
				.andExpect(flash().attributeExists("flashError"));
		mvc.perform(post("/cases/" + caseId + "/references").with(as("center")))
				.andExpect(flash().attributeExists("flashError"));
		mvc.perform(post("/cases/" + caseId + "/references").with(as("grid1")).param("key", "answer:" + answer))
				.andExpect(status().isForbidden());
		mvc.perform(post("/cases/" + caseId + "/references").with(as("leader")).param("key", "answer:" + answer))
				.andExpect(status().isForbidden());
		assertThat(cases.references(caseId)).isEmpty();

		mvc.perform(post("/cases/" + caseId + "/references").with(as("center")).param("key", "answer:" + answer))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flash"));
		mvc.perform(post("/cases/" + caseId + "/references").with(as("center")).param("key", "answer:" + answer)
				.param("lang", "en")).andExpect(flash().attribute("flash", containsString("already")));
		assertThat(cases.references(caseId)).extracting(r -> r.path()).containsExactly("/answers/" + answer);
		mvc.perform(get("/cases/" + caseId).with(as("center")).param("lang", "en"))
				.andExpect(content().string(containsString("Answered with a public answer")))
				.andExpect(content().string(containsString("路灯维修周期" + tag)));
		// the resident's public status page shows the link
		mvc.perform(get("/report/" + token)).andExpect(status().isOk())
				.andExpect(content().string(containsString("href=\"/answers/" + answer + "\"")))
				.andExpect(content().string(containsString("路灯维修周期" + tag)));
	}

	@Test
	void thePublicPageAndApiCarryNoPersonalData() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long answer = published("噪音扰民怎么办" + tag, "SAFETY");
		long caseId = cases.reportAs("public", new NewCase("E0101", "张三 13987654321 320819198001011234 " + tag, GRID1,
				null, null, "", CaseSource.RESIDENT, "13987654321"), null);
		mvc.perform(post("/cases/" + caseId + "/references").with(as("center")).param("key", "answer:" + answer))
				.andExpect(status().is3xxRedirection());
		String names = String.join("|", jdbc.sql("SELECT display_name FROM app_user WHERE username IN ('admin', 'center', 'leader',"
				+ " 'dept1', 'street1', 'community1', 'grid1', 'police1', 'inspector1')").query(String.class).list());
		for (String body : List.of(
				mvc.perform(get("/answers")).andReturn().getResponse().getContentAsString(),
				mvc.perform(get("/answers").param("q", tag)).andReturn().getResponse().getContentAsString(),
				mvc.perform(get("/answers/" + answer)).andReturn().getResponse().getContentAsString(),
				mvc.perform(get("/api/v1/public/answers").param("size", "500")).andReturn().getResponse()
						.getContentAsString())) {
			assertThat(PHONE.matcher(body).find()).as("a phone number").isFalse();
			assertThat(ID_NUMBER.matcher(body).find()).as("an ID number").isFalse();
			assertThat(body).doesNotContain("张三").doesNotContain("\"center\"");
			for (String name : names.split("\\|")) {
				if (name.length() > 1) {
					assertThat(body).as("a staff name").doesNotContain(name);
				}
			}
		}
	}

	@Test
	void theDailyDigestCountsTheDayOverTheScope() throws Exception {
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		String before = mvc.perform(get("/api/v1/digest/daily").param("day", today).with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		cases.reportAs("public", new NewCase("E0101", "暴露垃圾", GRID1, null, null, "", CaseSource.RESIDENT, ""), null);
		published("简报核对" + UUID.randomUUID(), "OTHER");
		String after = mvc.perform(get("/api/v1/digest/daily").param("day", today).with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(n(after, "$.concerns") - n(before, "$.concerns")).isEqualTo(1);
		assertThat(n(after, "$.openOfTheDay") - n(before, "$.openOfTheDay")).isEqualTo(1);
		assertThat(n(after, "$.openNow") - n(before, "$.openNow")).isEqualTo(1);
		assertThat(n(after, "$.answersPublished") - n(before, "$.answersPublished")).isEqualTo(1);
		assertThat(count(after, "byChannel", "RESIDENT") - count(before, "byChannel", "RESIDENT")).isEqualTo(1);
		assertThat(count(after, "byTheme", "E01") - count(before, "byTheme", "E01")).isEqualTo(1);
		long themes = JsonPath.<List<Integer>>read(after, "$.byTheme[*].count").stream().mapToLong(Integer::longValue).sum();
		assertThat(themes).isEqualTo(n(after, "$.concerns"));

		// the default is yesterday; the page for the center and leaders
		mvc.perform(get("/api/v1/digest/daily").with(as("leader"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.day").value(LocalDate.parse(today).minusDays(1).toString()));
		mvc.perform(get("/digest").param("day", today).with(as("center")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Concerns by channel")))
				.andExpect(content().string(containsString("id=\"digest-concerns\"")));
		// bad input and roles without the digest
		for (String bad : List.of("2026-13-01", "yesterday", LocalDate.parse(today).plusDays(2).toString(), "1999-12-31")) {
			mvc.perform(get("/api/v1/digest/daily").param("day", bad).with(as("center"))).andExpect(status().isBadRequest());
			mvc.perform(get("/digest").param("day", bad).with(as("center"))).andExpect(status().isBadRequest());
		}
		mvc.perform(get("/api/v1/digest/daily").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/digest").with(as("dept1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/digest/daily")).andExpect(status().isUnauthorized());
	}

	static long n(String json, String path) {
		return ((Number) JsonPath.read(json, path)).longValue();
	}

	static long count(String json, String list, String code) {
		List<Integer> found = JsonPath.read(json, "$." + list + "[?(@.code == '" + code + "')].count");
		return found.isEmpty() ? 0 : found.get(0);
	}
}
