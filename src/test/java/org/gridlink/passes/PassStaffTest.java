package org.gridlink.passes;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.apache.pdfbox.Loader;
import org.gridlink.passes.token.PassCodeText;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * The staff's side of passes: the scoped and filtered list (API and page), the issue form's checks, revoke with a
 * reason on the page, the printable PDF (read back: text and QR), and bulk issue from CSV and Excel lists.
 */
@WebTest
class PassStaffTest {

	static final String OTHER_COMMUNITY = "320819001002";
	static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
	static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	static String plate() {
		return "苏B" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
	}

	static String window(int fromHours, int toHours) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
		return "\"validFrom\":\"" + now.plusHours(fromHours) + "\",\"validTo\":\"" + now.plusHours(toHours) + "\"";
	}

	String vehicle(String user, String plate, String zone) throws Exception {
		String body = mvc.perform(post("/api/v1/passes").with(as(user)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"VEHICLE\",\"plate\":\"" + plate + "\",\"purpose\":\"送货\",\"zones\":[\"" + zone
						+ "\"]," + window(-1, 24) + "}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	ResultActions list(String user, String query) throws Exception {
		return mvc.perform(get("/api/v1/passes?" + query).with(as(user)));
	}

	@Test
	void theListIsScopedPerRoleAndFiltered() throws Exception {
		String plate = plate();
		String mine = vehicle("community1", plate, GRID1);
		String neighbours = vehicle("street1", plate, OTHER_COMMUNITY);
		String otherStreet = vehicle("center", plate, GRID2);
		String q = "q=" + plate;
		list("community1", q).andExpect(status().isOk()).andExpect(jsonPath("$.content.length()").value(1))
				.andExpect(jsonPath("$.content[0].id").value(mine)).andExpect(jsonPath("$.page.totalElements").value(1));
		list("street1", q).andExpect(jsonPath("$.content.length()").value(2))
				.andExpect(content().string(not(containsString(otherStreet))));
		list("center", q).andExpect(jsonPath("$.content.length()").value(3));
		list("center", q + "&zone=" + OTHER_COMMUNITY).andExpect(jsonPath("$.content.length()").value(1))
				.andExpect(jsonPath("$.content[0].id").value(neighbours));
		list("center", q + "&issuedBy=street1").andExpect(jsonPath("$.content[0].id").value(neighbours));
		list("center", q + "&type=PERSON").andExpect(jsonPath("$.content.length()").value(0));
		list("center", q + "&size=2&page=1").andExpect(jsonPath("$.content.length()").value(1));
		// a zone outside the caller's scope finds nothing rather than leaking
		list("community1", q + "&zone=" + GRID2).andExpect(jsonPath("$.content.length()").value(0));
		// the checkpoint, grid and police roles verify but do not list passes
		for (String user : List.of("grid1", "checkpoint1", "police1")) {
			list(user, q).andExpect(status().isForbidden());
		}
		list("center", "size=0").andExpect(status().isBadRequest());
		list("center", "zone=12x").andExpect(status().isBadRequest());
	}

	@Test
	void statusFilterSeparatesValidExpiredAndRevoked() throws Exception {
		String plate = plate();
		String valid = vehicle("community1", plate, GRID1);
		String revoked = vehicle("community1", plate, GRID1);
		mvc.perform(post("/api/v1/passes/" + revoked + "/revoke").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"车辆已出售\"}")).andExpect(status().isOk());
		list("community1", "q=" + plate + "&status=VALID").andExpect(jsonPath("$.content.length()").value(1))
				.andExpect(jsonPath("$.content[0].id").value(valid));
		list("community1", "q=" + plate + "&status=REVOKED").andExpect(jsonPath("$.content.length()").value(1))
				.andExpect(jsonPath("$.content[0].id").value(revoked))
				.andExpect(jsonPath("$.content[0].revokeReason").value("车辆已出售"));
		list("community1", "q=" + plate + "&status=EXPIRED").andExpect(jsonPath("$.content.length()").value(0));
	}

	@Test
	void theListPageShowsMaskedHoldersAndFilters() throws Exception {
		String plate = plate();
		String id = vehicle("community1", plate, GRID1);
		mvc.perform(get("/passes").param("q", plate).with(as("community1")).param("lang", "zh-CN"))
				.andExpect(status().isOk()).andExpect(content().string(containsString(id)))
				.andExpect(content().string(containsString("签发通行证")));
		mvc.perform(get("/passes").param("q", plate).with(as("street1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString(id)));
		mvc.perform(get("/passes").param("q", plate).param("zone", GRID2).with(as("center")))
				.andExpect(status().isOk()).andExpect(content().string(not(containsString(id))));
		mvc.perform(get("/passes").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/passes/new").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/passes/bulk").with(as("checkpoint1"))).andExpect(status().isForbidden());
		mvc.perform(get("/").with(as("community1"))).andExpect(content().string(containsString("href=\"/passes\"")));
	}

	ResultActions form(String user, String type, String holder, String plate, List<String> zones, String from,
			String to) throws Exception {
		var request = post("/passes/new").with(as(user)).with(csrf()).param("lang", "en").param("type", type)
				.param("holderName", holder).param("plate", plate).param("purpose", "装修")
				.param("validFrom", from).param("validTo", to);
		for (String zone : zones) {
			request.param("zones", zone);
		}
		return mvc.perform(request);
	}

	@Test
	void theIssueFormIssuesAndRefusesBadInput() throws Exception {
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
		String from = INPUT.format(now);
		String to = INPUT.format(now.plusDays(3));
		mvc.perform(get("/passes/new").with(as("community1")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("zone-" + GRID1)))
				.andExpect(content().string(not(containsString("zone-" + GRID2))));
		String location = form("community1", "PERSON", "欧阳娜娜", "", List.of(GRID1), from, to)
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/passes/");
		mvc.perform(get(location).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("欧**娜"))).andExpect(content().string(not(containsString("欧阳娜娜"))))
				.andExpect(content().string(containsString("<span>签发</span>")));

		form("community1", "VEHICLE", "", "苏A1234", List.of(GRID1), from, to).andExpect(status().isOk())
				.andExpect(content().string(containsString("plate-error")))
				.andExpect(content().string(containsString("Not a valid plate number")));
		form("community1", "VEHICLE", "", "苏AD12345", List.of(GRID1), from, to).andExpect(status().is3xxRedirection());
		form("community1", "VEHICLE", "", "苏O12345", List.of(GRID1), from, to).andExpect(status().isOk())
				.andExpect(content().string(containsString("plate-error")));
		form("community1", "VEHICLE", "", "苏AI2345", List.of(GRID1), from, to).andExpect(status().isOk())
				.andExpect(content().string(containsString("plate-error")));
		form("community1", "PERSON", "王五", "", List.of(GRID1), to, from).andExpect(status().isOk())
				.andExpect(content().string(containsString("validTo-error")));
		form("community1", "PERSON", "王五", "", List.of(GRID1), from, INPUT.format(now.plusDays(91)))
				.andExpect(status().isOk()).andExpect(content().string(containsString("at most 90 days")));
		form("community1", "PERSON", "王五", "", List.of(GRID2), from, to).andExpect(status().isOk())
				.andExpect(content().string(containsString("zones-error")))
				.andExpect(content().string(containsString("outside your jurisdiction")));
		form("community1", "PERSON", "王五", "", List.of(), from, to).andExpect(status().isOk())
				.andExpect(content().string(containsString("zones-error")));
		form("community1", "PERSON", "", "", List.of(GRID1), from, to).andExpect(status().isOk())
				.andExpect(content().string(containsString("holderName-error")));
		form("community1", "PERSON", "王五", "", List.of(GRID1), "tomorrow", to).andExpect(status().isOk())
				.andExpect(content().string(containsString("validFrom-error")));
		form("community1", "BOAT", "王五", "", List.of(GRID1), from, to).andExpect(status().isOk())
				.andExpect(content().string(containsString("type-error")));
		form("grid1", "PERSON", "王五", "", List.of(GRID1), from, to).andExpect(status().isForbidden());
	}

	@Test
	void revokingOnThePageNeedsAReasonAndStopsVerification() throws Exception {
		String body = mvc.perform(post("/api/v1/passes").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"PERSON\",\"holderName\":\"李小明\",\"purpose\":\"上班\",\"zones\":[\"" + GRID1 + "\"],"
						+ window(-1, 24) + "}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");
		String code = JsonPath.read(body, "$.code");
		String verify = "{\"code\":\"" + code + "\"}";
		mvc.perform(post("/api/v1/passes/verify").with(as("checkpoint1")).contentType(MediaType.APPLICATION_JSON)
				.content(verify)).andExpect(jsonPath("$.result").value("VALID"));
		mvc.perform(post("/passes/" + id + "/revoke").with(as("community1")).with(csrf()).param("reason", " ")
				.param("lang", "en")).andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("flashError", "Give a reason (at most 200 characters)."));
		mvc.perform(post("/passes/" + id + "/revoke").with(as("checkpoint1")).with(csrf()).param("reason", "丢失"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/passes/" + id + "/revoke").with(as("community1")).with(csrf()).param("reason", "证件丢失"))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flash"));
		mvc.perform(post("/api/v1/passes/verify").with(as("checkpoint1")).contentType(MediaType.APPLICATION_JSON)
				.content(verify)).andExpect(jsonPath("$.result").value("REVOKED"));
		mvc.perform(get("/passes/" + id).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("证件丢失"))).andExpect(content().string(containsString("<span>撤销</span>")))
				.andExpect(content().string(not(containsString("id=\"revoke-form\""))));
	}

	@Test
	void thePrintablePdfCarriesTheIdChineseTextAndAReadableQr() throws Exception {
		String body = mvc.perform(post("/api/v1/passes").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"PERSON\",\"holderName\":\"王小明\",\"purpose\":\"探亲访友\",\"zones\":[\"" + GRID1
						+ "\"]," + window(-1, 24) + "}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");
		String code = JsonPath.read(body, "$.code");
		byte[] pdf = mvc.perform(get("/api/v1/passes/" + id + "/pdf").with(as("community1")).param("lang", "zh-CN"))
				.andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
				.andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(id).contains("王*明").contains("探亲访友").contains("通行证").doesNotContain("王小明");
			assertThat(qrCodes(document)).containsExactly(code);
			// the code as text under the QR, grouped for reading aloud
			assertThat(text.replace("\n", " ")).contains(PassCodeText.of(code));
			assertThat(PassCodeText.of(code)).matches("GL1( [0-9A-Z]{1,5})+");
			// every font embedded (a subset), none left to the reader
			PDPage page = document.getPage(0);
			List<String> fonts = new java.util.ArrayList<>();
			for (COSName name : page.getResources().getFontNames()) {
				PDFont font = page.getResources().getFont(name);
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				PDFontDescriptor descriptor = font instanceof PDType0Font type0 ? type0.getDescendantFont().getFontDescriptor()
						: font.getFontDescriptor();
				assertThat(descriptor.getFontFile2() != null || descriptor.getFontFile3() != null).as(font.getName()).isTrue();
				fonts.add(font.getName());
			}
			assertThat(fonts).isNotEmpty().allMatch(f -> f.matches("[A-Z]{6}\\+.*"), "subset");
			assertThat(pdf.length).as("a subset, not the 5 MB font").isLessThan(300_000);
		}
		mvc.perform(get("/passes/" + id + "/pass.pdf").with(as("street1"))).andExpect(status().isOk());
		// the pass page: the code as text under the QR, the zone by name
		String grid = jdbc.sql("SELECT name FROM jurisdiction WHERE code = ?").param(GRID1).query(String.class).single();
		mvc.perform(get("/passes/" + id).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"pass-code-text\">" + PassCodeText.of(code) + "<")))
				.andExpect(content().string(containsString(grid)));
		mvc.perform(get("/api/v1/passes/" + id + "/pdf").with(as("grid1"))).andExpect(status().isForbidden());
		String other = vehicle("center", plate(), GRID2);
		mvc.perform(get("/api/v1/passes/" + other + "/pdf").with(as("community1"))).andExpect(status().isForbidden());
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
							// the image is the bare code with its quiet zone: without this hint the finder-pattern
							// search failed now and then on one code of a random batch
							java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText());
				}
			}
		}
		return codes;
	}

	static String csvList(String... rows) {
		return "\uFEFFtype,holder_name,plate,purpose,zones,valid_from,valid_to\r\n" + String.join("\r\n", rows) + "\r\n";
	}

	ResultActions bulk(String user, String name, byte[] content) throws Exception {
		return mvc.perform(multipart("/api/v1/passes/bulk").file(new MockMultipartFile("file", name, "text/csv", content))
				.with(as(user)).header("Accept-Language", "en"));
	}

	static String day(int days) {
		return WALL.format(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(days));
	}

	@Test
	void aGoodCsvListIssuesEveryPassAsOneBatchWithOnePdf() throws Exception {
		String plate = plate();
		String file = csvList("PERSON,张三,,上班," + GRID1 + ",,", "车辆,,\"" + plate + "\",送货,\"" + GRID1 + " " + COMMUNITY1
				+ "\"," + day(0) + "," + day(10), "人员,欧阳娜娜,,探亲," + GRID1 + "," + day(1).substring(0, 10) + ","
				+ day(5).substring(0, 10));
		String body = bulk("community1", "list.csv", file.getBytes(StandardCharsets.UTF_8))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.rows").value(3))
				.andExpect(jsonPath("$.issued.length()").value(3)).andExpect(jsonPath("$.issued[0].row").value(2))
				.andExpect(jsonPath("$.issued[0].holder").value("张*"))
				.andExpect(jsonPath("$.issued[1].holder").value(plate))
				.andExpect(jsonPath("$.errors.length()").value(0)).andReturn().getResponse().getContentAsString();
		String batch = JsonPath.read(body, "$.batchId");
		list("community1", "q=" + plate).andExpect(jsonPath("$.content[0].zones.length()").value(2));
		byte[] pdf = mvc.perform(get("/api/v1/passes/bulk/" + batch + "/passes.pdf").with(as("community1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(3);
			assertThat(qrCodes(document)).hasSize(3);
			assertThat(new PDFTextStripper().getText(document)).contains("欧**娜").contains(plate);
		}
		mvc.perform(get("/api/v1/passes/bulk/" + batch + "/passes.pdf").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/passes/bulk/" + java.util.UUID.randomUUID() + "/passes.pdf").with(as("center")))
				.andExpect(status().isNotFound());
	}

	@Test
	void aListWithBadRowsIssuesNothingAndReportsEveryRow() throws Exception {
		String plate = plate();
		String file = csvList("PERSON,赵六,,上班," + GRID1 + ",,", "VEHICLE,,苏A1,送货," + GRID1 + ",,",
				"PERSON,钱七,,上班," + GRID2 + ",,", "PERSON,孙八,,上班," + GRID1 + "," + day(2) + "," + day(1),
				"BOAT,,,上班," + GRID1 + ",,", "VEHICLE,,\"" + plate + "\",送货," + GRID1 + ",next week,");
		bulk("community1", "list.csv", file.getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.batchId").doesNotExist()).andExpect(jsonPath("$.rows").value(6))
				.andExpect(jsonPath("$.issued.length()").value(0))
				.andExpect(jsonPath("$.errors.length()").value(5))
				.andExpect(jsonPath("$.errors[0].row").value(3)).andExpect(jsonPath("$.errors[0].column").value("plate"))
				.andExpect(jsonPath("$.errors[1].row").value(4)).andExpect(jsonPath("$.errors[1].column").value("zones"))
				.andExpect(jsonPath("$.errors[2].row").value(5)).andExpect(jsonPath("$.errors[2].column").value("valid_to"))
				.andExpect(jsonPath("$.errors[3].row").value(6)).andExpect(jsonPath("$.errors[3].column").value("type"))
				.andExpect(jsonPath("$.errors[4].row").value(7))
				.andExpect(jsonPath("$.errors[4].column").value("valid_from"));
		// all or nothing: the good first row was not kept either
		list("community1", "q=赵*").andExpect(jsonPath("$.content.length()").value(0));
		list("community1", "q=" + plate).andExpect(jsonPath("$.content.length()").value(0));
	}

	@Test
	void notATableTooBigEmptyAndMissingColumnsAreRefusedAsAWhole() throws Exception {
		byte[] png = PassQr.png("GL1:TEST", 2);
		bulk("community1", "photo.csv", png).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].row").value(0))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("not a CSV table")));
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("hello.txt"));
			out.write("hello".getBytes(StandardCharsets.UTF_8));
		}
		bulk("community1", "fake.xlsx", zip.toByteArray()).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("not a CSV table")));
		byte[] big = new byte[2 * 1024 * 1024 + 1];
		java.util.Arrays.fill(big, (byte) 'a');
		bulk("community1", "big.csv", big).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("too big")));
		bulk("community1", "empty.csv", new byte[0]).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("no rows")));
		bulk("community1", "cols.csv", "name,phone\r\n张三,123\r\n".getBytes(StandardCharsets.UTF_8))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("Missing column type")));
		StringBuilder many = new StringBuilder(csvList());
		for (int i = 0; i < 1001; i++) {
			many.append("PERSON,张三,,上班,").append(GRID1).append(",,\r\n");
		}
		bulk("community1", "many.csv", many.toString().getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("Too many rows")));
		bulk("grid1", "list.csv", csvList("PERSON,张三,,上班," + GRID1 + ",,").getBytes(StandardCharsets.UTF_8))
				.andExpect(status().isForbidden());
	}

	@Test
	void anExcelListWithChineseHeadersAndDateCellsIssues() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String plate = plate();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet("名单");
			String[] header = { "类型", "持证人姓名", "车牌号", "事由", "通行区域", "生效时间", "失效时间" };
			XSSFRow head = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				head.createCell(i).setCellValue(header[i]);
			}
			XSSFRow row = sheet.createRow(1);
			row.createCell(0).setCellValue("车辆");
			row.createCell(2).setCellValue(plate);
			row.createCell(3).setCellValue("送货");
			row.createCell(4).setCellValue(GRID1);
			var dates = workbook.createCellStyle();
			dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
			var from = row.createCell(5);
			from.setCellValue(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(1));
			from.setCellStyle(dates);
			var to = row.createCell(6);
			to.setCellValue(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2));
			to.setCellStyle(dates);
			workbook.write(out);
		}
		bulk("community1", "名单.xlsx", out.toByteArray()).andExpect(status().isCreated())
				.andExpect(jsonPath("$.issued[0].holder").value(plate));
		list("community1", "q=" + plate).andExpect(jsonPath("$.content.length()").value(1));
	}

	@Test
	void theBulkPageReportsRowsAndItsResultCsvIsFormulaSafe() throws Exception {
		mvc.perform(get("/passes/bulk/template.csv").with(as("community1")).param("lang", "zh-CN"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("持证人姓名")))
				.andExpect(content().string(containsString(COMMUNITY1)));
		mvc.perform(get("/passes/bulk/template.csv").with(as("grid1"))).andExpect(status().isForbidden());
		String file = csvList("PERSON,=HYPERLINK(\"http://x\"),,上班," + GRID1 + ",,", "PERSON,@SUM(A1),,+1," + GRID1 + ",,",
				"VEHICLE,,-苏A,送货," + GRID1 + ",,");
		MvcResult failed = mvc.perform(multipart("/passes/bulk").file(new MockMultipartFile("file", "list.csv", "text/csv",
				file.getBytes(StandardCharsets.UTF_8))).with(as("community1")).with(csrf()).param("lang", "en"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"bulk-failed\"")))
				.andExpect(content().string(containsString("Not a valid plate number"))).andReturn();
		String csv = mvc.perform(get("/passes/bulk/result.csv").with(as("community1")).cookie(session(failed)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertFormulaSafe(csv);
		assertThat(csv.lines()).hasSize(2).anyMatch(line -> line.startsWith("4,") && line.contains("-苏A"));
		// an accepted list: the masked names of formula-looking holders are neutralised too
		String good = csvList("PERSON,=cmd|calc,,上班," + GRID1 + ",,");
		MvcResult done = mvc.perform(multipart("/passes/bulk").file(new MockMultipartFile("file", "list.csv", "text/csv",
				good.getBytes(StandardCharsets.UTF_8))).with(as("community1")).with(csrf()))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"bulk-done\""))).andReturn();
		String issued = mvc.perform(get("/passes/bulk/result.csv").with(as("community1")).cookie(session(done)))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertFormulaSafe(issued);
		assertThat(issued).contains("'=*******c");
		mvc.perform(multipart("/passes/bulk").with(as("community1")).with(csrf()).param("lang", "en"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("file-error")));
	}

	static void assertFormulaSafe(String csv) {
		for (String line : csv.replace("\uFEFF", "").split("\r\n")) {
			for (String cell : line.split(",")) {
				String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
				assertThat(bare).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
						.doesNotStartWith("@");
			}
		}
	}

	/** Sessions live in the database (Spring Session): a follow-up request carries the session cookie. */
	static jakarta.servlet.http.Cookie session(MvcResult result) {
		jakarta.servlet.http.Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).isNotNull();
		return cookie;
	}
}
