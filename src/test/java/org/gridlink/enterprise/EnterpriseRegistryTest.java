package org.gridlink.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.COMMUNITY1;
import static org.gridlink.support.Demo.GRID1;
import static org.gridlink.support.Demo.GRID2;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The registry over the API and the pages on the demo district: register (201; a wrong check character 400 naming
 * the field), the scope (a liaison sees only their enterprises, street staff their street's, others not found),
 * masking and the audited reveal, and the import with its per-row problems.
 */
@WebTest
class EnterpriseRegistryTest {

	private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 800_000_000L);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** A valid credit code no other test (nor the demo) uses. */
	static String newCode() {
		long n = SEQ.incrementAndGet() * 7_919L + 13;
		StringBuilder body = new StringBuilder();
		for (int k = 0; k < 7; k++) {
			body.append(CreditCode.ALPHABET.charAt((int) (n % 31)));
			n /= 31;
		}
		String first17 = "91320819TE" + body;
		return first17 + CreditCode.checkCharacter(first17);
	}

	static String wrongCheck(String code) {
		char last = code.charAt(17);
		char other = CreditCode.ALPHABET.charAt((CreditCode.ALPHABET.indexOf(last) + 1) % 31);
		return code.substring(0, 17) + other;
	}

	static String body(String code, String name, String grid, boolean key) {
		return "{\"creditCode\":\"" + code + "\",\"name\":\"" + name + "\",\"legalRepresentative\":\"欧阳娜娜\","
				+ "\"industry\":\"C\",\"address\":\"长江路1号\",\"gridCode\":\"" + grid + "\",\"key\":" + key
				+ ",\"contactPhone\":\"13812345678\"}";
	}

	ResultActions create(String user, String json) throws Exception {
		return mvc.perform(post("/api/v1/enterprises").with(as(user)).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	long register(String user, String grid) throws Exception {
		String json = create(user, body(newCode(), "测试精密机械有限公司" + SEQ.get(), grid, false))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	long audits(String action, long subject, String outcome) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject = ? AND outcome = ?")
				.params(action, String.valueOf(subject), outcome).query(Long.class).single();
	}

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
	}

	// ------------------------------------------------------------------ register

	@Test
	void registeringAnswers201AndAWrongCheckCharacter400NamingTheField() throws Exception {
		String code = newCode();
		create("center", body(code.toLowerCase(java.util.Locale.ROOT), "苏州测试电子科技有限公司", GRID1, true))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.creditCode").value(code))
				.andExpect(jsonPath("$.keyEnterprise").value(true)).andExpect(jsonPath("$.industry").value("C"))
				.andExpect(jsonPath("$.gridCode").value(GRID1));
		// the same code again: a conflict
		create("center", body(code, "另一家公司", GRID1, false)).andExpect(status().isConflict());

		String before = String.valueOf(count("SELECT COUNT(*) FROM enterprise"));
		String answer = create("center", body(wrongCheck(newCode()), "校验码错误有限公司", GRID1, false))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_INPUT"))
				.andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(answer, "$.message")).startsWith("creditCode:").contains("check character");
		assertThat(String.valueOf(count("SELECT COUNT(*) FROM enterprise"))).isEqualTo(before);

		// other bad input, each naming its field
		create("center", body("12345", "短代码公司", GRID1, false)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("creditCode:")));
		create("center", body(newCode(), "网格错误公司", "320819999999999", false)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("gridCode:")));
		create("center", body(newCode(), "行业错误公司", GRID1, false).replace("\"C\"", "\"Z\""))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("industry:")));
		create("center", body(newCode(), "电话错误公司", GRID1, false).replace("13812345678", "12345"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("contactPhone:")));
		create("center", body(newCode(), "", GRID1, false)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("name:")));
		create("center", "{\"creditCode\":null}").andExpect(status().isBadRequest());
		create("center", "not json").andExpect(status().isBadRequest());
	}

	@Test
	void onlyStaffOfThePlaceRegister() throws Exception {
		// street1 outside its street: 403; a grid worker, a leader and a liaison may not register at all
		create("street1", body(newCode(), "外街道公司", GRID2, false)).andExpect(status().isForbidden());
		create("grid1", body(newCode(), "网格员登记公司", GRID1, false)).andExpect(status().isForbidden());
		create("leader", body(newCode(), "领导登记公司", GRID1, false)).andExpect(status().isForbidden());
		create("liaison1", body(newCode(), "联络员登记公司", GRID1, false)).andExpect(status().isForbidden());
		create("community1", body(newCode(), "社区登记公司", GRID1, false)).andExpect(status().isCreated());
	}

	// ------------------------------------------------------------------ scope

	@Test
	void aLiaisonSeesOnlyTheirEnterprises() throws Exception {
		long liaison = count("SELECT id FROM app_user WHERE username = 'liaison1'");
		Set<Long> assigned = new HashSet<>(jdbc.sql("SELECT enterprise_id FROM enterprise_liaison WHERE account_id = ?")
				.param(liaison).query(Long.class).list());
		assertThat(assigned).as("the demo assigns liaison1 enterprises").isNotEmpty();
		assertThat(count("SELECT COUNT(*) FROM enterprise e JOIN enterprise_liaison l ON l.enterprise_id = e.id"
				+ " WHERE l.account_id = ? AND e.key_enterprise", liaison)).as("key ones among them").isPositive();

		String json = mvc.perform(get("/api/v1/enterprises?size=500").with(as("liaison1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Number> ids = JsonPath.read(json, "$.content[*].id");
		assertThat(ids.stream().map(Number::longValue).toList()).containsExactlyInAnyOrderElementsOf(assigned);
		assertThat(((Number) JsonPath.read(json, "$.page.totalElements")).longValue()).isEqualTo(assigned.size());

		long other = count("SELECT MIN(id) FROM enterprise WHERE id NOT IN (SELECT enterprise_id FROM enterprise_liaison"
				+ " WHERE account_id = ?)", liaison);
		long mine = assigned.iterator().next();
		mvc.perform(get("/api/v1/enterprises/" + other).with(as("liaison1"))).andExpect(status().isNotFound());
		mvc.perform(get("/enterprises/" + other).with(as("liaison1"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/enterprises/" + mine).with(as("liaison1"))).andExpect(status().isOk());
		String page = mvc.perform(get("/enterprises/" + mine).with(as("liaison1"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("href=\"/enterprises/" + mine + "/appeals\"", "href=\"/enterprises/" + mine
				+ "/relief\"", "href=\"/enterprises/" + mine + "/team\"", "href=\"/enterprises/" + mine + "/checkups\"");
		// the list page shows the liaison's enterprises only
		String list = mvc.perform(get("/enterprises").with(as("liaison1"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(list).doesNotContain("href=\"/enterprises/" + other + "\"");
		// a liaison assigned by the center sees the enterprise from then on
		long fresh = register("center", GRID2);
		mvc.perform(get("/api/v1/enterprises/" + fresh).with(as("liaison1"))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/enterprises/" + fresh + "/liaisons").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"liaison1\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].username").value("liaison1"));
		mvc.perform(get("/api/v1/enterprises/" + fresh).with(as("liaison1"))).andExpect(status().isOk());
		// only accounts with the liaison role are assigned
		mvc.perform(post("/api/v1/enterprises/" + fresh + "/liaisons").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"grid1\"}"))
				.andExpect(status().isBadRequest());
		// street1 may not assign for another street's enterprise (it does not even see it)
		mvc.perform(post("/api/v1/enterprises/" + fresh + "/liaisons").with(as("street1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"liaison1\"}"))
				.andExpect(status().isNotFound());
	}

	@Test
	void streetStaffSeeTheirStreetOnly() throws Exception {
		long inStreet = register("center", GRID1);
		long elsewhere = register("center", GRID2);
		String json = mvc.perform(get("/api/v1/enterprises?size=500").with(as("street1"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		long total = ((Number) JsonPath.read(json, "$.page.totalElements")).longValue();
		assertThat(total).isEqualTo(count("SELECT COUNT(*) FROM enterprise WHERE grid_code LIKE '320819001%'"));
		List<String> grids = JsonPath.read(json, "$.content[*].gridCode");
		assertThat(grids).isNotEmpty().allMatch(g -> g.startsWith("320819001"));
		mvc.perform(get("/api/v1/enterprises/" + inStreet).with(as("street1"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/enterprises/" + elsewhere).with(as("street1"))).andExpect(status().isNotFound());
		mvc.perform(get("/enterprises/" + elsewhere).with(as("street1"))).andExpect(status().isNotFound());
		// filters: community, key, industry, text; a filter that is not a code is refused
		String community = mvc.perform(get("/api/v1/enterprises?size=500&place=" + COMMUNITY1 + "&key=false")
				.with(as("street1"))).andReturn().getResponse().getContentAsString();
		List<String> communityGrids = JsonPath.read(community, "$.content[*].gridCode");
		assertThat(communityGrids).allMatch(g -> g.startsWith(COMMUNITY1));
		List<Boolean> keys = JsonPath.read(community, "$.content[*].keyEnterprise");
		assertThat(keys).doesNotContain(true);
		mvc.perform(get("/api/v1/enterprises?industry=Z").with(as("street1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/enterprises?place=abc").with(as("street1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/enterprises?size=0").with(as("street1"))).andExpect(status().isBadRequest());
		String code = jdbc.sql("SELECT credit_code FROM enterprise WHERE id = ?").param(inStreet).query(String.class)
				.single().strip();
		mvc.perform(get("/api/v1/enterprises?q=" + code.toLowerCase(java.util.Locale.ROOT)).with(as("street1")))
				.andExpect(jsonPath("$.content[0].id").value(inStreet));
		// pages: list, detail, form and import answer for the street
		for (String path : List.of("/enterprises", "/enterprises?key=true&industry=C&place=" + COMMUNITY1,
				"/enterprises/" + inStreet, "/enterprises/new", "/enterprises/" + inStreet + "/edit",
				"/enterprises/import")) {
			mvc.perform(get(path).with(as("street1"))).andExpect(status().isOk());
		}
		mvc.perform(get("/enterprises/new").with(as("leader"))).andExpect(status().isForbidden());
		mvc.perform(get("/enterprises").with(as("auditor"))).andExpect(status().isForbidden());
	}

	@Test
	void aLiaisonsHomeLeadsToTheirEnterprisesAndTheirMenuKeepsThemDaily() throws Exception {
		String home = mvc.perform(get("/").with(as("liaison1")).header("Accept-Language", "zh-CN"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("我联系的企业", "我联系的重点企业", "href=\"/enterprises?key=true\"");
		int menu = home.indexOf("id=\"gl-menu\"");
		int more = home.indexOf("id=\"gl-more\"", menu);
		assertThat(menu).isNotNegative();
		String daily = home.substring(menu, more < 0 ? home.length() : more);
		assertThat(daily).contains("href=\"/enterprises\"");
		List<String> refused = new java.util.ArrayList<>();
		java.util.regex.Matcher links = java.util.regex.Pattern.compile("href=\"(/[^\"]*)\"").matcher(home);
		while (links.find()) {
			String href = links.group(1).replace("&amp;", "&");
			if (href.startsWith("/enterprises")) {
				int status = mvc.perform(get(href).with(as("liaison1"))).andReturn().getResponse().getStatus();
				if (status != 200) {
					refused.add(href + " " + status);
				}
			}
		}
		assertThat(refused).isEmpty();
		String center = mvc.perform(get("/").with(as("center")).header("Accept-Language", "zh-CN"))
				.andReturn().getResponse().getContentAsString();
		assertThat(center).contains("href=\"/enterprises?key=true\"");
	}

	@Test
	void aLiaisonEditsTheirEnterpriseButDoesNotMoveItOrChangeItsFlag() throws Exception {
		long liaison = count("SELECT id FROM app_user WHERE username = 'liaison1'");
		long mine = count("SELECT MIN(enterprise_id) FROM enterprise_liaison WHERE account_id = ?", liaison);
		String current = mvc.perform(get("/api/v1/enterprises/" + mine).with(as("liaison1"))).andReturn().getResponse()
				.getContentAsString();
		String code = JsonPath.read(current, "$.creditCode");
		String grid = JsonPath.read(current, "$.gridCode");
		boolean key = JsonPath.read(current, "$.keyEnterprise");
		String edit = "{\"creditCode\":\"" + code + "\",\"name\":\"联络员改名有限公司\",\"gridCode\":\"" + grid
				+ "\",\"contactPhone\":\"13700001234\"}";
		mvc.perform(put("/api/v1/enterprises/" + mine).with(as("liaison1")).contentType(MediaType.APPLICATION_JSON)
				.content(edit)).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("联络员改名有限公司"))
				.andExpect(jsonPath("$.contactPhone").value("137****1234"))
				.andExpect(jsonPath("$.keyEnterprise").value(key));
		mvc.perform(put("/api/v1/enterprises/" + mine).with(as("liaison1")).contentType(MediaType.APPLICATION_JSON)
				.content(edit.replace(grid, GRID1.equals(grid) ? GRID2 : GRID1))).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/enterprises/" + mine).with(as("liaison1")).contentType(MediaType.APPLICATION_JSON)
				.content(edit.replace("}", ",\"key\":" + !key + "}"))).andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM enterprise WHERE id = ? AND grid_code = ?", mine, grid)).isEqualTo(1);
		// an enterprise not theirs: not found
		long other = count("SELECT MIN(id) FROM enterprise WHERE id NOT IN (SELECT enterprise_id FROM enterprise_liaison"
				+ " WHERE account_id = ?)", liaison);
		mvc.perform(put("/api/v1/enterprises/" + other).with(as("liaison1")).contentType(MediaType.APPLICATION_JSON)
				.content(edit)).andExpect(status().isNotFound());
	}

	// ------------------------------------------------------------------ masking and reveal

	@Test
	void personalDataIsSealedMaskedAndTheRevealIsAudited() throws Exception {
		long id = register("community1", GRID1);
		mvc.perform(get("/api/v1/enterprises/" + id).with(as("community1")))
				.andExpect(jsonPath("$.legalRepresentative").value("欧**娜"))
				.andExpect(jsonPath("$.contactPhone").value("138****5678"));
		String sealed = jdbc.sql("SELECT legal_rep_sealed || ' ' || contact_phone_sealed FROM enterprise WHERE id = ?")
				.param(id).query(String.class).single();
		assertThat(sealed).doesNotContain("欧阳娜娜").doesNotContain("13812345678");
		String page = mvc.perform(get("/enterprises/" + id).with(as("community1"))).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("欧**娜", "138****5678").doesNotContain("欧阳娜娜", "13812345678");

		long before = audits("enterprise.reveal", id, "SUCCESS");
		mvc.perform(post("/api/v1/enterprises/" + id + "/reveal").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"contactPhone\",\"reason\":\"联系复工\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.value").value("13812345678"));
		assertThat(audits("enterprise.reveal", id, "SUCCESS")).isEqualTo(before + 1);
		String revealed = mvc.perform(post("/enterprises/" + id + "/reveal").with(as("community1"))
				.param("field", "legalRepresentative").param("reason", "核实法人")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(revealed).contains("欧阳娜娜");
		assertThat(audits("enterprise.reveal", id, "SUCCESS")).isEqualTo(before + 2);
		String detail = jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'enterprise.reveal' AND subject = ?"
				+ " ORDER BY id DESC LIMIT 1").param(String.valueOf(id)).query(String.class).single();
		assertThat(detail).contains("核实法人").doesNotContain("欧阳娜娜");

		// no reason, an unknown field: 400 and nothing recorded as revealed
		mvc.perform(post("/api/v1/enterprises/" + id + "/reveal").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"contactPhone\",\"reason\":\" \"}"))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/enterprises/" + id + "/reveal").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"creditCode\",\"reason\":\"看看\"}"))
				.andExpect(status().isBadRequest());
		assertThat(audits("enterprise.reveal", id, "SUCCESS")).isEqualTo(before + 2);
		// a leader reads masked values only: refused and recorded
		long denied = audits("enterprise.reveal", id, "DENIED");
		mvc.perform(post("/api/v1/enterprises/" + id + "/reveal").with(as("leader"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"contactPhone\",\"reason\":\"看看\"}"))
				.andExpect(status().isForbidden());
		assertThat(audits("enterprise.reveal", id, "DENIED")).isEqualTo(denied + 1);
		// another street's staff: not found
		mvc.perform(post("/api/v1/enterprises/" + id + "/reveal").with(as("grid2"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"contactPhone\",\"reason\":\"看看\"}"))
				.andExpect(status().isNotFound());
	}

	@Test
	void theFormShowsEachProblemBesideItsField() throws Exception {
		String page = mvc.perform(post("/enterprises").with(as("community1")).header("Accept-Language", "zh-CN")
				.param("creditCode", wrongCheck(newCode())).param("name", "表单测试有限公司").param("gridCode", GRID2)
				.param("contactPhone", "123")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("id=\"creditCode-error\"", "校验码", "id=\"contactPhone-error\"", "id=\"error-summary\"");
		// a valid form outside the scope: the grid's message
		String scope = mvc.perform(post("/enterprises").with(as("community1")).param("creditCode", newCode())
				.param("name", "表单测试二有限公司").param("gridCode", GRID2)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(scope).contains("id=\"gridCode-error\"");
		// a good one is saved and shown
		String location = mvc.perform(post("/enterprises").with(as("community1")).param("creditCode", newCode())
				.param("name", "表单测试三有限公司").param("gridCode", GRID1).param("industry", "F").param("size", "SMALL")
				.param("legalRepresentative", "李小明").param("key", "true")).andExpect(status().is3xxRedirection())
				.andReturn().getResponse().getRedirectedUrl();
		String detail = mvc.perform(get(location).with(as("community1"))).andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("表单测试三有限公司", "批发和零售业", "小型", "李*明");
	}

	// ------------------------------------------------------------------ import

	MockMultipartFile csv(String text) {
		return new MockMultipartFile("file", "enterprises.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

	String importCsv(String user, MockMultipartFile file) throws Exception {
		return mvc.perform(multipart("/api/v1/enterprises/import").file(file).with(as(user))
				.header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
	}

	@Test
	void anImportRegistersTheGoodRowsAndReportsEveryProblemPerRow() throws Exception {
		String good1 = newCode();
		String good2 = newCode().toLowerCase(java.util.Locale.ROOT);
		String text = "统一社会信用代码,企业名称,法定代表人,行业门类,规模,地址,网格编码,重点企业,联系电话\n"
				+ good1 + ",导入一号有限公司,王伟,C,小型,长江路2号," + GRID1 + ",是,13900001111\n"
				+ good2 + ",导入二号有限公司,李丽,批发和零售业,MICRO,," + GRID1 + ",否,\n"
				+ wrongCheck(newCode()) + ",校验错误公司,张三,C,,," + GRID1 + ",否,\n"
				+ newCode() + ",网格外公司,张三,C,,," + GRID2 + ",否,\n"
				+ newCode() + ",多处错误公司,张三,Z,巨型,,320819001001999,也许,12345\n"
				+ good1 + ",重复行公司,张三,C,,," + GRID1 + ",否,\n"
				+ ",,,,,,,,\n";
		long before = count("SELECT COUNT(*) FROM enterprise");
		String json = importCsv("street1", csv(text));
		assertThat((Integer) JsonPath.read(json, "$.processed")).isEqualTo(6);
		assertThat((Integer) JsonPath.read(json, "$.created")).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM enterprise")).isEqualTo(before + 2);
		List<Integer> rows = JsonPath.read(json, "$.problems[*].row");
		assertThat(rows).contains(4, 5, 6, 7).doesNotContain(2, 3);
		List<String> row6 = JsonPath.read(json, "$.problems[?(@.row == 6)].column");
		assertThat(row6).contains("行业门类", "规模", "网格编码", "重点企业", "联系电话");
		List<String> row6Values = JsonPath.read(json, "$.problems[?(@.row == 6)].value");
		assertThat(row6Values).doesNotContain("12345");
		List<String> row4 = JsonPath.read(json, "$.problems[?(@.row == 4)].message");
		assertThat(row4).singleElement().asString().contains("check character");
		List<String> row5 = JsonPath.read(json, "$.problems[?(@.row == 5)].message");
		assertThat(row5).singleElement().asString().contains("outside your jurisdiction");
		// the imported row is sealed and masked like a registered one, the industry by name found
		assertThat(jdbc.sql("SELECT legal_rep_masked || '/' || industry || '/' || size FROM enterprise WHERE credit_code = ?")
				.param(good2.toUpperCase(java.util.Locale.ROOT)).query(String.class).single()).isEqualTo("李*/F/MICRO");

		// the same file again: the good rows update, nothing new
		String again = importCsv("street1", csv(text));
		assertThat((Integer) JsonPath.read(again, "$.updated")).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM enterprise")).isEqualTo(before + 2);
	}

	@Test
	void anExcelWorkbookImportsLikeACsvFile() throws Exception {
		String code = newCode();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			var sheet = book.createSheet("企业");
			var head = sheet.createRow(0);
			String[] headers = { "credit_code", "name", "grid_code", "industry", "key", "contact_phone" };
			for (int i = 0; i < headers.length; i++) {
				head.createCell(i).setCellValue(headers[i]);
			}
			var row = sheet.createRow(1);
			String[] values = { code, "表格导入有限公司", GRID1, "I", "yes", "0512-66668888" };
			for (int i = 0; i < values.length; i++) {
				row.createCell(i).setCellValue(values[i]);
			}
			var bad = sheet.createRow(2);
			bad.createCell(0).setCellValue(wrongCheck(newCode()));
			bad.createCell(1).setCellValue("表格错误有限公司");
			bad.createCell(2).setCellValue(GRID1);
			book.write(out);
		}
		String json = importCsv("center", new MockMultipartFile("file", "e.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray()));
		assertThat((Integer) JsonPath.read(json, "$.created")).isEqualTo(1);
		List<Integer> rows = JsonPath.read(json, "$.problems[*].row");
		assertThat(rows).containsExactly(3);
		assertThat(count("SELECT COUNT(*) FROM enterprise WHERE credit_code = ? AND key_enterprise AND industry = 'I'",
				code)).isEqualTo(1);
	}

	@Test
	void aFileThatIsNoTableOrLacksColumnsIsRefusedAsAWhole() throws Exception {
		long before = count("SELECT COUNT(*) FROM enterprise");
		for (MockMultipartFile file : List.of(csv(""), csv("\n\n"),
				new MockMultipartFile("file", "x.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 1 }),
				new MockMultipartFile("file", "x.xlsx", "application/zip", new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }),
				csv("name,address\n公司,路\n"), csv("credit_code,name,grid_code\n"),
				csv("credit_code,name,grid_code\n\"unclosed," + GRID1 + "\n"))) {
			String json = importCsv("center", file);
			assertThat((Integer) JsonPath.read(json, "$.processed")).as(file.getOriginalFilename()).isZero();
			List<String> messages = JsonPath.read(json, "$.problems[*].message");
			assertThat(messages).as(new String(file.getBytes(), StandardCharsets.UTF_8)).hasSize(1);
		}
		// no file at all
		mvc.perform(multipart("/api/v1/enterprises/import").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.processed").value(0));
		// a leader may not import
		mvc.perform(multipart("/api/v1/enterprises/import").file(csv("credit_code,name,grid_code\n")).with(as("leader")))
				.andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM enterprise")).isEqualTo(before);
	}

	@Test
	void theImportPageShowsTheResultAndOffersTheProblemsAsAFile() throws Exception {
		String text = "credit_code,name,grid_code\n" + newCode() + ",页面导入有限公司," + GRID1 + "\n"
				+ wrongCheck(newCode()) + ",页面错误有限公司," + GRID1 + "\n";
		var response = mvc.perform(multipart("/enterprises/import").file(csv(text)).with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse();
		String page = response.getContentAsString();
		jakarta.servlet.http.Cookie session = response.getCookie("SESSION");
		assertThat(session).as("the session keeps the report").isNotNull();
		assertThat(page).contains("id=\"enterprise-import-result\"", "id=\"enterprise-import-problems\"", "新登记 1 家");
		String report = mvc.perform(get("/enterprises/import/problems.csv").cookie(session).with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(report).contains("行号", "3,统一社会信用代码");
		String template = mvc.perform(get("/enterprises/import/template.csv").with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String example = template.lines().skip(1).findFirst().orElseThrow().split(",")[0];
		assertThat(CreditCode.isValid(example)).as("the template's example code is valid").isTrue();
	}
}
