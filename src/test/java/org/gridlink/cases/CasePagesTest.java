package org.gridlink.cases;

import java.util.UUID;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;


import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * The case pages per role: the list with its filters and export, a case's page with only the allowed steps, the
 * steps posted from it (success, refused, stale), and the grid worker's and the hotline's report forms.
 */
@WebTest
class CasePagesTest {

	/** A point inside grid 320819001001001 (grid1's) and one in another street's grid. */
	static final String IN_GRID1_LAT = "33.797";
	static final String IN_GRID1_LNG = "119.004";
	static final String ELSEWHERE_LAT = "33.712";
	static final String ELSEWHERE_LNG = "119.052";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long reportInGrid1(String description) throws Exception {
		return CaseRequests.reportInGrid1(mvc, description);
	}

	void api(String user, long id, String action, String body) throws Exception {
		CaseRequests.step(mvc, user, id, action, body, "zh-CN").andExpect(status().isOk());
	}

	int version(long id) {
		return jdbc.sql("SELECT version FROM case_file WHERE id = ?").param(id).query(Integer.class).single();
	}

	String number(long id) {
		return jdbc.sql("SELECT number FROM case_file WHERE id = ?").param(id).query(String.class).single();
	}

	String statusOf(long id) {
		return jdbc.sql("SELECT status FROM case_file WHERE id = ?").param(id).query(String.class).single();
	}

