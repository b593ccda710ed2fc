package org.gridlink.mobilization;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;

import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Posted cadres on duty through the API and the pages: the community's code of the day is its own staff's; a posted
 * cadre arrives and leaves with today's code of their community (yesterday's, another community's, empty or garbage
 * refused with the reason); the presence list is scoped per role; tasks are given and marked done; a cadre who has
 * not come for three days is reminded once per day; the unit board and its Excel.
 */
@WebTest
class CadreDutyTest {

	/** Another community of street 1, where cadre1 is not posted. */
	static final String COMMUNITY2 = "320819001002";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PresenceCodes codes;

	@Autowired
	DutyReminders reminders;

	@Autowired
	Clock clock;

	long cadre;

	@BeforeEach
	void noPresenceOfCadre1Today() {
		cadre = jdbc.sql("SELECT id FROM staff WHERE username = 'cadre1'").query(Long.class).single();
		clearCadre1();
	}

	@AfterEach
	void reset() {
		((TestClock) clock).reset();
		clearCadre1();
	}

	void clearCadre1() {
		jdbc.sql("DELETE FROM cadre_presence WHERE staff_id = ? AND duty_day >= ?").params(cadre,
				LocalDate.now(clock).minusDays(1)).update();
		jdbc.sql("DELETE FROM cadre_task WHERE staff_id = ? AND assigned_by = 'community1' AND details = 'test'")
				.param(cadre).update();
	}

	ResultActions scan(String user, String code) throws Exception {
		return mvc.perform(post("/api/v1/presence").with(as(user)).contentType(MediaType.APPLICATION_JSON)
				.content(code));
	}

	String todaysCode() throws Exception {
		String body = mvc.perform(get("/api/v1/communities/{c}/presence-code", COMMUNITY1).with(as("community1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.community").value(COMMUNITY1))
				.andExpect(jsonPath("$.code", matchesPattern("[A-Z2-9]{6}")))
				.andExpect(jsonPath("$.link", containsString("/duty/scan?code=")))
				.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.code");
	}

	@Test
	void todaysCodeIsTheCommunityStaffsOwn() throws Exception {
		String code = todaysCode();
		assertThat(code).isEqualTo(codes.codeFor(COMMUNITY1, LocalDate.now(clock)))
				.isNotEqualTo(codes.codeFor(COMMUNITY1, LocalDate.now(clock).minusDays(1)))
				.isNotEqualTo(codes.codeFor(COMMUNITY2, LocalDate.now(clock)));
		for (String user : List.of("street1", "cadre1", "grid1", "center")) {
			mvc.perform(get("/api/v1/communities/{c}/presence-code", COMMUNITY1).with(as(user)))
					.andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/v1/communities/{c}/presence-code", COMMUNITY2).with(as("community1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/communities/{c}/presence-code", "garbage").with(as("community1")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/communities/{c}/presence-code", GRID1).with(as("community1")))
				.andExpect(status().isNotFound());
	}

