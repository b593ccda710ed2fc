package org.gridlink.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.GRID1;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.gridlink.platform.CurrentUsers;
import org.gridlink.residents.NewResident;
import org.gridlink.residents.Residents;
import org.gridlink.support.TestIds;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
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

/** The channels beyond inbox and SMS: the printed door-to-door list (PRINT). */
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

	private final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void reset() {
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

	// ---------------------------------------------------------------------------------------------------------------

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
		var details = users.loadUserByUsername(username);
		SecurityContextHolder.getContext().setAuthentication(
				new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
		return CurrentUsers.current();
	}
}