	ResultActions step(String user, long id, String action, String... params) throws Exception {
		var request = post("/cases/" + id + "/actions/" + action).with(as(user)).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request);
	}

	@Test
	void theListFiltersCountsAndExportsWithoutContactData() throws Exception {
		String tag = "列表" + UUID.randomUUID().toString().substring(0, 8);
		long id = reportInGrid1(tag + "垃圾");
		String number = number(id);
		mvc.perform(get("/cases").param("q", tag).with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"case-filters\"")))
				.andExpect(content().string(containsString(number)))
				.andExpect(content().string(containsString("共 1 件")))
				.andExpect(content().string(containsString("gl-badge-normal")))
				.andExpect(content().string(containsString("联动处置")));
		mvc.perform(get("/cases").param("q", tag).param("status", "REPORTED").param("major", "E01")
				.param("jurisdiction", GRID1).param("overdue", "false").with(as("grid1")))
				.andExpect(status().isOk()).andExpect(content().string(containsString(number)));
		mvc.perform(get("/cases").param("q", tag).param("status", "CLOSED").with(as("center")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"cases-empty\"")))
				.andExpect(content().string(not(containsString(number))));
		mvc.perform(get("/cases").param("q", tag).param("minor", "C0201").with(as("center")))
				.andExpect(content().string(containsString("id=\"cases-empty\"")));
		mvc.perform(get("/cases").param("q", tag).param("overdue", "true").with(as("center")))
				.andExpect(content().string(containsString("id=\"cases-empty\"")));
		mvc.perform(get("/cases").param("q", tag).with(as("grid2"))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString(number))));
		mvc.perform(get("/cases?lang=en").param("jurisdiction", "12ab").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"filter-error\"")))
				.andExpect(content().string(containsString("No cases match")));
		mvc.perform(get("/cases").param("minor", "X99").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"filter-error\"")));
		// the CSV: the filtered rows, no reporter, no phone
		String csv = mvc.perform(get("/cases/export.csv").param("q", tag).with(as("center")))
				.andExpect(status().isOk()).andExpect(header().string("Content-Disposition", containsString("cases.csv")))
				.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF案卷号,").contains(number).contains(tag).doesNotContain("grid1");
		assertThat(csv.lines().count()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CASE_EXPORT'").query(Long.class).single())
				.isPositive();
	}

	@Test
	void theMenuNamesCasesForTheRolesThatSeeThem() throws Exception {
		mvc.perform(get("/").with(as("grid1"))).andExpect(content().string(containsString("href=\"/cases\"")));
		mvc.perform(get("/").with(as("dept1"))).andExpect(content().string(containsString("href=\"/cases\"")));
		mvc.perform(get("/?lang=en").with(as("center"))).andExpect(content().string(containsString(">Cases<")));
		mvc.perform(get("/").with(as("auditor"))).andExpect(content().string(not(containsString("href=\"/cases\""))));
		mvc.perform(get("/").with(as("admin"))).andExpect(content().string(not(containsString("href=\"/cases\""))))
				.andExpect(content().string(containsString("href=\"/cases/admin/categories\"")));
	}

	@Test
	void theCasePageOffersOnlyTheStepsTheCallerMayTake() throws Exception {
		long id = reportInGrid1("井盖缺失");
		mvc.perform(get("/cases/" + id).with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"action-file\"")))
				.andExpect(content().string(containsString("id=\"action-reject\"")))
				.andExpect(content().string(not(containsString("id=\"action-accept\""))))
				.andExpect(content().string(not(containsString("id=\"action-close\""))))
				.andExpect(content().string(containsString("name=\"version\" value=\"" + version(id) + "\"")));
		mvc.perform(get("/cases/" + id).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"action-file\""))))
				.andExpect(content().string(containsString("id=\"no-actions\"")));
		mvc.perform(get("/cases/" + id).with(as("grid2"))).andExpect(status().isForbidden());
		mvc.perform(get("/cases/" + id).with(as("dept1"))).andExpect(status().isForbidden());
		api("center", id, "file", "{}");
		mvc.perform(get("/cases/" + id).with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"action-dispatch\"")))
				// the lead unit select is pre-filled from the routing rule (E01 → 区城市管理局, unit 2)
				.andExpect(content().string(containsString("<option value=\"2\" selected=\"selected\">区城市管理局</option>")));
		api("center", id, "dispatch", "{}");
		mvc.perform(get("/cases/" + id).with(as("dept1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"action-accept\"")))
				.andExpect(content().string(containsString("id=\"action-return\"")))
				.andExpect(content().string(not(containsString("id=\"action-dispatch\""))))
				.andExpect(content().string(not(containsString("id=\"action-void\""))))
				.andExpect(content().string(containsString("id=\"case-deadline\"")))
				.andExpect(content().string(containsString("id=\"case-left\"")));
		mvc.perform(get("/cases/" + id).with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"action-accept\""))))
				.andExpect(content().string(containsString("id=\"action-urge\"")));
		mvc.perform(get("/cases/" + id + "/history").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"case-history\"")))
				.andExpect(content().string(containsString("data-action=\"dispatch\"")))
				.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/cases/999999999").with(as("center"))).andExpect(status().isNotFound());
	}

	@Test
	void everyStepFormRendersInBothLanguages() throws Exception {
		long id = reportInGrid1("表单渲染");
		api("center", id, "file", "{}");
		api("center", id, "dispatch", "{}");
		api("dept1", id, "accept", "{}");
		page("dept1", id, "action-feedback", "action-extend", "action-defer", "action-return");
		api("dept1", id, "extend", "{\"hours\":4,\"note\":\"需要时间\"}");
		page("center", id, "action-approve-extension", "approve-ext-no");
		api("center", id, "approve-extension", "{\"approved\":true}");
		api("dept1", id, "defer", "{\"note\":\"等待材料\"}");
		page("center", id, "action-approve-deferral");
		api("center", id, "approve-deferral", "{\"approved\":true}");
		page("center", id, "action-resume", "action-void");
		api("center", id, "resume", "{}");
		api("dept1", id, "feedback", "{\"note\":\"已处理\"}");
		page("center", id, "action-verify", "verify-no");
		api("center", id, "verify", "{\"passed\":true}");
		page("center", id, "action-close");
		api("center", id, "close", "{}");
		page("grid1", id, "action-evaluate", "satisfaction-1");
		step("grid1", id, "evaluate", "version", String.valueOf(version(id)), "satisfaction", "5")
				.andExpect(flash().attribute("flashError", containsString("满意度")));
		step("grid1", id, "evaluate", "version", String.valueOf(version(id)), "satisfaction", "2")
				.andExpect(flash().attribute("flash", containsString("已评价")));
		mvc.perform(get("/cases/" + id).with(as("grid1"))).andExpect(content().string(containsString("基本满意")))
				.andExpect(content().string(containsString("gl-badge-closed")));
	}

	void page(String user, long id, String... ids) throws Exception {
		for (String lang : new String[] { "zh-CN", "en" }) {
			var page = mvc.perform(get("/cases/" + id).param("lang", lang).with(as(user))).andExpect(status().isOk());
			for (String elementId : ids) {
				page.andExpect(content().string(containsString("id=\"" + elementId + "\"")));
			}
		}
	}

	@Test
	void stepsPostedFromThePageRedirectBackWithAMessage() throws Exception {
		long id = reportInGrid1("道路积水");
		step("center", id, "file", "version", String.valueOf(version(id)), "note", "符合立案条件")
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cases/" + id))
				.andExpect(flash().attribute("flash", containsString("已立案")));
		assertThat(statusOf(id)).isEqualTo("FILED");
		step("center", id, "dispatch", "version", String.valueOf(version(id)), "unitId", "2", "assistingUnitIds", "9",
				"assistingUnitIds", "").andExpect(flash().attribute("flash", containsString("已派遣")));
		assertThat(jdbc.sql("SELECT unit_id FROM case_unit WHERE case_id = ? AND role = 'ASSIST'").param(id)
				.query(Long.class).list()).containsExactly(9L);
		step("dept1", id, "accept", "version", String.valueOf(version(id)))
				.andExpect(flash().attribute("flash", containsString("已签收")));
		// a step that needs a note: refused inline, the typed text comes back
		step("dept1", id, "feedback", "version", String.valueOf(version(id)), "note", "  ")
				.andExpect(flash().attribute("flashError", containsString("需要填写意见")))
				.andExpect(flash().attribute("failedAction", "feedback"));
		step("dept1", id, "extend", "version", String.valueOf(version(id)), "hours", "abc", "note", "要车")
				.andExpect(flash().attribute("flashError", containsString("延期时长")))
				.andExpect(flash().attribute("typedNote", "要车"));
		step("dept1", id, "feedback", "version", String.valueOf(version(id)), "note", "已排水")
				.andExpect(flash().attribute("flash", containsString("处置完毕")));
		step("center", id, "verify", "version", String.valueOf(version(id)), "passed", "true")
				.andExpect(flash().attribute("flash", containsString("核查通过")));
		// not this role's step: 403; an unknown step: 404
		step("dept1", id, "close", "version", String.valueOf(version(id))).andExpect(status().isForbidden());
		step("center", id, "fly").andExpect(status().isNotFound());
		assertThat(statusOf(id)).isEqualTo("VERIFIED");
	}

	@Test
	void aStalePageIsToldToReload() throws Exception {
		long id = reportInGrid1("小广告");
		int seen = version(id);
		api("center", id, "file", "{}");
		// sessions live in the database (Spring Session): the follow-up request carries the session cookie
		MvcResult posted = mvc.perform(post("/cases/" + id + "/actions/urge").with(as("center")).with(csrf())
				.param("version", String.valueOf(seen)).param("note", "请尽快"))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("flashError", containsString("请刷新")))
				.andExpect(flash().attribute("conflict", true)).andReturn();
		jakarta.servlet.http.Cookie session = posted.getResponse().getCookie("SESSION");
		assertThat(jdbc.sql("SELECT urge_count FROM case_file WHERE id = ?").param(id).query(Integer.class).single())
				.isZero();
		// the redirect shows the message as an alert with a reload link, once
		mvc.perform(get("/cases/" + id).with(as("center")).cookie(session))
				.andExpect(content().string(containsString("id=\"flash-error\"")))
				.andExpect(content().string(containsString("id=\"reload\"")));
		mvc.perform(get("/cases/" + id).with(as("center")).cookie(session))
				.andExpect(content().string(not(containsString("id=\"flash-error\""))));
	}

	@Test
	void theGridWorkerReportsFromThePhonePage() throws Exception {
		mvc.perform(get("/cases/report").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"use-location\"")))
				.andExpect(content().string(containsString("name=\"key\"")))
				.andExpect(content().string(containsString("data-gl-minor")))
				.andExpect(content().string(containsString("/js/cases.js")))
				.andExpect(content().string(containsString("value=\"" + GRID1 + "\"")));
		String typed = "消防通道被占" + UUID.randomUUID().toString().substring(0, 6);
		// a bad category: inline error and summary, the description is kept
		mvc.perform(post("/cases/report").with(as("grid1")).with(csrf()).param("categoryCode", "X9999")
				.param("description", typed).param("jurisdictionCode", GRID1).param("key", "k-" + typed))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"error-summary\"")))
				.andExpect(content().string(containsString("id=\"categoryCode-error\"")))
				.andExpect(content().string(containsString("小类不存在或已停用")))
				.andExpect(content().string(containsString(typed)));
		// nothing chosen, nothing written: two errors at once
		mvc.perform(post("/cases/report").with(as("grid1")).with(csrf()).param("jurisdictionCode", GRID1))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"categoryCode-error\"")))
				.andExpect(content().string(containsString("id=\"description-error\"")));
		// a point outside grid1's grid is refused with a clear message
		mvc.perform(post("/cases/report").with(as("grid1")).with(csrf()).param("categoryCode", "E0101")
				.param("description", typed).param("lat", ELSEWHERE_LAT).param("lng", ELSEWHERE_LNG))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"location-error\"")))
				.andExpect(content().string(containsString("不在您负责的范围内")));
		mvc.perform(post("/cases/report").with(as("grid1")).with(csrf()).param("categoryCode", "E0101")
				.param("description", typed).param("lat", "abc").param("lng", "1"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"location-error\"")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE description = ?").param(typed).query(Long.class)
				.single()).isZero();
		// located in the grid; a double tap (same key) is one case
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/cases/report").with(as("grid1")).with(csrf()).param("categoryCode", "E0101")
					.param("description", typed).param("address", "金桥路口").param("lat", IN_GRID1_LAT)
					.param("lng", IN_GRID1_LNG).param("key", key))
					.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/cases/*"))
					.andExpect(flash().attribute("flash", containsString("已上报")));
		}
		assertThat(jdbc.sql("SELECT jurisdiction_code || ' ' || source FROM case_file WHERE description = ?")
				.param(typed).query(String.class).list()).containsExactly(GRID1 + " GRID_WORKER");
		mvc.perform(get("/cases/report").with(as("admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/cases/report").with(as("auditor"))).andExpect(status().isForbidden());
	}

	static byte[] png() throws java.io.IOException {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void photosGoWithTheReportAndAreAddedFromTheCasePage() throws Exception {
		String typed = "树木倒伏" + UUID.randomUUID().toString().substring(0, 6);
		MockMultipartFile good = new MockMultipartFile("photos", "tree.png", "image/png", png());
		MockMultipartFile bad = new MockMultipartFile("photos", "notes.jpg", "image/jpeg", "not an image".getBytes());
		String location = mvc.perform(multipart("/cases/report").file(good).file(bad).with(as("grid1")).with(csrf())
				.param("categoryCode", "E0101").param("description", typed).param("jurisdictionCode", GRID1)
				.param("key", UUID.randomUUID().toString()))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("flashError", allOf(containsString("notes.jpg"), containsString("JPEG"))))
				.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("SELECT stage FROM case_photo WHERE case_id = ?").param(id).query(String.class).list())
				.containsExactly("REPORT");
		mvc.perform(get("/cases/" + id).with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-photo=")))
				.andExpect(content().string(containsString("id=\"photo-form\"")));
		api("center", id, "file", "{}");
		api("center", id, "dispatch", "{}");
		api("dept1", id, "accept", "{}");
		mvc.perform(multipart("/cases/" + id + "/photos").file(new MockMultipartFile("photos", "done.png", "image/png", png()))
				.param("stage", "FEEDBACK").with(as("dept1")).with(csrf()))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", containsString("照片已添加")));
		mvc.perform(multipart("/cases/" + id + "/photos").file(new MockMultipartFile("photos", "x.png", "image/png", png()))
				.param("stage", "FEEDBACK").with(as("grid2")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(multipart("/cases/" + id + "/photos").file(new MockMultipartFile("photos", "x.png", "image/png", png()))
				.param("stage", "LATER").with(as("dept1")).with(csrf()))
				.andExpect(flash().attribute("flashError", containsString("LATER")));
		assertThat(jdbc.sql("SELECT stage FROM case_photo WHERE case_id = ? ORDER BY id").param(id).query(String.class)
				.list()).containsExactly("REPORT", "FEEDBACK");
		mvc.perform(get("/cases/report?tooLarge=true").with(as("grid1")))
				.andExpect(content().string(containsString("id=\"photos-error\"")));
	}

	@Test
	void theCenterEntersAHotlineCallWithTheCallersPhoneStoredEncrypted() throws Exception {
		mvc.perform(get("/cases/hotline").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("城东街道")));
		mvc.perform(get("/cases/hotline").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/cases/places").param("street", STREET1).with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("value=\"" + COMMUNITY1 + "\"")));
		mvc.perform(get("/cases/places").param("community", COMMUNITY1).with(as("center")))
				.andExpect(content().string(containsString("value=\"" + GRID1 + "\"")));
		mvc.perform(get("/cases/places").param("street", "abc").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("value=\"3"))));
		String typed = "噪音扰民" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/cases/hotline").with(as("center")).with(csrf()).param("phone", "电话")
				.param("categoryCode", "E0101").param("description", typed))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"phone-error\"")))
				.andExpect(content().string(containsString("id=\"street-error\"")))
				.andExpect(content().string(containsString(typed)));
		String location = mvc.perform(post("/cases/hotline").with(as("center")).with(csrf())
				.param("phone", "13812345678").param("categoryCode", "E0101").param("description", typed)
				.param("street", STREET1).param("community", COMMUNITY1).param("grid", GRID1)
				.param("key", UUID.randomUUID().toString()))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("SELECT source || ' ' || jurisdiction_code FROM case_file WHERE id = ?").param(id)
				.query(String.class).single()).isEqualTo("HOTLINE " + GRID1);
		assertThat(jdbc.sql("SELECT reporter_contact FROM case_file WHERE id = ?").param(id).query(String.class)
				.single()).isNotBlank().doesNotContain("13812345678");
		mvc.perform(get("/cases/" + id).with(as("center"))).andExpect(content().string(containsString("138****5678")))
				.andExpect(content().string(not(containsString("13812345678"))));
	}

	@Test
	void aUnitReturningACaseFromItsPageLandsOnItsListWithTheMessage() throws Exception {
		long id = reportInGrid1("退回测试");
		api("center", id, "file", "{}");
		api("center", id, "dispatch", "{\"unitId\":2}");
		step("dept1", id, "return", "note", "不属于本单位职责", "version", String.valueOf(version(id)))
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cases"))
				.andExpect(flash().attribute("flash", containsString(number(id))));
		org.assertj.core.api.Assertions.assertThat(statusOf(id)).isEqualTo("FILED");
	}
}
