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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.residents.NewResident;
import org.gridlink.residents.Residents;
import org.gridlink.screening.NewCampaign;
import org.gridlink.screening.Questionnaire;
import org.gridlink.screening.Screening;
import org.gridlink.support.SignIn;
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
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.json.JsonMapper;

/**
 * Audiences by where residents live: compounds and buildings (ids of the jurisdiction module's compounds and
 * buildings, matched to the households at them), and the households of a screening campaign's key persons; each inside
 * the writer's scope (403 outside), counted before sending, and reached exactly (nobody else of the grid).
 */
@WebTest
class NoticeAudienceTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	OutboxBuilder builder;
	@Autowired
	OutboxSender sender;
	@Autowired
	SmsGatewaySimulator simulator;
	@Autowired
	Residents residents;
	@Autowired
	Screening screening;
	@Autowired
	PersonalDataCipher cipher;
	@Autowired
	UserDetailsService users;

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	org.gridlink.support.TestClock clock;

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
	void aCompoundOrABuildingReachesItsResidentsOnly() throws Exception {
		Map<String, Object> building = jdbc.sql("SELECT b.id, b.name AS building, c.id AS compound_id, c.name AS compound"
				+ " FROM building b JOIN compound c ON c.id = b.compound_id WHERE b.grid_code = ? ORDER BY b.id LIMIT 1")
				.param(GRID1).query().singleRow();
		long compoundId = ((Number) building.get("compound_id")).longValue();
		long buildingId = ((Number) building.get("id")).longValue();
		String compound = (String) building.get("compound");
		String inBuilding = registerResident(GRID1, compound, (String) building.get("building"));
		String otherBuilding = registerResident(GRID1, compound, "不存在楼");
		String elsewhere = registerResident(GRID1, "", "");

		long byCompound = id(create("community1", notice(List.of(), List.of(compoundId), List.of(), null))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("APPROVED")));
		mvc.perform(get("/api/v1/notices/" + byCompound).with(as("community1")))
				.andExpect(jsonPath("$.jurisdictions[0]").value(GRID1)).andExpect(jsonPath("$.places").isEmpty())
				.andExpect(jsonPath("$.compounds[0]").value(compoundId));
		// the notice's page names the compound chosen
		mvc.perform(get("/notices/" + byCompound).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString(compound)));
		long compoundRecipients = recipients(byCompound);
		long byBuilding = id(create("community1", notice(List.of(), List.of(), List.of(buildingId), null))
				.andExpect(status().isCreated()));
		long buildingRecipients = recipients(byBuilding);
		assertThat(buildingRecipients).isPositive().isLessThan(compoundRecipients);
		// the count shown before sending is what the outbox holds
		assertThat(preview("community1", notice(List.of(), List.of(compoundId), List.of(), null)))
				.isEqualTo(compoundRecipients);

		sendAndDrain(byCompound);
		assertThat(smsRows(byCompound)).isEqualTo(compoundRecipients);
		assertThat(received(inBuilding, byCompound)).isTrue();
		assertThat(received(otherBuilding, byCompound)).isTrue();
		assertThat(received(elsewhere, byCompound)).isFalse();

		sendAndDrain(byBuilding);
		assertThat(smsRows(byBuilding)).isEqualTo(buildingRecipients);
		assertThat(received(inBuilding, byBuilding)).isTrue();
		assertThat(received(otherBuilding, byBuilding)).isFalse();
		assertThat(received(elsewhere, byBuilding)).isFalse();

		// a place and a compound inside it: each resident once
		long both = id(create("community1", notice(List.of(GRID1), List.of(compoundId), List.of(), null))
				.andExpect(status().isCreated()));
		assertThat(recipients(both)).isEqualTo(preview("community1", notice(List.of(GRID1), List.of(), List.of(), null)));
	}

	@Test
	void compoundsBuildingsAndCampaignsOutsideTheWritersScopeAreRefused() throws Exception {
		long otherCompound = jdbc.sql("SELECT id FROM compound WHERE grid_code = ? ORDER BY id LIMIT 1").param(GRID2)
				.query(Long.class).single();
		long otherBuilding = jdbc.sql("SELECT id FROM building WHERE grid_code = ? ORDER BY id LIMIT 1").param(GRID2)
				.query(Long.class).single();
		long myCompound = jdbc.sql("SELECT id FROM compound WHERE grid_code = ? ORDER BY id LIMIT 1").param(GRID1)
				.query(Long.class).single();
		create("community1", notice(List.of(), List.of(otherCompound), List.of(), null)).andExpect(status().isForbidden());
		create("community1", notice(List.of(), List.of(myCompound, otherCompound), List.of(), null))
				.andExpect(status().isForbidden());
		create("community1", notice(List.of(), List.of(), List.of(otherBuilding), null)).andExpect(status().isForbidden());
		mvc.perform(post("/notices/count").with(as("community1")).param("title", "通知").param("body", "正文")
				.param("jurisdictions", "").param("compounds", String.valueOf(otherCompound)).param("channels", "SMS"))
				.andExpect(status().isForbidden());

		long campaign = campaign("center", "320819002001"); // the community of grid2, another street
		create("community1", notice(List.of(), List.of(), List.of(), campaign)).andExpect(status().isForbidden());
	}

	@Test
	void badAudiencesAreRefusedWithAMessage() throws Exception {
		long myCompound = jdbc.sql("SELECT id FROM compound WHERE grid_code = ? ORDER BY id LIMIT 1").param(GRID1)
				.query(Long.class).single();
		create("community1", notice(List.of(), List.of(999_999_999L), List.of(), null)).andExpect(status().isBadRequest())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("999999999")));
		create("community1", notice(List.of(), List.of(-1L), List.of(), null)).andExpect(status().isBadRequest());
		create("community1", notice(List.of(), List.of(), List.of(999_999_999L), null)).andExpect(status().isBadRequest());
		create("community1", notice(List.of(), List.of(), List.of(), 999_999_999L)).andExpect(status().isNotFound());
		Map<String, Object> quarantine = notice(List.of(), List.of(myCompound), List.of(), null);
		audience(quarantine).put("quarantine", true);
		create("community1", quarantine).andExpect(status().isBadRequest());
		Map<String, Object> inbox = notice(List.of(), List.of(myCompound), List.of(), null);
		inbox.put("channels", List.of("SMS", "INBOX"));
		create("community1", inbox).andExpect(status().isBadRequest());
		Map<String, Object> nothing = notice(List.of(), List.of(), List.of(), null);
		create("community1", nothing).andExpect(status().isBadRequest());
		long empty = campaign("community1");
		create("community1", notice(List.of(), List.of(), List.of(), empty)).andExpect(status().isBadRequest());
		List<Long> many = new java.util.ArrayList<>();
		for (long i = 1; i <= 201; i++) {
			many.add(i);
		}
		create("community1", notice(List.of(), many, List.of(), null)).andExpect(status().isBadRequest());
	}

	@Test
	void theKeyPersonsOfACampaignAreReachedInTheirHouseholds() throws Exception {
		String keyPhone = registerResident(GRID1, "", "");
		String sameHousehold = residentInHouseholdOf(keyPhone);
		String notKey = registerResident(GRID1, "", "");
		long campaign = campaign("community1");
		long resident = residentId(keyPhone);
		long household = householdOf(keyPhone);
		jdbc.sql("INSERT INTO screening_key_person (campaign_id, district_code, resident_id, household_id, grid_code, name,"
				+ " id_number_masked, reasons, found_at) VALUES (?, '320819', ?, ?, ?, '测试', '3208**********0000', '发热', ?)")
				.params(campaign, resident, household, GRID1, OffsetDateTime.now()).update();

		Map<String, Object> body = notice(List.of(), List.of(), List.of(), campaign);
		assertThat(preview("community1", body)).isEqualTo(2);
		long id = id(create("community1", body).andExpect(status().isCreated())
				.andExpect(jsonPath("$.recipients").value(2)));
		mvc.perform(get("/api/v1/notices/" + id).with(as("community1")))
				.andExpect(jsonPath("$.screeningCampaign").value(campaign));
		sendAndDrain(id);
		assertThat(received(keyPhone, id)).isTrue();
		assertThat(received(sameHousehold, id)).isTrue();
		assertThat(received(notKey, id)).isFalse();
		// grid1 (a grid worker) may not write notices at all; a street writer sees the key persons of its communities
		create("grid1", body).andExpect(status().isForbidden());
	}

	@Test
	void theFormOffersCompoundsBuildingsAndCampaignsByName() throws Exception {
		campaign("community1");
		String compound = jdbc.sql("SELECT name FROM compound WHERE grid_code = ? ORDER BY grid_code, name, id LIMIT 1")
				.param(GRID1).query(String.class).single();
		mvc.perform(get("/notices/new").with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString(compound)))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"buildings\"")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("名单测试")));
	}

	// ---------------------------------------------------------------------------------------------------------------

	private long campaign(String user) {
		return campaign(user, COMMUNITY1);
	}

	private long campaign(String user, String place) {
		CurrentUser writer = signIn(user);
		long id = screening.create(writer, new NewCampaign("名单测试", place, LocalDate.now(), LocalDate.now().plusDays(3),
				Questionnaire.standard())).id();
		SecurityContextHolder.clearContext();
		return id;
	}

	private ResultActions create(String user, Map<String, Object> body) throws Exception {
		return mvc.perform(post("/api/v1/notices").with(as(user)).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(body)));
	}

	private long preview(String user, Map<String, Object> body) throws Exception {
		CurrentUser writer = signIn(user);
		try {
			NewNotice notice = json.readValue(json.writeValueAsString(body), NewNotice.class);
			return notices().preview(writer, notice).total();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Autowired
	Notices notices;

	private Notices notices() {
		return notices;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> audience(Map<String, Object> notice) {
		return (Map<String, Object>) notice.get("audience");
	}

	private static Map<String, Object> notice(List<String> places, List<Long> compounds, List<Long> buildings,
			Long campaign) {
		Map<String, Object> audience = new HashMap<>();
		audience.put("jurisdictions", places);
		audience.put("compounds", compounds);
		audience.put("buildings", buildings);
		audience.put("screeningCampaign", campaign);
		audience.put("tags", List.of());
		audience.put("quarantine", false);
		Map<String, Object> notice = new HashMap<>();
		notice.put("title", "楼栋通知");
		notice.put("body", "{name}您好，本楼明日停水。");
		notice.put("audience", audience);
		notice.put("channels", List.of("SMS"));
		notice.put("urgent", false);
		return notice;
	}

	private static long id(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	private long recipients(long id) throws Exception {
		return ((Number) JsonPath.read(mvc.perform(get("/api/v1/notices/" + id).with(as("community1")))
				.andReturn().getResponse().getContentAsString(), "$.recipients")).longValue();
	}

	private void sendAndDrain(long id) throws Exception {
		mvc.perform(post("/api/v1/notices/" + id + "/send").with(as("community1"))).andExpect(status().isOk());
		builder.queue().await(id, 60);
		sender.drain(1000);
	}

	private long smsRows(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM notice_outbox WHERE notice_id = ? AND channel = 'SMS'").param(id)
				.query(Long.class).single();
	}

	/** True when the simulator got a message to {@code phone} from notice {@code id}'s outbox. */
	private boolean received(String phone, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM notice_outbox WHERE notice_id = ? AND phone_hash = ? AND state IN"
				+ " ('SENT', 'DELIVERED')").params(id, cipher.lookupHash(phone)).query(Long.class).single() == 1
				&& simulator.received().stream().anyMatch(r -> r.phone().equals(phone));
	}

	private long residentId(String phone) {
		return jdbc.sql("SELECT id FROM resident WHERE phone_hash = ?").param(cipher.lookupHash(phone)).query(Long.class)
				.single();
	}

	private long householdOf(String phone) {
		return jdbc.sql("SELECT household_id FROM resident WHERE phone_hash = ?").param(cipher.lookupHash(phone))
				.query(Long.class).single();
	}

	/** A second resident at the address of the resident with {@code phone}. */
	private String residentInHouseholdOf(String phone) {
		Map<String, Object> h = jdbc.sql("SELECT h.compound, h.building, h.entrance, h.room, h.address FROM household h"
				+ " JOIN resident r ON r.household_id = h.id WHERE r.phone_hash = ?").param(cipher.lookupHash(phone))
				.query().singleRow();
		String number = randomPhone();
		residents.register(signIn("center"), new NewResident("测试乙", TestIds.next(), number, GRID1,
				(String) h.get("compound"), (String) h.get("building"), (String) h.get("entrance"), (String) h.get("room"),
				(String) h.get("address"), Set.of()));
		SecurityContextHolder.clearContext();
		assertThat(householdOf(number)).isEqualTo(householdOf(phone));
		return number;
	}

	private static String randomPhone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	private String registerResident(String grid, String compound, String building) {
		String number = randomPhone();
		String room = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
		residents.register(signIn("center"), new NewResident("测试甲", TestIds.next(), number, grid, compound, building,
				compound.isEmpty() ? "" : "1单元", compound.isEmpty() ? "" : room,
				compound.isEmpty() ? "测试地址" + room : "", Set.of()));
		SecurityContextHolder.clearContext();
		return number;
	}

	private CurrentUser signIn(String username) {
		return SignIn.as(users, username);
	}
}