	@Test
	void aPostedCadreArrivesThenLeavesWithTodaysCode() throws Exception {
		String code = todaysCode();
		scan("cadre1", "{\"code\":\"" + code.toLowerCase() + "\"}").andExpect(status().isCreated())
				.andExpect(jsonPath("$.community").value(COMMUNITY1))
				.andExpect(jsonPath("$.date").value(LocalDate.now(clock).toString()))
				.andExpect(jsonPath("$.arrivedAt").isNotEmpty()).andExpect(jsonPath("$.leftAt").doesNotExist());
		scan("cadre1", "{\"code\":\"https://gridlink.example/duty/scan?code=" + code + "\"}")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.community").value(COMMUNITY1))
				.andExpect(jsonPath("$.arrivedAt").isNotEmpty()).andExpect(jsonPath("$.leftAt").isNotEmpty());
		scan("cadre1", "{\"code\":\"" + code + "\"}").andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cadre_presence WHERE staff_id = ? AND duty_day = ?")
				.params(cadre, LocalDate.now(clock)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void yesterdaysOrAnotherCommunitysCodeIsRefusedWithTheReason() throws Exception {
		LocalDate today = LocalDate.now(clock);
		scan("cadre1", "{\"code\":\"" + codes.codeFor(COMMUNITY1, today.minusDays(1)) + "\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message", containsString(today.minusDays(1).toString())));
		scan("cadre1", "{\"code\":\"" + codes.codeFor(COMMUNITY2, today) + "\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message", anyOf(containsString("not posted"), containsString("未挂包"))));
		// a day later, today's code is yesterday's
		String code = codes.codeFor(COMMUNITY1, today);
		((TestClock) clock).advance(Duration.ofDays(1));
		scan("cadre1", "{\"code\":\"" + code + "\"}").andExpect(status().isBadRequest());
		((TestClock) clock).reset();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cadre_presence WHERE staff_id = ? AND duty_day >= ?")
				.params(cadre, today).query(Long.class).single()).isZero();
	}

	@Test
	void badInputIsRefused() throws Exception {
		for (String body : List.of("{\"code\":\"\"}", "{\"code\":\"   \"}", "{}", "{\"code\":null}",
				"{\"code\":\"ABC\"}", "{\"code\":\"%%%%%%\"}", "{\"code\":\"0O1IL0\"}", "{\"code\":\"ZZZZZZZZZZZZ\"}",
				"{\"code\":\"" + "A".repeat(5000) + "\"}")) {
			scan("cadre1", body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").isNotEmpty());
		}
		scan("cadre1", "not json").andExpect(status().isBadRequest());
		// a well-formed code that is no community's today
		scan("cadre1", "{\"code\":\"ZZZZZZ\"}").andExpect(status().isBadRequest());
		// only posted cadres scan
		scan("community1", "{\"code\":\"" + todaysCode() + "\"}").andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/presence").param("date", "yesterday").with(as("community1")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/presence").param("jurisdiction", "12ab").with(as("community1")))
				.andExpect(status().isBadRequest());
	}

	@Test
	void thePresenceListIsScopedPerRole() throws Exception {
		scan("cadre1", "{\"code\":\"" + todaysCode() + "\"}").andExpect(status().isCreated());
		String own = mvc.perform(get("/api/v1/presence").param("size", "500").with(as("community1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> communities = JsonPath.read(own, "$.content[*].community");
		assertThat(communities).isNotEmpty().allMatch(COMMUNITY1::equals);
		assertThat(JsonPath.<List<Integer>>read(own, "$.content[*].staffId")).contains((int) cadre);

		String street = mvc.perform(get("/api/v1/presence").param("size", "500").with(as("street1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> streetCommunities = JsonPath.read(street, "$.content[*].community");
		assertThat(streetCommunities).allMatch(c -> c.startsWith("320819001")).contains(COMMUNITY1)
				.anyMatch(c -> !c.equals(COMMUNITY1));
		mvc.perform(get("/api/v1/presence").param("jurisdiction", COMMUNITY2).with(as("street1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.content[*].community", everyItem(is(COMMUNITY2))));

		mvc.perform(get("/api/v1/presence").with(as("cadre1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(1))
				.andExpect(jsonPath("$.content[0].staffId").value((int) cadre))
				.andExpect(jsonPath("$.content[0].cadre").isNotEmpty())
				.andExpect(jsonPath("$.content[0].unit").isNotEmpty());

		mvc.perform(get("/api/v1/presence").param("jurisdiction", COMMUNITY2).with(as("community1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/presence").param("jurisdiction", "320819002000").with(as("street1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/presence").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/communities/{c}/cadre-board", COMMUNITY2).with(as("community1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/communities/{c}/cadre-board", COMMUNITY1).with(as("street1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.posted", hasSize(greaterThan(0))))
				.andExpect(jsonPath("$.present", greaterThan(0)));
	}

	@Test
	void theCommunityConfirmsPresenceOnItsListAudited() throws Exception {
		mvc.perform(post("/api/v1/communities/{c}/presence", COMMUNITY1).with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"staffId\":" + cadre + "}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.confirmedBy").value("community1"));
		mvc.perform(post("/api/v1/communities/{c}/presence", COMMUNITY1).with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"staffId\":" + cadre + "}"))
				.andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CADRE_PRESENCE_CONFIRM' AND subject = ?")
				.param(String.valueOf(cadre)).query(Long.class).single()).isPositive();
		mvc.perform(post("/api/v1/communities/{c}/presence", COMMUNITY2).with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"staffId\":" + cadre + "}"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/communities/{c}/presence", COMMUNITY1).with(as("street1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"staffId\":" + cadre + "}"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/communities/{c}/presence", COMMUNITY1).with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"staffId\":1}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/communities/{c}/presence", COMMUNITY1).with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
	}

	/** A small real JPEG with an EXIF segment carrying GPS text right after SOI. */
	static byte[] jpegWithGps() throws Exception {
		var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var plain = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "jpg", plain);
		byte[] jpeg = plain.toByteArray();
		byte[] exif = "Exif\0\0GPSLatitude=33.6123N GPSLongitude=119.1234E"
				.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		var out = new java.io.ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write((exif.length + 2) >> 8);
		out.write((exif.length + 2) & 0xFF);
		out.write(exif);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	@Test
	void aDoneTaskMayCarryAPhotoCheckedAndStrippedShownToTheCommunity() throws Exception {
		String body = mvc.perform(post("/api/v1/communities/{c}/cadre-tasks", COMMUNITY1).with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"staffId\":" + cadre
						+ ",\"kind\":\"VISITS\",\"date\":\"" + LocalDate.now(clock) + "\",\"details\":\"test\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		int id = JsonPath.read(body, "$.id");
		// not an image, too large: refused, the task stays open
		mvc.perform(multipart("/api/v1/cadre-tasks/{id}/done", id).file(new org.springframework.mock.web
				.MockMultipartFile("file", "photo.jpg", "image/jpeg", "not an image".getBytes())).param("note", "走访完成")
				.with(as("cadre1"))).andExpect(status().isBadRequest());
		byte[] huge = new byte[org.gridlink.cases.PhotoCheck.MAX_BYTES + 1];
		huge[0] = (byte) 0xFF;
		huge[1] = (byte) 0xD8;
		huge[2] = (byte) 0xFF;
		mvc.perform(multipart("/api/v1/cadre-tasks/{id}/done", id).file(new org.springframework.mock.web
				.MockMultipartFile("file", "big.jpg", "image/jpeg", huge)).param("note", "走访完成").with(as("cadre1")))
				.andExpect(status().isBadRequest());
		// the page shows the refusal and keeps the task open
		mvc.perform(multipart("/duty/tasks/{id}/done", id).file(new org.springframework.mock.web
				.MockMultipartFile("photo", "x.png", "image/png", "<svg/>".getBytes())).param("note", "走访完成")
				.with(as("cadre1"))).andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("problem"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cadre_task WHERE id = ? AND done_at IS NULL").param(id)
				.query(Long.class).single()).isEqualTo(1);
		// a JPEG with GPS in its EXIF: accepted, stored without the metadata
		mvc.perform(multipart("/api/v1/cadre-tasks/{id}/done", id).file(new org.springframework.mock.web
				.MockMultipartFile("file", "visit.jpg", "image/jpeg", jpegWithGps())).param("note", "走访完成")
				.with(as("cadre1"))).andExpect(status().isOk()).andExpect(jsonPath("$.photo").value(true))
				.andExpect(jsonPath("$.doneNote").value("走访完成"));
		byte[] stored = jdbc.sql("SELECT data FROM cadre_task_photo WHERE task_id = ?").param(id)
				.query((rs, i) -> rs.getBytes(1)).single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude");
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored))).isNotNull();
		mvc.perform(get("/api/v1/cadre-tasks/{id}/photo", id).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().contentType("image/jpeg")).andExpect(content().bytes(stored));
		mvc.perform(get("/duty/tasks/{id}/photo", id).with(as("cadre1"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/cadre-tasks/{id}/photo", id).with(as("grid1"))).andExpect(status().isNotFound());
		mvc.perform(get("/communities/{c}/duty", COMMUNITY1).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("/duty/tasks/" + id + "/photo")));
	}

	@Test
	void theCommunityGivesTasksAndTheCadreMarksThemDone() throws Exception {
		String today = LocalDate.now(clock).toString();
		String body = mvc.perform(post("/api/v1/communities/{c}/cadre-tasks", COMMUNITY1).with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"staffId\":" + cadre
						+ ",\"kind\":\"GATE_DUTY\",\"date\":\"" + today + "\",\"details\":\"test\"}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("GATE_DUTY"))
				.andReturn().getResponse().getContentAsString();
		int id = JsonPath.read(body, "$.id");
		mvc.perform(get("/api/v1/cadre-tasks").with(as("cadre1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].id", hasItem(id)));
		mvc.perform(post("/api/v1/cadre-tasks/{id}/done", id).with(as("cadre1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"  \"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/cadre-tasks/{id}/done", id).with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"done\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/cadre-tasks/{id}/done", id).with(as("cadre1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"值守完成\"}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.doneNote").value("值守完成")).andExpect(jsonPath("$.doneAt").isNotEmpty());
		mvc.perform(post("/api/v1/cadre-tasks/{id}/done", id).with(as("cadre1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"again\"}")).andExpect(status().isConflict());

		for (String bad : List.of("{\"staffId\":" + cadre + ",\"kind\":\"NAP\",\"date\":\"" + today + "\"}",
				"{\"staffId\":" + cadre + ",\"kind\":\"VISITS\",\"date\":\"2020-01-01\"}",
				"{\"staffId\":" + cadre + ",\"kind\":\"VISITS\",\"date\":\"tomorrow\"}",
				"{\"kind\":\"VISITS\"}", "{\"staffId\":1,\"kind\":\"VISITS\"}",
				"{\"staffId\":" + cadre + ",\"kind\":\"VISITS\",\"details\":\"" + "x".repeat(501) + "\"}")) {
			mvc.perform(post("/api/v1/communities/{c}/cadre-tasks", COMMUNITY1).with(as("community1"))
					.contentType(MediaType.APPLICATION_JSON).content(bad)).andExpect(status().isBadRequest());
		}
		mvc.perform(post("/api/v1/communities/{c}/cadre-tasks", COMMUNITY1).with(as("street1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"staffId\":" + cadre + ",\"kind\":\"VISITS\"}"))
				.andExpect(status().isForbidden());
	}

	@Test
	void aCadreWhoHasNotComeForThreeDaysIsRemindedOncePerDay() throws Exception {
		String key = "cadre-remind:" + cadre + ":";
		((TestClock) clock).advance(Duration.ofDays(40));
		LocalDate day = LocalDate.now(clock);
		assertThat(reminders.remind()).isPositive();
		assertThat(reminders.remind()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_message_key WHERE idem_key = ?").param(key + day)
				.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cadre_reminder WHERE staff_id = ? AND duty_day = ?")
				.params(cadre, day).query(Long.class).single()).isEqualTo(1);
		// the next day, again once
		((TestClock) clock).advance(Duration.ofDays(1));
		assertThat(reminders.remind()).isPositive();
		assertThat(reminders.remind()).isZero();
		// a cadre who came within the last three days is not reminded
		((TestClock) clock).advance(Duration.ofDays(1));
		LocalDate later = LocalDate.now(clock);
		jdbc.sql("INSERT INTO cadre_presence (staff_id, cadre_name, community_code, duty_day, arrived_at)"
				+ " VALUES (?, 'x', ?, ?, CURRENT_TIMESTAMP)").params(cadre, COMMUNITY1, later.minusDays(2)).update();
		try {
			assertThat(reminders.remind()).isZero();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM cadre_reminder WHERE staff_id = ? AND duty_day = ?")
					.params(cadre, later).query(Long.class).single()).isZero();
		}
		finally {
			jdbc.sql("DELETE FROM cadre_presence WHERE staff_id = ? AND duty_day = ?").params(cadre, later.minusDays(2))
					.update();
		}
	}

	@Test
	void theUnitBoardIsTheUnitsOwnAndExportsToExcel() throws Exception {
		LocalDate today = LocalDate.now(clock);
		mvc.perform(get("/api/v1/units/2/cadre-board").param("from", today.minusDays(6).toString())
				.param("to", today.toString()).with(as("dept1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.rows", hasSize(greaterThan(0))))
				.andExpect(jsonPath("$.rows[0].daysPresent", greaterThanOrEqualTo(0)));
		mvc.perform(get("/api/v1/units/3/cadre-board").with(as("dept1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/units/3/cadre-board").with(as("community1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/units/3/cadre-board").with(as("center"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/units/2/cadre-board").param("from", today.toString())
				.param("to", today.minusDays(1).toString()).with(as("dept1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/units/2/cadre-board").param("from", "x").with(as("dept1")))
				.andExpect(status().isBadRequest());
		byte[] xlsx = mvc.perform(get("/duty/units/2/export.xlsx").with(as("dept1"))).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", containsString("spreadsheetml")))
				.andReturn().getResponse().getContentAsByteArray();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThan(2);
		}
	}

	@Test
	void thePagesWork() throws Exception {
		String code = todaysCode();
		mvc.perform(get("/duty").with(as("cadre1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("/duty/scan")));
		mvc.perform(get("/duty/scan").param("code", code).with(as("cadre1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString(code)));
		mvc.perform(post("/duty/scan").param("code", "garbage!").with(as("cadre1"))).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("code-error")));
		mvc.perform(post("/duty/scan").param("code", code).with(as("cadre1")))
				.andExpect(status().is3xxRedirection());
		mvc.perform(get("/communities/{c}/duty", COMMUNITY1).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString(code))).andExpect(content().string(containsString("<svg")));
		mvc.perform(get("/communities/{c}/duty/print", COMMUNITY1).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString(code)));
		mvc.perform(get("/communities/{c}/duty", COMMUNITY1).with(as("street1"))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString(code))));
		mvc.perform(get("/communities/{c}/duty/print", COMMUNITY1).with(as("street1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/duty/presence").with(as("street1"))).andExpect(status().isOk());
		mvc.perform(get("/duty/units").with(as("dept1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("unit-export")));
		mvc.perform(get("/duty/units").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/duty").with(as("community1"))).andExpect(status().isForbidden());
	}

	@Test
	void cadre1sHomeAndMenuOpen() throws Exception {
		String home = mvc.perform(get("/").with(as("cadre1"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(home).contains("/duty/scan");
		Matcher links = Pattern.compile("href=\"(/[^\"]*)\"").matcher(home);
		while (links.find()) {
			String href = links.group(1).replace("&amp;", "&");
			if (href.startsWith("/logout") || href.startsWith("/css") || href.startsWith("/js")
					|| href.startsWith("/img") || href.startsWith("/webjars") || href.startsWith("/manifest")) {
				continue;
			}
			int status = mvc.perform(get(href).with(as("cadre1"))).andReturn().getResponse().getStatus();
			assertThat(status).as(href).isNotEqualTo(403).isLessThan(500);
		}
	}
}
