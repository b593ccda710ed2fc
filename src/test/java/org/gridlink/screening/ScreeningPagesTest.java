package org.gridlink.screening;

import java.io.ByteArrayInputStream;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridlink.residents.Residents;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** Campaign pages, the phone page (360 px), the key-person list and the masked Excel export. */
@WebTest
class ScreeningPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient jdbc;

	Fixture.Household home;
	String fullIdNumber;

	@BeforeEach
	void household() {
		home = fixture.household("grid1", GRID1, 2);
		fullIdNumber = jdbc.sql("SELECT id_number_masked FROM resident WHERE id = ?").param(home.person(0))
				.query(String.class).single();
	}

	long runningCampaign() throws Exception {
		String location = mvc.perform(post("/screening").with(as("community1")).with(csrf())
				.param("name", "页面测试").param("jurisdictionCode", COMMUNITY1).param("from", "2026-11-01")
				.param("to", "2026-11-30").param("questions", "temperature", "symptoms", "travel", "contact", "note")
				.param("symptomList", "发热\n干咳").param("travelAreas", "某地"))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(post("/screening/" + id + "/start").with(as("community1")).with(csrf()))
				.andExpect(status().is3xxRedirection());
		fixture.awaitRunning(id);
		return id;
	}

	@Test
	void listAndFormForManagersOnly() throws Exception {
		mvc.perform(get("/screening").with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("新建排查")));
		mvc.perform(get("/screening").with(as("leader"))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"screening-new\""))));
		mvc.perform(get("/screening/new").with(as("leader"))).andExpect(status().isForbidden());
		mvc.perform(get("/screening/new?lang=en").with(as("street1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("New screening campaign")));
		mvc.perform(post("/screening").with(as("community1")).with(csrf()).param("name", "没有日期")
				.param("jurisdictionCode", COMMUNITY1)).andExpect(status().isOk())
				.andExpect(content().string(containsString("error-summary")))
				.andExpect(content().string(containsString("没有日期")));
	}

	@Test
	void anUnknownCodeOfTheAreaIsAFieldErrorAndTheFormIsKept() throws Exception {
		mvc.perform(post("/screening").with(as("community1")).with(csrf()).param("name", "未知编码排查")
				.param("jurisdictionCode", COMMUNITY1 + "999").param("from", "2026-11-01").param("to", "2026-11-03"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"jurisdictionCode-error\"")))
				.andExpect(content().string(containsString("没有编码为 " + COMMUNITY1 + "999")))
				.andExpect(content().string(containsString("value=\"未知编码排查\"")))
				.andExpect(content().string(containsString("value=\"2026-11-03\"")));
	}

	@Test
	void detailShowsLiveProgressWithDrillDown() throws Exception {
		long id = runningCampaign();
		mvc.perform(get("/screening/" + id).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("hx-trigger=\"every 5s\"")))
				.andExpect(content().string(containsString("/screening/" + id + "?jurisdiction=" + GRID1)))
				.andExpect(content().string(containsString("progress-bar")));
		mvc.perform(get("/screening/" + id + "/progress?jurisdiction=" + COMMUNITY1).with(as("community1"))
				.header("HX-Request", "true")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"screening-progress\"")))
				.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/screening/" + id + "?jurisdiction=" + GRID1).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"progress-top\"")));
		mvc.perform(get("/screening/" + id).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"screening-work\"")))
				.andExpect(content().string(not(containsString("id=\"progress-top\""))));
		mvc.perform(get("/screening/" + id).with(as("grid2"))).andExpect(status().isForbidden());
	}

	@Test
	void phonePageFor360PixelsWithOfflineQueue() throws Exception {
		long id = runningCampaign();
		mvc.perform(get("/screening/" + id + "/work").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("width=device-width, initial-scale=1")))
				.andExpect(content().string(containsString("/css/screening.css")))
				.andExpect(content().string(containsString("/js/screening.js")))
				.andExpect(content().string(containsString("data-household=\"" + home.id() + "\"")))
				.andExpect(content().string(containsString("全部正常")))
				.andExpect(content().string(containsString("id=\"queue-badge\"")))
				.andExpect(content().string(containsString("data-resident=\"" + home.person(0) + "\"")))
				.andExpect(content().string(containsString(fullIdNumber)))
				.andExpect(content().string(not(containsString("<script>"))));
		mvc.perform(get("/screening/" + id + "/work?grid=320819001001002").with(as("grid1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/js/screening.js")).andExpect(status().isOk())
				.andExpect(content().string(containsString("localStorage")));
	}

	@Test
	void aHouseholdWithANewPersonIsToDoAgainOnTheWorkPageAndFinishedOnesFold() throws Exception {
		long id = runningCampaign();
		String card = "id=\"household-" + home.id() + "\"";
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/records").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("[{\"clientId\":\"" + UUID.randomUUID() + "\",\"householdId\":" + home.id()
						+ ",\"outcome\":\"ALL_NORMAL\"}]"))
				.andExpect(jsonPath("$.accepted").value(1));
		String done = mvc.perform(get("/screening/" + id + "/work").with(as("grid1"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(cardOf(done, card)).contains("gl-household gl-done").contains("gl-badge-normal\">全部正常</span>")
				.contains("data-reopen").contains("id=\"error-" + home.id() + "\"");

		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/records").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("[{\"clientId\":\"" + UUID.randomUUID() + "\",\"householdId\":" + home.id()
						+ ",\"outcome\":\"NEW_PERSON\",\"newPerson\":{\"name\":\"新成员\",\"idNumber\":\""
						+ Fixture.idNumber() + "\"}}]"))
				.andExpect(jsonPath("$.accepted").value(1));
		String again = mvc.perform(get("/screening/" + id + "/work").with(as("grid1"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(cardOf(again, card)).doesNotContain("gl-done").contains("text-bg-light border\">待排查</span>")
				.contains("新成员").doesNotContain("gl-badge-normal\">全部正常</span>");
	}

	/** The household's card ({@code <li ...>} to its end) of the work page. */
	private static String cardOf(String page, String marker) {
		int at = page.indexOf(marker);
		assertThat(at).as("card " + marker).isPositive();
		int start = page.lastIndexOf("<li", at);
		return page.substring(start, page.indexOf("</li>", at));
	}

	@Test
	void keyPersonsPageAndMaskedExport() throws Exception {
		long id = runningCampaign();
		String idNumber = Fixture.idNumber();
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/records").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("[{\"clientId\":\"" + UUID.randomUUID() + "\",\"householdId\":" + home.id()
						+ ",\"outcome\":\"EXCEPTION\",\"persons\":[{\"residentId\":" + home.person(0)
						+ ",\"temperature\":38.5,\"symptoms\":[\"发热\"]}]},{\"clientId\":\"" + UUID.randomUUID()
						+ "\",\"householdId\":" + home.id() + ",\"outcome\":\"NEW_PERSON\",\"newPerson\":{\"name\":\"新人\","
						+ "\"idNumber\":\"" + idNumber + "\",\"phone\":\"13800138000\"}}]"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(2));
		mvc.perform(get("/screening/" + id + "/key-persons").with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString(fullIdNumber)))
				.andExpect(content().string(containsString("TEMPERATURE 38.5")));
		mvc.perform(post("/screening/" + id + "/key-persons/" + home.person(0) + "/owner").with(as("community1"))
				.with(csrf()).param("owner", "李医生")).andExpect(status().is3xxRedirection());

		byte[] xlsx = mvc.perform(get("/screening/" + id + "/export.xlsx").with(as("community1")))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", startsWith("application/vnd.openxmlformats")))
				.andReturn().getResponse().getContentAsByteArray();
		StringBuilder text = new StringBuilder();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(2);
			for (Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						text.append(cell.toString()).append('\t');
					}
					text.append('\n');
				}
			}
		}
		String all = text.toString();
		assertThat(all).contains(fullIdNumber).contains("李医生").contains("测试0");
		assertThat(all).doesNotContain(idNumber).doesNotContain("13800138000");
		assertThat(all).doesNotContainPattern("\\d{17}[\\dX]").as("no full ID number in the export");
	}
}
