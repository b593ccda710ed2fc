package org.gridlink.enterprise.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.jayway.jsonpath.JsonPath;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridlink.enterprise.support.SupportFixtures.Made;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.PublicUrls;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.support.Demo;
import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Enterprise support over the real application: relief totals equal the ledger (per type, street, industry, and in the
 * workbook), a red finding makes exactly one fix task however often it is saved, the contact card's QR code opens the
 * right enterprise's appeal page, a liaison sees only their enterprises, and bad input on forms, the API and the
 * public questionnaire is refused naming the field.
 */
@WebTest
class EnterpriseSupportTest {

	static final String STREET3_GRID = "320819003001001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	ReliefLedger ledger;

	@Autowired
	PublicUrls urls;

	Made manufacturer; // key, industry C, GRID1 (street 001)

	Made shop; // industry F, GRID2 (street 002)

	Made liaisonsOwn; // industry C, street 003, assigned to liaison1

	@BeforeEach
	void enterprises() {
		clock.toDaytime();
		manufacturer = SupportFixtures.enterprise(jdbc, "测试精密制造有限公司", "C", Demo.GRID1, true);
		shop = SupportFixtures.enterprise(jdbc, "测试百货商行", "F", Demo.GRID2, false);
		liaisonsOwn = SupportFixtures.enterprise(jdbc, "测试机械配件厂", "C", STREET3_GRID, true);
		SupportFixtures.assign(jdbc, liaisonsOwn.id(), "liaison1");
	}

	@AfterEach
	void reset() {
		clock.reset();
	}

	static CurrentUser center() {
		return new CurrentUser(0, "center", "陈敏", Set.of(Role.CENTER), Scope.of(Set.of(Demo.DISTRICT)), 1L);
	}

	ResultActions relief(String user, long enterprise, String json) throws Exception {
		return mvc.perform(post("/api/v1/enterprises/" + enterprise + "/relief").with(as(user))
				.header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static String grant(String type, long fen, String extra) {
		return "{\"type\":\"%s\",\"amountFen\":%d,\"grantedOn\":\"%s\"%s}".formatted(type, fen,
				LocalDate.now().minusDays(3), extra);
	}

	// ---- relief

	@Test
	void reliefTotalsEqualTheLedgerPerTypeStreetAndIndustry() throws Exception {
		ReliefTotals before = ledger.totals(center(), ReliefFilter.none());
		String loan = ",\"bank\":\"江苏银行\",\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-12-31\"";
		relief("center", manufacturer.id(), grant("LOAN_EXTENSION", 500_000_000L, loan)).andExpect(status().isCreated())
				.andExpect(jsonPath("$.amountFen").value(500_000_000L));
		relief("center", manufacturer.id(), grant("TAX_FEE_RELIEF", 1_234_567L, "")).andExpect(status().isCreated());
		relief("street1", manufacturer.id(), grant("EMPLOYMENT_SUBSIDY", 300_000L, "")).andExpect(status().isCreated());
		relief("center", shop.id(), grant("RENT_RELIEF", 4_500_000L, ",\"landlord\":\"街道集体资产公司\",\"months\":3"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.months").value(3));
		relief("center", shop.id(), grant("TAX_FEE_RELIEF", 65_433L, "")).andExpect(status().isCreated());
		ReliefTotals after = ledger.totals(center(), ReliefFilter.none());

		assertThat(delta(before.byType(), after.byType())).isEqualTo(Map.of("LOAN_EXTENSION", 500_000_000L,
				"TAX_FEE_RELIEF", 1_300_000L, "EMPLOYMENT_SUBSIDY", 300_000L, "RENT_RELIEF", 4_500_000L));
		assertThat(delta(before.byStreet(), after.byStreet())).isEqualTo(Map.of("320819001000", 501_534_567L,
				"320819002000", 4_565_433L));
		assertThat(delta(before.byIndustry(), after.byIndustry())).isEqualTo(Map.of("C", 501_534_567L, "F", 4_565_433L));
		assertThat(after.fen() - before.fen()).isEqualTo(506_100_000L);
		assertThat(after.count() - before.count()).isEqualTo(5);

		// every way of summing adds up to the ledger itself
		List<Relief> all = ledger.ledger(center(), ReliefFilter.none(), ReliefLedger.EXPORT_LIMIT);
		assertThat(all).hasSize((int) after.count());
		Map<String, Long> byType = new HashMap<>();
		Map<String, Long> byStreet = new HashMap<>();
		Map<String, Long> byIndustry = new HashMap<>();
		for (Relief r : all) {
			byType.merge(r.type().name(), r.amountFen(), Long::sum);
			byStreet.merge(r.streetCode(), r.amountFen(), Long::sum);
			byIndustry.merge(r.industry() == null ? "-" : r.industry(), r.amountFen(), Long::sum);
		}
		assertThat(sums(after.byType())).isEqualTo(byType);
		assertThat(sums(after.byStreet())).isEqualTo(byStreet);
		assertThat(sums(after.byIndustry())).isEqualTo(byIndustry);
		assertThat(all.stream().mapToLong(Relief::amountFen).sum()).isEqualTo(after.fen());

		// the enterprise's page and API: CNY with separators, the totals of its own ledger
		mvc.perform(get("/enterprises/" + manufacturer.id() + "/relief").with(as("center")).param("lang", "en"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("¥5,015,345.67")))
				.andExpect(content().string(containsString("Loan extension")));
		mvc.perform(get("/api/v1/enterprises/" + shop.id() + "/relief").with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.relief.length()").value(2))
				.andExpect(jsonPath("$.totals.fen").value(4_565_433L));
		// a filter narrows the totals: street 002, industry F, tax relief
		mvc.perform(get("/api/v1/relief/totals").with(as("center")).param("street", "320819002000")
				.param("industry", "F").param("type", "RENT_RELIEF")).andExpect(status().isOk())
				.andExpect(jsonPath("$.byStreet.length()").value(1));

		// the workbook: the ledger sheet has every line, the totals sheet the same total
		byte[] xlsx = mvc.perform(get("/relief.xlsx").with(as("center"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet lines = book.getSheetAt(0);
			assertThat(lines.getLastRowNum()).isEqualTo(all.size());
			double sum = 0;
			for (int r = 1; r <= lines.getLastRowNum(); r++) {
				sum += lines.getRow(r).getCell(5).getNumericCellValue();
			}
			assertThat(Math.round(sum * 100)).isEqualTo(after.fen());
			Sheet totals = book.getSheetAt(1);
			Row last = totals.getRow(totals.getLastRowNum());
			assertThat(Math.round(last.getCell(3).getNumericCellValue() * 100)).isEqualTo(after.fen());
		}
		// every record is audited
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'enterprise.relief.record' AND subject = ?")
				.param(String.valueOf(shop.id())).query(Long.class).single()).isEqualTo(2);
	}

	static Map<String, Long> sums(List<ReliefTotals.Line> lines) {
		Map<String, Long> m = new HashMap<>();
		lines.forEach(l -> m.put(l.key(), l.fen()));
		return m;
	}

	static Map<String, Long> delta(List<ReliefTotals.Line> before, List<ReliefTotals.Line> after) {
		Map<String, Long> m = new HashMap<>(sums(after));
		sums(before).forEach((k, v) -> m.merge(k, -v, Long::sum));
		m.values().removeIf(v -> v == 0);
		return m;
	}

	@Test
	void badReliefIsRefusedNamingTheField() throws Exception {
		long id = manufacturer.id();
		String loan = ",\"bank\":\"江苏银行\",\"endsOn\":\"2026-12-31\"";
		Map<String, String> bad = new java.util.LinkedHashMap<>();
		bad.put("type", "{\"amountFen\":100,\"grantedOn\":\"2026-01-05\"}");
		bad.put("type ", "{\"type\":\"GIFT\",\"amountFen\":100,\"grantedOn\":\"2026-01-05\"}");
		bad.put("amountFen", grant("TAX_FEE_RELIEF", 0, ""));
		bad.put("amountFen ", "{\"type\":\"TAX_FEE_RELIEF\",\"grantedOn\":\"2026-01-05\"}");
		bad.put("grantedOn", "{\"type\":\"TAX_FEE_RELIEF\",\"amountFen\":100,\"grantedOn\":\"05/01/2026\"}");
		bad.put("grantedOn ", "{\"type\":\"TAX_FEE_RELIEF\",\"amountFen\":100,\"grantedOn\":\"2099-01-05\"}");
		bad.put("bank", grant("NEW_CREDIT", 100, ",\"endsOn\":\"2026-12-31\""));
		bad.put("endsOn", grant("NEW_CREDIT", 100, ",\"bank\":\"中国银行\""));
		bad.put("endsOn ", grant("LOAN_EXTENSION", 100, loan.replace("2026-12-31", "2020-01-01")
				+ ",\"startsOn\":\"2021-01-01\""));
		bad.put("landlord", grant("RENT_RELIEF", 100, ",\"months\":2"));
		bad.put("months", grant("RENT_RELIEF", 100, ",\"landlord\":\"某公司\",\"months\":0"));
		bad.put("caseId", grant("TAX_FEE_RELIEF", 100, ",\"caseId\":999999999"));
		bad.put("note", grant("TAX_FEE_RELIEF", 100, ",\"note\":\"" + "长".repeat(501) + "\""));
		long before = count("SELECT COUNT(*) FROM enterprise_relief WHERE enterprise_id = " + id);
		for (var e : bad.entrySet()) {
			relief("center", id, e.getValue()).andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.message", containsString(e.getKey().strip())));
		}
		assertThat(count("SELECT COUNT(*) FROM enterprise_relief WHERE enterprise_id = " + id)).isEqualTo(before);
		// the page form keeps what was typed and names the field
		mvc.perform(post("/enterprises/" + id + "/relief").with(as("center")).param("lang", "en")
				.param("type", "TAX_FEE_RELIEF").param("amount", "12,3x").param("grantedOn", "2026-01-05"))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"amount-error\"")))
				.andExpect(content().string(containsString("value=\"12,3x\"")));
		mvc.perform(post("/enterprises/" + id + "/relief").with(as("center")).param("type", "RENT_RELIEF")
				.param("amount", "1,000.50").param("grantedOn", "2026-01-05").param("landlord", "某公司")
				.param("months", "abc")).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"months-error\"")));
		mvc.perform(post("/enterprises/" + id + "/relief").with(as("center")).param("type", "RENT_RELIEF")
				.param("amount", "1,000.50").param("grantedOn", "2026-01-05").param("landlord", "某公司")
				.param("months", "2")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT amount_fen FROM enterprise_relief WHERE enterprise_id = ? ORDER BY id DESC LIMIT 1")
				.param(id).query(Long.class).single()).isEqualTo(100_050L);
		// relief that answered an appeal of this enterprise keeps the case's number; another case is no such appeal
		long otherCase = count("SELECT MIN(id) FROM case_file");
		relief("center", id, grant("TAX_FEE_RELIEF", 100, ",\"caseId\":" + otherCase))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("caseId")));
		String filed = mvc.perform(post("/api/v1/enterprises/" + id + "/appeals").with(as("center"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"S0702\",\"description\":\"申请减免房租\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long caseId = ((Number) com.jayway.jsonpath.JsonPath.read(filed, "$.caseId")).longValue();
		String number = jdbc.sql("SELECT number FROM case_file WHERE id = ?").param(caseId).query(String.class).single();
		relief("center", id, grant("TAX_FEE_RELIEF", 100, ",\"caseId\":" + caseId)).andExpect(status().isCreated())
				.andExpect(jsonPath("$.caseNumber").value(number));
		// bad filters
		mvc.perform(get("/relief").with(as("center")).param("street", "12345")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/relief/totals").with(as("center")).param("industry", "Z"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("industry")));
		mvc.perform(get("/api/v1/relief/totals").with(as("center")).param("from", "2026-05-01").param("to", "2026-01-01"))
				.andExpect(status().isBadRequest());
		// who may record: the leader reads, does not record
		relief("leader", id, grant("TAX_FEE_RELIEF", 100, "")).andExpect(status().isForbidden());
	}

	// ---- scope

	@Test
	void aLiaisonSeesOnlyTheirEnterprisesReliefAndCheckups() throws Exception {
		relief("center", manufacturer.id(), grant("TAX_FEE_RELIEF", 10_000L, "")).andExpect(status().isCreated());
		relief("liaison1", liaisonsOwn.id(), grant("INTEREST_RELIEF", 20_000L, "")).andExpect(status().isCreated());
		relief("liaison1", manufacturer.id(), grant("INTEREST_RELIEF", 20_000L, "")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/enterprises/" + manufacturer.id() + "/relief").with(as("liaison1")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/enterprises/" + manufacturer.id() + "/relief").with(as("liaison1")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/enterprises/" + manufacturer.id() + "/team").with(as("liaison1")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/enterprises/" + liaisonsOwn.id() + "/relief").with(as("liaison1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.relief.length()").value(1));
		schedule("center", manufacturer.id());
		schedule("liaison1", liaisonsOwn.id());
		Set<Long> assigned = new HashSet<>(jdbc.sql("SELECT e.enterprise_id FROM enterprise_liaison e JOIN app_user u ON "
				+ "u.id = e.account_id WHERE u.username = 'liaison1'").query(Long.class).list());
		// the check-ups list and API: only assigned enterprises
		String body = mvc.perform(get("/api/v1/legal-checkups").param("size", "500").with(as("liaison1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<Number> ids = JsonPath.read(body, "$.content[*].enterpriseId");
		assertThat(ids).isNotEmpty();
		assertThat(ids).allMatch(i -> assigned.contains(i.longValue()));
		assertThat(ids.stream().map(Number::longValue)).contains(liaisonsOwn.id()).doesNotContain(manufacturer.id());
		mvc.perform(get("/legal-checkups").with(as("liaison1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("测试机械配件厂")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("测试精密制造有限公司"))));
		// the totals and the workbook: only assigned enterprises
		byte[] xlsx = mvc.perform(get("/relief.xlsx").with(as("liaison1"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet lines = book.getSheetAt(0);
			List<String> names = new ArrayList<>();
			for (int r = 1; r <= lines.getLastRowNum(); r++) {
				names.add(lines.getRow(r).getCell(0).getStringCellValue());
			}
			assertThat(names).contains("测试机械配件厂").doesNotContain("测试精密制造有限公司", "测试百货商行");
		}
		mvc.perform(get("/relief").with(as("liaison1"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("测试精密制造有限公司"))));
		// place roles by grid: grid1 sees GRID1's enterprise, not GRID2's
		mvc.perform(get("/api/v1/enterprises/" + manufacturer.id() + "/relief").with(as("grid1")))
				.andExpect(status().isOk());
		mvc.perform(get("/api/v1/enterprises/" + shop.id() + "/relief").with(as("grid1")))
				.andExpect(status().isNotFound());
		String grid = mvc.perform(get("/api/v1/legal-checkups").param("size", "500").with(as("grid1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<String> grids = JsonPath.read(grid, "$.content[*].gridCode");
		assertThat(grids).allMatch(g -> g.startsWith(Demo.GRID1));
		// someone without enterprises (a checkpoint guard): nothing
		mvc.perform(get("/api/v1/legal-checkups").with(as("checkpoint1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content.length()").value(0));
	}

	// ---- check-ups

	long schedule(String user, long enterprise) throws Exception {
		String body = mvc.perform(post("/api/v1/enterprises/" + enterprise + "/checkups").with(as(user))
				.contentType(MediaType.APPLICATION_JSON).content("{\"scheduledOn\":\"" + LocalDate.now(clock) + "\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		lastLink = JsonPath.read(body, "$.link");
		return ((Number) JsonPath.read(body, "$.checkup.id")).longValue();
	}

	String lastLink;

	long finding(long checkup, String risk) throws Exception {
		String body = mvc.perform(post("/api/v1/legal-checkups/" + checkup + "/findings").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"area\":\"LABOUR\",\"description\":\"部分员工未签劳动合同\",\"risk\":\"" + risk + "\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	void resave(long checkup, long finding, String risk) throws Exception {
		mvc.perform(put("/api/v1/legal-checkups/" + checkup + "/findings/" + finding).with(as("center"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"area\":\"LABOUR\",\"description\":\"部分员工未签劳动合同（复核）\",\"risk\":\"" + risk + "\"}"))
				.andExpect(status().isOk());
	}

	List<String> tasks(long finding) {
		return jdbc.sql("SELECT status || ' ' || CAST(due_on AS VARCHAR(10)) FROM legal_checkup_fix_task WHERE "
				+ "finding_id = ?").param(finding).query(String.class).list();
	}

	@Test
	void aRedFindingMakesExactlyOneFixTask() throws Exception {
		long checkup = schedule("center", manufacturer.id());
		LocalDate today = LocalDate.now(clock);
		long red = finding(checkup, "RED");
		assertThat(tasks(red)).containsExactly("OPEN " + today.plusDays(15));
		resave(checkup, red, "RED");
		resave(checkup, red, "RED");
		assertThat(tasks(red)).containsExactly("OPEN " + today.plusDays(15));
		// the page form saves it again too
		mvc.perform(post("/legal-checkups/" + checkup + "/findings/" + red).with(as("center")).param("area", "SAFETY")
				.param("description", "消防通道堆放杂物").param("risk", "RED")).andExpect(status().is3xxRedirection());
		resave(checkup, red, "ORANGE");
		assertThat(tasks(red)).containsExactly("OPEN " + today.plusDays(15));
		resave(checkup, red, "YELLOW");
		assertThat(tasks(red)).containsExactly("WITHDRAWN " + today.plusDays(15));
		resave(checkup, red, "RED");
		assertThat(tasks(red)).containsExactly("OPEN " + today.plusDays(15));
		long orange = finding(checkup, "ORANGE");
		assertThat(tasks(orange)).containsExactly("OPEN " + today.plusDays(30));
		long yellow = finding(checkup, "YELLOW");
		assertThat(tasks(yellow)).isEmpty();
		mvc.perform(get("/api/v1/legal-checkups").param("size", "500").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content[?(@.id == " + checkup + ")].findingsByRisk.RED").value(1))
				.andExpect(jsonPath("$.content[?(@.id == " + checkup + ")].findingsByRisk.ORANGE").value(1))
				.andExpect(jsonPath("$.content[?(@.id == " + checkup + ")].openTasks").value(2))
				.andExpect(jsonPath("$.content[?(@.id == " + checkup + ")].status").value("DIAGNOSED"));
		// the revisit closes the red one, re-opens nothing else; a second revisit re-opens it
		mvc.perform(post("/legal-checkups/" + checkup + "/revisit").with(as("center")).param("fixed", String.valueOf(red)))
				.andExpect(status().is3xxRedirection());
		assertThat(tasks(red)).containsExactly("DONE " + today.plusDays(15));
		assertThat(tasks(orange)).containsExactly("OPEN " + today.plusDays(30));
		mvc.perform(post("/api/v1/legal-checkups/" + checkup + "/revisit").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"fixed\":[]}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("REVISITED"));
		assertThat(tasks(red)).containsExactly("OPEN " + today.plusDays(15));
		assertThat(count("SELECT COUNT(*) FROM legal_checkup_fix_task t JOIN legal_checkup_finding f ON f.id = "
				+ "t.finding_id WHERE f.checkup_id = " + checkup)).isEqualTo(2);
		// the report: a PDF in the embedded font naming the enterprise
		byte[] pdf = mvc.perform(get("/legal-checkups/" + checkup + "/report.pdf").with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(doc)).contains("测试精密制造有限公司").contains("部分员工未签劳动合同（复核）");
			assertEmbeddedFonts(doc);
		}
		// bad findings: named fields; a revisit naming another check-up's finding
		for (String[] bad : new String[][] { { "{\"description\":\"x\",\"risk\":\"RED\"}", "area" },
				{ "{\"area\":\"LABOUR\",\"risk\":\"RED\"}", "description" },
				{ "{\"area\":\"LABOUR\",\"description\":\"x\",\"risk\":\"PURPLE\"}", "risk" } }) {
			mvc.perform(post("/api/v1/legal-checkups/" + checkup + "/findings").with(as("center"))
					.header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(bad[0]))
					.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString(bad[1])));
		}
		mvc.perform(post("/legal-checkups/" + checkup + "/findings").with(as("center")).param("area", "LABOUR")
				.param("risk", "RED")).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"description-error\"")));
		mvc.perform(post("/api/v1/legal-checkups/" + checkup + "/revisit").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"fixed\":[1]}")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/legal-checkups").param("size", "0").with(as("center"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/legal-checkups").param("status", "LOST").with(as("center")))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/enterprises/" + manufacturer.id() + "/checkups").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"scheduledOn\":\"soon\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("scheduledOn")));
		mvc.perform(post("/enterprises/" + manufacturer.id() + "/checkups").with(as("center")).param("scheduledOn", ""))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"scheduledOn-error\"")));
	}

	@Test
	void theEnterpriseAnswersThePublicQuestionnaireOnceValid() throws Exception {
		long checkup = schedule("liaison1", liaisonsOwn.id());
		String path = lastLink.substring(lastLink.indexOf("/legal-checkup/"));
		assertThat(path).matches("/legal-checkup/[A-Za-z0-9_-]{43}");
		mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("测试机械配件厂")));
		Map<String, String> answers = new HashMap<>();
		CheckupQuestions.ALL.forEach(q -> answers.put("q_" + q.code(), "YES"));
		// a question left out, an answer not offered, a note too long: 400 naming the question
		var missing = post(path).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
		answers.forEach((k, v) -> {
			if (!k.equals("q_SAFETY_FIRE")) {
				missing.param(k, v);
			}
		});
		mvc.perform(missing.param("lang", "en")).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("q_SAFETY_FIRE")));
		var wrong = post(path).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
		answers.forEach((k, v) -> wrong.param(k, k.equals("q_IP_TRADEMARK") ? "MAYBE" : v));
		mvc.perform(wrong.param("lang", "en")).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("q_IP_TRADEMARK")));
		var tooLong = post(path).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
		answers.forEach(tooLong::param);
		mvc.perform(tooLong.param("n_TAX_INVOICES", "长".repeat(501)).param("lang", "en"))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("n_TAX_INVOICES")));
		assertThat(count("SELECT COUNT(*) FROM legal_checkup_answer WHERE checkup_id = " + checkup)).isZero();
		// all answered
		var ok = post(path).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
		answers.forEach((k, v) -> ok.param(k, k.equals("q_LABOUR_CONTRACTS") ? "no" : v));
		mvc.perform(ok.param("n_LABOUR_CONTRACTS", "三名临时工未签")).andExpect(status().is3xxRedirection());
		assertThat(count("SELECT COUNT(*) FROM legal_checkup_answer WHERE checkup_id = " + checkup))
				.isEqualTo(CheckupQuestions.ALL.size());
		assertThat(jdbc.sql("SELECT status FROM legal_checkup WHERE id = ?").param(checkup).query(String.class).single())
				.isEqualTo("SELF_CHECKED");
		mvc.perform(get("/legal-checkups/" + checkup).with(as("liaison1")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("三名临时工未签")));
		// unknown and guessed links: 400; a link of the CSRF-less kind is refused as any form
		mvc.perform(get("/legal-checkup/" + "A".repeat(43))).andExpect(status().isBadRequest());
		mvc.perform(get("/legal-checkup/" + checkup)).andExpect(status().isBadRequest());
		// a new link replaces the old one
		MvcResult renewed = mvc.perform(post("/legal-checkups/" + checkup + "/link").with(as("liaison1")))
				.andExpect(status().is3xxRedirection()).andReturn();
		String link = (String) renewed.getFlashMap().get("link");
		assertThat(link).isNotNull().isNotEqualTo(lastLink);
		mvc.perform(get(path)).andExpect(status().isBadRequest());
		String newPath = link.substring(link.indexOf("/legal-checkup/"));
		mvc.perform(get(newPath)).andExpect(status().isOk());
		// once the team has diagnosed, the questionnaire is closed
		finding(checkup, "ORANGE");
		var late = post(newPath).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
		answers.forEach(late::param);
		mvc.perform(late).andExpect(status().isConflict());
	}

	// ---- advisory team and contact card

	@Test
	void theContactCardsQrOpensTheRightEnterprisesAppealPage() throws Exception {
		mvc.perform(post("/enterprises/" + manufacturer.id() + "/team").with(as("center")).param("policeName", "王警官")
				.param("policeOrganisation", "区公安分局").param("policePhone", "0523-86001234")
				.param("judgeName", "李法官").param("judgePhone", "0523-86002345").param("procuratorName", "赵检察官")
				.param("procuratorPhone", "0523-86003456").param("lawyerName", "孙律师")
				.param("lawyerPhone", "13800001111")).andExpect(status().is3xxRedirection());
		Made other = liaisonsOwn;
		mvc.perform(put("/api/v1/enterprises/" + other.id() + "/team").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("[{\"seat\":\"LAWYER\",\"name\":\"周律师\",\"workPhone\":\"0523-86009999\"}]"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/enterprises/" + manufacturer.id() + "/team").with(as("center")).param("lang", "en"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("王警官")))
				.andExpect(content().string(containsString("Procurator")));
		byte[] pdf = mvc.perform(get("/enterprises/" + manufacturer.id() + "/team/card.pdf").with(as("community1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			List<String> codes = qrCodes(doc);
			assertThat(codes).containsExactly(urls.absolute("/enterprise-appeal/" + manufacturer.creditCode()));
			assertThat(codes.get(0)).doesNotContain(other.creditCode()).endsWith(manufacturer.creditCode());
			assertThat(new PDFTextStripper().getText(doc)).contains("王警官").contains("0523-86001234")
					.contains("测试精密制造有限公司");
			assertEmbeddedFonts(doc);
		}
		byte[] otherPdf = mvc.perform(get("/enterprises/" + other.id() + "/team/card.pdf").with(as("liaison1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(otherPdf)) {
			assertThat(qrCodes(doc)).containsExactly(urls.absolute("/enterprise-appeal/" + other.creditCode()));
		}
		// bad team input: named fields; not a key enterprise; not the center or street
		mvc.perform(post("/enterprises/" + manufacturer.id() + "/team").with(as("center")).param("judgeName", "李法官")
				.param("judgePhone", "call me")).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"judgePhone-error\"")));
		mvc.perform(put("/api/v1/enterprises/" + manufacturer.id() + "/team").with(as("center"))
				.header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
				.content("[{\"seat\":\"COOK\",\"name\":\"x\",\"workPhone\":\"12345\"}]"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("seat")));
		mvc.perform(put("/api/v1/enterprises/" + shop.id() + "/team").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("[{\"seat\":\"LAWYER\",\"name\":\"x\",\"workPhone\":\"12345\"}]"))
				.andExpect(status().isBadRequest());
		mvc.perform(put("/api/v1/enterprises/" + manufacturer.id() + "/team").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("[{\"seat\":\"LAWYER\",\"name\":\"x\",\"workPhone\":\"12345\"}]"))
				.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT name FROM enterprise_advisor WHERE enterprise_id = ? AND seat = 'JUDGE'")
				.param(manufacturer.id()).query(String.class).single()).isEqualTo("李法官");
	}

	static List<String> qrCodes(PDDocument document) throws Exception {
		List<String> codes = new ArrayList<>();
		for (PDPage page : document.getPages()) {
			for (COSName name : page.getResources().getXObjectNames()) {
				if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
					BufferedImage picture = image.getImage();
					int[] pixels = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0,
							picture.getWidth());
					codes.add(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
							new RGBLuminanceSource(picture.getWidth(), picture.getHeight(), pixels))),
							Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText());
				}
			}
		}
		return codes;
	}

	static void assertEmbeddedFonts(PDDocument doc) throws Exception {
		int fonts = 0;
		for (PDPage page : doc.getPages()) {
			for (COSName name : page.getResources().getFontNames()) {
				PDFont font = page.getResources().getFont(name);
				PDFontDescriptor descriptor = font instanceof PDType0Font type0
						? type0.getDescendantFont().getFontDescriptor() : font.getFontDescriptor();
				assertThat(descriptor.getFontFile2() != null || descriptor.getFontFile3() != null).as(font.getName())
						.isTrue();
				fonts++;
			}
		}
		assertThat(fonts).isPositive();
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
