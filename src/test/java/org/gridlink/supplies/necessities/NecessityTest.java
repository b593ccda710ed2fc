package org.gridlink.supplies.necessities;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.gridlink.residents.HouseholdFacts;
import org.gridlink.residents.HouseholdView;
import org.gridlink.supplies.necessities.web.NecessityLimit;
import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Necessities through the API and the public page: an order is created once per clientId and delivered once however
 * often the phone retries; pick lists put home quarantine, then vulnerable households first; a watched household
 * without a delivery is flagged after the configured days; scope per role; bad input and bad tokens are 400s.
 */
@WebTest
class NecessityTest {

	static final String STREET1 = "320819001000";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	HouseholdFacts households;

	@Autowired
	NecessityLimit limit;

	long supplier;
	long basket;
	long rice;
	long otherStreetItem;

	@BeforeEach
	void supplier() throws Exception {
		String name = "测试超市" + UUID.randomUUID().toString().substring(0, 8);
		String body = mvc.perform(post("/api/v1/necessity-suppliers").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"name":"%s","kind":"SUPERMARKET","contact":"400-000-0000","streets":["%s"],"items":[
						 {"name":"蔬菜套餐","unit":"份","priceCents":3900,"basket":true,"contents":"白菜、土豆"},
						 {"name":"大米","unit":"10 kg","priceCents":5500}]}""".formatted(name, STREET1)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		supplier = ((Number) JsonPath.read(body, "$.id")).longValue();
		basket = ((Number) JsonPath.read(body, "$.items[0].id")).longValue();
		rice = ((Number) JsonPath.read(body, "$.items[1].id")).longValue();
		String other = mvc.perform(post("/api/v1/necessity-suppliers").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"name":"%s","kind":"LOGISTICS","streets":["320819002000"],"items":[
						 {"name":"牛奶","unit":"箱","priceCents":6000}]}""".formatted(name + "-2")))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		otherStreetItem = ((Number) JsonPath.read(other, "$.items[0].id")).longValue();
	}

	@AfterEach
	void reset() {
		clock.reset();
		limit.reset();
	}

	static String order(String household, List<long[]> items, LocalDate day, String clientId) {
		StringBuilder lines = new StringBuilder();
		for (long[] item : items) {
			lines.append(lines.isEmpty() ? "" : ",").append("{\"itemId\":").append(item[0]).append(",\"quantity\":")
					.append(item[1]).append('}');
		}
		return "{%s,\"items\":[%s],\"deliveryDate\":\"%s\",\"clientId\":\"%s\"}".formatted(household, lines, day,
				clientId);
	}

	static String byId(long id) {
		return "\"householdId\":" + id;
	}

	/**
	 * A new household of GRID1 with one resident, in a compound of its own unless {@code compound} is given (the
	 * test population has about one household per grid), written as the residents' fixtures do.
	 */
	HouseholdView household(String compound) {
		String room = UUID.randomUUID().toString().substring(0, 8);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO household (district_code, grid_code, compound, building, entrance, room, address,"
				+ " created_at) VALUES ('320819', ?, ?, '1栋', '1单元', ?, '', ?)")
				.params(GRID1, compound, room, OffsetDateTime.now(clock)).update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		jdbc.sql("""
				INSERT INTO resident (district_code, grid_code, household_id, name, id_number_hash, id_number_enc,
				id_number_masked, created_at, updated_at) VALUES ('320819', ?, ?, '测试', ?, 'x', '3208**********0000', ?, ?)""")
				.params(GRID1, id, UUID.randomUUID().toString(), OffsetDateTime.now(clock), OffsetDateTime.now(clock))
				.update();
		return households.household(id).orElseThrow();
	}

	HouseholdView household(int any) {
		return household("测试苑" + UUID.randomUUID().toString().substring(0, 6));
	}

	long residentOf(HouseholdView h) {
		return jdbc.sql("SELECT MIN(id) FROM resident WHERE household_id = ?").param(h.id()).query(Long.class).single();
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	@Test
	void anOrderIsCreatedOncePerClientIdAndDeliveredOnceWhateverTheRetries() throws Exception {
		HouseholdView h = household(0);
		String clientId = "phone-" + UUID.randomUUID();
		String body = order(byId(h.id()), List.of(new long[] { basket, 2 }, new long[] { rice, 1 }), today().plusDays(1),
				clientId);
		String first = mvc.perform(post("/api/v1/necessity-orders").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.totalCents").value(2 * 3900 + 5500))
				.andExpect(jsonPath("$.lines[0].priceCents").value(3900))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long id = ((Number) JsonPath.read(first, "$.id")).longValue();
		for (int retry = 0; retry < 3; retry++) {
			mvc.perform(post("/api/v1/necessity-orders").with(as("grid1")).contentType(MediaType.APPLICATION_JSON)
					.content(body)).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM necessity_order WHERE client_id = ?").param(clientId)
				.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM necessity_order_line WHERE order_id = ?").param(id)
				.query(Long.class).single()).isEqualTo(2);
		// the same clientId for another household is refused, not silently answered with the first order
		mvc.perform(post("/api/v1/necessity-orders").with(as("grid1")).contentType(MediaType.APPLICATION_JSON)
				.content(order(byId(household(1).id()), List.of(new long[] { rice, 1 }), today().plusDays(1),
						clientId)))
				.andExpect(status().isConflict());

		mvc.perform(post("/api/v1/necessity-orders/{id}/delivery", id).with(as("grid2")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/necessity-orders/{id}/delivery", id).with(as("grid1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(true))
				.andExpect(jsonPath("$.order.status").value("DELIVERED"));
		OffsetDateTime at = jdbc.sql("SELECT delivered_at FROM necessity_order WHERE id = ?").param(id)
				.query(OffsetDateTime.class).single();
		clock.advance(Duration.ofMinutes(5));
		for (int retry = 0; retry < 3; retry++) {
			mvc.perform(post("/api/v1/necessity-orders/{id}/delivery", id).with(as("grid1")))
					.andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(false));
		}
		mvc.perform(post("/necessities/orders/{id}/deliver", id).with(as("community1")))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashKey",
						"necessities.delivery.already"));
		assertThat(jdbc.sql("SELECT delivered_at FROM necessity_order WHERE id = ?").param(id)
				.query(OffsetDateTime.class).single()).isEqualTo(at);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'NECESSITY_ORDER_DELIVER' AND subject = ?")
				.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aDeliveryPhotoIsKeptAndABadOneRefused() throws Exception {
		HouseholdView h = household(2);
		String body = mvc.perform(post("/api/v1/necessity-orders").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content(order(byId(h.id()), List.<long[]>of(new long[] { rice, 1 }),
						today(), "photo-" + UUID.randomUUID())))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		mvc.perform(multipart("/api/v1/necessity-orders/{id}/delivery", id).file(new org.springframework.mock.web
				.MockMultipartFile("photo", "x.txt", "text/plain", new byte[] { 1, 2 })).with(as("grid1")))
				.andExpect(status().isBadRequest());
		mvc.perform(multipart("/api/v1/necessity-orders/{id}/delivery", id).file(new org.springframework.mock.web
				.MockMultipartFile("photo", "x.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }))
				.with(as("grid1"))).andExpect(status().isOk()).andExpect(jsonPath("$.order.photo").value(true));
		mvc.perform(get("/necessities/orders/{id}/photo", id).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().contentType("image/png"));
	}

	static String sha256(String token) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.US_ASCII)));
	}

	@Test
	void aResidentOrdersThroughTheHouseholdLinkOrTheCheckInLinkAndBadTokensAre400s() throws Exception {
		HouseholdView h = household(3);
		String link = mvc.perform(post("/api/v1/necessity-households/{id}/link", h.id()).with(as("grid1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String token = JsonPath.read(link, "$.token");
		String clientId = "link-" + UUID.randomUUID();
		String body = order("\"token\":\"" + token + "\"", List.<long[]>of(new long[] { basket, 1 }),
				today().plusDays(1), clientId);
		mvc.perform(post("/api/v1/public/necessity-orders").contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.householdId").value(h.id()))
				.andExpect(jsonPath("$.placedVia").value("LINK"));
		mvc.perform(post("/api/v1/public/necessity-orders").contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isOk());
		String bad = order("\"token\":\"" + "A".repeat(43) + "\"", List.<long[]>of(new long[] { basket, 1 }),
				today().plusDays(1), "bad-" + UUID.randomUUID());
		mvc.perform(post("/api/v1/public/necessity-orders").contentType(MediaType.APPLICATION_JSON).content(bad))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/public/necessity-orders").contentType(MediaType.APPLICATION_JSON)
				.content(order("\"householdId\":" + h.id(), List.<long[]>of(new long[] { basket, 1 }),
						today().plusDays(1), "nolink-" + UUID.randomUUID())))
				.andExpect(status().isBadRequest());
		// the phone page: the form carries its clientId, a resubmission is the same order
		mvc.perform(get("/n/{t}", token)).andExpect(status().isOk())
				.andExpect(content().string(containsString(h.label())))
				.andExpect(content().string(containsString("蔬菜套餐")));
		String formId = "form-" + UUID.randomUUID();
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/n/{t}", token).with(csrf()).param("q" + rice, "2").param("deliveryDate",
					today().plusDays(2).toString()).param("clientId", formId))
					.andExpect(status().is3xxRedirection());
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM necessity_order WHERE client_id = ?").param(formId)
				.query(Long.class).single()).isEqualTo(1);
		mvc.perform(post("/n/{t}", token).with(csrf()).param("q" + rice, "abc").param("deliveryDate",
				today().plusDays(2).toString()).param("clientId", "form-" + UUID.randomUUID()))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("order-problem")));
		mvc.perform(post("/n/{t}", token).with(csrf()).param("q" + rice, "1").param("deliveryDate", "2001-01-01")
				.param("clientId", "form-" + UUID.randomUUID())).andExpect(status().isBadRequest());
		mvc.perform(get("/n/{t}", "not-a-token")).andExpect(status().isBadRequest());
		mvc.perform(post("/n/{t}", "B".repeat(43)).with(csrf()).param("q" + rice, "1")).andExpect(status().isBadRequest());

		// a person in home quarantine uses the check-in link they already have
		HouseholdView q = household(4);
		long resident = residentOf(q);
		long order = homeOrder(resident, GRID1, today().minusDays(1));
		String checkIn = UUID.randomUUID().toString().replace("-", "") + "abcdefghijk";
		jdbc.sql("INSERT INTO quarantine_checkin_link (order_id, token_hash, district_code, issued_by, issued_at)"
				+ " VALUES (?, ?, '320819', 'test', ?)").params(order, sha256(checkIn), OffsetDateTime.now(clock))
				.update();
		mvc.perform(post("/api/v1/public/necessity-orders").contentType(MediaType.APPLICATION_JSON)
				.content(order("\"token\":\"" + checkIn + "\"", List.<long[]>of(new long[] { rice, 1 }), today(),
						"checkin-" + UUID.randomUUID())))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.householdId").value(q.id()))
				.andExpect(jsonPath("$.placedVia").value("CHECKIN"));
	}

	/** An active home quarantine order of a registered resident, written as the check-in tests do. */
	long homeOrder(long residentId, String grid, LocalDate start) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quarantine_person (district_code, resident_id, name, name_masked, id_kind, id_hash, id_enc,
				id_masked, grid_code, created_by, created_at) VALUES ('320819', ?, '钱多多', '钱*多', 'PASSPORT', ?, 'x',
				'E*******1', ?, 'test', ?)""").params(residentId, UUID.randomUUID().toString(), grid,
						OffsetDateTime.now(clock)).update(keys, "id");
		long person = keys.getKeyAs(Long.class);
		keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quarantine_order (person_id, type, active_person_id, last_exposure, start_date, planned_end,
				status, created_by, created_at) VALUES (?, 'HOME', ?, ?, ?, ?, 'ACTIVE', 'test', ?)""")
				.params(person, person, start.minusDays(1), start, start.plusDays(14), OffsetDateTime.now(clock))
				.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	@Test
	void pickListsServeHomeQuarantineThenVulnerableHouseholdsFirst() throws Exception {
		String compound = "优先苑" + UUID.randomUUID().toString().substring(0, 6);
		HouseholdView other = household(compound);
		HouseholdView vulnerable = household(compound);
		HouseholdView quarantined = household(compound);
		homeOrder(residentOf(quarantined), GRID1, today());
		jdbc.sql("INSERT INTO resident_tag (resident_id, district_code, tag, set_by, set_at) VALUES (?, '320819',"
				+ " 'ELDERLY_ALONE', 'test', ?)").params(residentOf(vulnerable), OffsetDateTime.now(clock)).update();
		LocalDate day = today().plusDays(9);
		for (HouseholdView h : List.of(other, vulnerable, quarantined)) {
			mvc.perform(post("/api/v1/necessity-orders").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
					.content(order(byId(h.id()), List.<long[]>of(new long[] { basket, 1 }), day,
							"prio-" + UUID.randomUUID())))
					.andExpect(status().isCreated());
		}
		String lists = mvc.perform(get("/api/v1/pick-lists").param("jurisdiction", GRID1).param("date", day.toString())
				.with(as("grid1"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<Object> ours = JsonPath.read(lists, "$[?(@.supplierId == " + supplier + ")].entries[*].householdId");
		List<Object> priorities = JsonPath.read(lists, "$[?(@.supplierId == " + supplier + ")].entries[*].priority");
		assertThat(ours).extracting(o -> ((Number) o).longValue())
				.containsExactly(quarantined.id(), vulnerable.id(), other.id());
		assertThat(priorities).containsExactly("QUARANTINE", "VULNERABLE", "NONE");
		mvc.perform(get("/necessities/pick-lists.xlsx").param("jurisdiction", GRID1).param("date", day.toString())
				.with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		byte[] pdf = mvc.perform(get("/necessities/pick-lists.pdf").param("jurisdiction", GRID1)
				.param("date", day.toString()).with(as("grid1"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		mvc.perform(get("/necessities").param("jurisdiction", GRID1).param("date", day.toString()).with(as("grid1")))
				.andExpect(status().isOk()).andExpect(content().string(containsString(quarantined.label())));
	}

	@Test
	void aWatchedHouseholdWithoutADeliveryIsFlaggedAfterTheConfiguredDays() throws Exception {
		HouseholdView h = household(5);
		mvc.perform(post("/api/v1/necessity-households/{id}/sealed", h.id()).with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"sealed\":true}")).andExpect(status().isNoContent());
		String flagged = "$[?(@.householdId == " + h.id() + ")]";
		mvc.perform(get("/api/v1/necessity-flags").param("jurisdiction", GRID1).with(as("grid1")))
				.andExpect(status().isOk()).andExpect(jsonPath(flagged).isEmpty());
		clock.advance(Duration.ofDays(2));
		mvc.perform(get("/api/v1/necessity-flags").with(as("community1")))
				.andExpect(jsonPath(flagged).isEmpty());
		clock.advance(Duration.ofDays(1));
		mvc.perform(get("/api/v1/necessity-flags").with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath(flagged + ".reason").value(contains("SEALED")))
				.andExpect(jsonPath(flagged + ".days").value(contains(3)));
		mvc.perform(get("/necessities").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString(h.label())));
		mvc.perform(get("/api/v1/necessity-flags").with(as("grid2"))).andExpect(jsonPath(flagged).isEmpty());
		String body = mvc.perform(post("/api/v1/necessity-orders").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content(order(byId(h.id()),
						List.<long[]>of(new long[] { basket, 1 }), today(), "flag-" + UUID.randomUUID())))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		mvc.perform(get("/api/v1/necessity-flags").with(as("grid1"))).andExpect(jsonPath(flagged).isNotEmpty());
		mvc.perform(post("/api/v1/necessity-orders/{id}/delivery", id).with(as("grid1"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/necessity-flags").with(as("grid1"))).andExpect(jsonPath(flagged).isEmpty());
	}

	@Test
	void eachRoleSeesAndActsOnlyInItsScope() throws Exception {
		HouseholdView h = household(6);
		String body = order(byId(h.id()), List.<long[]>of(new long[] { rice, 1 }), today().plusDays(3), "scope-%s");
		mvc.perform(post("/api/v1/necessity-orders").with(as("grid2")).contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(UUID.randomUUID()))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/necessity-orders").with(as("dept1")).contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(UUID.randomUUID()))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/necessity-orders").with(as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(UUID.randomUUID()))).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/necessity-orders").with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(UUID.randomUUID()))).andExpect(status().isUnauthorized());
		for (String allowed : List.of("grid1", "community1", "street1", "center")) {
			mvc.perform(get("/api/v1/pick-lists").param("jurisdiction", GRID1).with(as(allowed)))
					.andExpect(status().isOk());
		}
		for (String refused : List.of("grid2", "dept1", "police1", "leader")) {
			mvc.perform(get("/api/v1/pick-lists").param("jurisdiction", GRID1).with(as(refused)))
					.andExpect(status().isForbidden());
		}
		String grid2 = mvc.perform(get("/api/v1/pick-lists").param("date", today().plusDays(3).toString())
				.with(as("grid2"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(grid2).doesNotContain(GRID1);
		mvc.perform(post("/api/v1/necessity-households/{id}/link", h.id()).with(as("grid2")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/necessities/households").param("grid", GRID1).with(as("grid2")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/necessities/households").param("grid", GRID1).with(as("grid1")))
				.andExpect(status().isOk());
		mvc.perform(post("/api/v1/necessity-suppliers").with(as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\",\"kind\":\"SUPERMARKET\",\"streets\":[\"320819001000\"],\"items\":[]}"))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/necessity-suppliers").with(as("grid2"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.id == " + supplier + ")]").isEmpty());
		mvc.perform(get("/api/v1/necessity-suppliers").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.id == " + supplier + ")]").isNotEmpty());
		mvc.perform(get("/api/v1/produce-offers").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/produce-offers").with(as("street1"))).andExpect(status().isOk());
		mvc.perform(post("/api/v1/produce-offers").with(as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content(offer("苹果", "100", "320819002000", null, null))).andExpect(status().isForbidden());
	}

	@Test
	void badInputIsA400NamingTheProblem() throws Exception {
		HouseholdView h = household(7);
		LocalDate day = today().plusDays(1);
		String[] bad = {
				order(byId(h.id()), List.<long[]>of(new long[] { rice, 1 }), day, "short"),
				order(byId(h.id()), List.of(), day, "bad-" + UUID.randomUUID()),
				order(byId(h.id()), List.<long[]>of(new long[] { rice, 0 }), day, "bad-" + UUID.randomUUID()),
				order(byId(h.id()), List.<long[]>of(new long[] { rice, 100 }), day, "bad-" + UUID.randomUUID()),
				order(byId(h.id()), List.<long[]>of(new long[] { rice, 1 }), today().minusDays(1), "bad-" + UUID.randomUUID()),
				order(byId(h.id()), List.<long[]>of(new long[] { rice, 1 }), today().plusDays(30), "bad-" + UUID.randomUUID()),
				order(byId(h.id()), List.<long[]>of(new long[] { 99_999_999, 1 }), day, "bad-" + UUID.randomUUID()),
				order(byId(h.id()), List.<long[]>of(new long[] { otherStreetItem, 1 }), day, "bad-" + UUID.randomUUID()),
				order(byId(h.id()), List.<long[]>of(new long[] { rice, 1 }, new long[] { otherStreetItem, 1 }), day,
						"bad-" + UUID.randomUUID()),
				order(byId(987_654_321L), List.<long[]>of(new long[] { rice, 1 }), day, "bad-" + UUID.randomUUID()),
				order("\"householdId\":null", List.<long[]>of(new long[] { rice, 1 }), day, "bad-" + UUID.randomUUID()),
				"{\"householdId\":" + h.id() + ",\"items\":[{\"itemId\":" + rice + ",\"quantity\":1}],"
						+ "\"deliveryDate\":\"tomorrow\",\"clientId\":\"bad-" + UUID.randomUUID() + "\"}",
				"{not json" };
		for (String body : bad) {
			mvc.perform(post("/api/v1/necessity-orders").with(as("grid1")).contentType(MediaType.APPLICATION_JSON)
					.content(body)).andExpect(status().isBadRequest());
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM necessity_order WHERE household_id = ?").param(h.id())
				.query(Long.class).single()).isZero();
		mvc.perform(get("/api/v1/pick-lists").param("jurisdiction", "32081").with(as("grid1")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/pick-lists").param("date", "yesterday").with(as("grid1")))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/necessity-households/{id}/sealed", h.id()).with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
		mvc.perform(post("/necessities/households/{id}/order", h.id()).with(as("grid1")).param("q" + rice, "x")
				.param("deliveryDate", day.toString()).param("clientId", "staff-" + UUID.randomUUID()))
				.andExpect(status().isBadRequest());
		for (String offer : List.of(offer("", "100", STREET1, null, null), offer("苹果", "-1", STREET1, null, null),
				offer("苹果", "100", "123", null, null), offer("苹果", "100", STREET1, 33.6, null),
				offer("苹果", "100", STREET1, 95.0, 119.0))) {
			mvc.perform(post("/api/v1/produce-offers").with(as("center")).contentType(MediaType.APPLICATION_JSON)
					.content(offer)).andExpect(status().isBadRequest());
		}
	}

	static String offer(String item, String quantity, String place, Double lat, Double lng) {
		return """
				{"seller":"张大伯","sellerKind":"FARMER","item":"%s","unit":"kg","quantity":%s,"priceCents":300,
				 "place":"村口","lat":%s,"lng":%s,"jurisdictionCode":"%s","availableUntil":"%s"}"""
				.formatted(item, quantity, lat, lng, place, LocalDate.now().plusDays(5));
	}

	@Test
	void produceIsMatchedByItemAndDistanceAndAnOfferNeverGoesBelowZero() throws Exception {
		String item = "测试梨" + UUID.randomUUID().toString().substring(0, 6);
		long near = id(mvc.perform(post("/api/v1/produce-offers").with(as("street1"))
				.contentType(MediaType.APPLICATION_JSON).content(offer(item, "100", STREET1, 33.60, 119.10)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		long far = id(mvc.perform(post("/api/v1/produce-offers").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content(offer(item, "100", "320819002000", 33.78, 119.35)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		long need = id(mvc.perform(post("/api/v1/produce-needs").with(as("street1"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"buyer":"金桥社区团购","buyerKind":"COMMUNITY","item":"%s","unit":"kg","quantity":150,
						 "lat":33.61,"lng":119.11,"jurisdictionCode":"%s","neededBy":"%s"}"""
						.formatted(item, COMMUNITY1, LocalDate.now().plusDays(3))))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		mvc.perform(get("/api/v1/produce-needs/{id}/suggestions", need).with(as("street1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].offer.id").value(near))
				.andExpect(jsonPath("$[1].offer.id").value(far))
				.andExpect(jsonPath("$[0].km").value(lessThan(2.0)));
		String deal = "{\"offerId\":%d,\"needId\":%d,\"quantity\":%s}";
		long first = id(mvc.perform(post("/api/v1/produce-deals").with(as("street1"))
				.contentType(MediaType.APPLICATION_JSON).content(deal.formatted(near, need, "60")))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		mvc.perform(post("/api/v1/produce-deals").with(as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content(deal.formatted(near, need, "60"))).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/produce-deals").with(as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content(deal.formatted(near, need, "40"))).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/produce-deals").with(as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content(deal.formatted(near, need, "0.01"))).andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT remaining FROM produce_offer WHERE id = ?").param(near)
				.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("0");
		mvc.perform(post("/api/v1/produce-deals/{id}/moved", first).with(as("street1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"moved\":61}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/produce-deals/{id}/moved", first).with(as("street1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"moved\":60}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.moved").value(60));
		mvc.perform(get("/produce").param("need", String.valueOf(need)).with(as("street1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString(item)));
	}

	static long id(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	@Test
	void anOrderIsCancelledBeforeDeliveryOnlyAndOnce() throws Exception {
		HouseholdView h = household(0);
		String placed = mvc.perform(post("/api/v1/necessity-orders").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content(order(byId(h.id()), List.of(new long[] { rice, 1 }),
						today().plusDays(1), "cancel-" + UUID.randomUUID())))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long id = ((Number) JsonPath.read(placed, "$.id")).longValue();
		// a volunteer hands over but does not cancel; another grid's worker is outside the scope
		mvc.perform(post("/api/v1/necessity-orders/{id}/cancel", id).with(as("grid2"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/necessity-orders/{id}/cancel", 999_999_999L).with(as("grid1")))
				.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/necessity-orders/{id}/cancel", id).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.cancelled").value(true)).andExpect(jsonPath("$.order.status").value("CANCELLED"));
		mvc.perform(post("/api/v1/necessity-orders/{id}/cancel", id).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.cancelled").value(false));
		// a cancelled order is not handed over and leaves the pick lists
		mvc.perform(post("/api/v1/necessity-orders/{id}/delivery", id).with(as("grid1"))).andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'NECESSITY_ORDER_CANCEL' AND subject = ?")
				.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

		// a delivered order can no longer be cancelled (409; the page says so)
		String other = mvc.perform(post("/api/v1/necessity-orders").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content(order(byId(household(1).id()),
						List.of(new long[] { rice, 1 }), today(), "cancel-" + UUID.randomUUID())))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long delivered = ((Number) JsonPath.read(other, "$.id")).longValue();
		mvc.perform(get("/necessities").param("date", today().toString()).with(as("grid1")))
				.andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(
						"data-cancel=\"" + delivered + "\"")));
		mvc.perform(post("/api/v1/necessity-orders/{id}/delivery", delivered).with(as("grid1"))).andExpect(status().isOk());
		mvc.perform(post("/api/v1/necessity-orders/{id}/cancel", delivered).with(as("grid1")))
				.andExpect(status().isConflict());
		mvc.perform(post("/necessities/orders/{id}/cancel", delivered).with(as("grid1")))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("flashErrorKey", "necessities.order.delivered"));
		assertThat(jdbc.sql("SELECT status FROM necessity_order WHERE id = ?").param(delivered).query(String.class)
				.single()).isEqualTo("DELIVERED");
	}

	@Test
	void theCenterAddsAndEditsSuppliersOnItsPageAndThroughTheApi() throws Exception {
		String name = "页面超市" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(get("/necessities/suppliers/new").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"supplier-form\"")));
		mvc.perform(get("/necessities/suppliers/new").with(as("street1"))).andExpect(status().isForbidden());
		// bad input: each message beside its field
		mvc.perform(post("/necessities/suppliers").with(as("center")).param("name", name).param("kind", "SUPERMARKET")
				.param("items", "蔬菜套餐 | 份 | abc")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"items-error\"")));
		mvc.perform(post("/necessities/suppliers").with(as("center")).param("name", name).param("kind", "SUPERMARKET")
				.param("items", "大米 | 袋 | 55.00")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"streets-error\"")));
		mvc.perform(post("/necessities/suppliers").with(as("center")).param("name", "").param("kind", "SUPERMARKET")
				.param("streets", STREET1).param("items", "大米 | 袋 | 55.00")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"name-error\"")));
		mvc.perform(post("/necessities/suppliers").with(as("street1")).param("name", name).param("kind", "SUPERMARKET")
				.param("streets", STREET1).param("items", "大米 | 袋 | 55.00")).andExpect(status().isForbidden());
		mvc.perform(post("/necessities/suppliers").with(as("center")).param("name", name).param("kind", "SUPERMARKET")
				.param("streets", STREET1).param("items", "蔬菜套餐 | 份 | 39.00 | 白菜、土豆\n大米 | 袋 | 55.5"))
				.andExpect(status().is3xxRedirection());
		long id = jdbc.sql("SELECT id FROM necessity_supplier WHERE name = ?").param(name).query(Long.class).single();
		mvc.perform(get("/necessities/suppliers/{id}/edit", id).with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("大米 | 袋 | 55.50")));
		// the page edits: rice withdrawn, milk added, the basket repriced
		mvc.perform(post("/necessities/suppliers/{id}", id).with(as("center")).param("name", name)
				.param("kind", "LOGISTICS").param("streets", STREET1).param("streets", "320819002000")
				.param("items", "蔬菜套餐 | 份 | 42 | 白菜\n牛奶 | 箱 | 60")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/necessity-suppliers").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.id == " + id + ")].kind").value("LOGISTICS"))
				.andExpect(jsonPath("$[?(@.id == " + id + ")].streets[*]", hasSize(2)));
		assertThat(jdbc.sql("SELECT name || ':' || price_cents || ':' || CASE WHEN active THEN 'on' ELSE 'off' END FROM necessity_item WHERE supplier_id = ?"
				+ " ORDER BY name").param(id).query(String.class).list())
				.containsExactlyInAnyOrder("蔬菜套餐:4200:on", "大米:5550:off", "牛奶:6000:on");
		// the API: only the center, bad input 400, unknown 404
		String body = "{\"name\":\"" + name + "\",\"kind\":\"SUPERMARKET\",\"streets\":[\"" + STREET1
				+ "\"],\"items\":[{\"name\":\"大米\",\"unit\":\"袋\",\"priceCents\":5600}]}";
		mvc.perform(put("/api/v1/necessity-suppliers/{id}", id).with(as("street1"))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/necessity-suppliers/{id}", 999_999_999L).with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
		mvc.perform(put("/api/v1/necessity-suppliers/{id}", id).with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content(body.replace("5600", "-1")))
				.andExpect(status().isBadRequest());
		mvc.perform(put("/api/v1/necessity-suppliers/{id}", id).with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content(body.replace(STREET1, "320819001001")))
				.andExpect(status().isBadRequest());
		mvc.perform(put("/api/v1/necessity-suppliers/{id}", id).with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk())
				.andExpect(jsonPath("$.items[*].name", contains("大米"))).andExpect(jsonPath("$.items[0].priceCents").value(5600));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'NECESSITY_SUPPLIER_UPDATE' AND subject = ?")
				.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
	}

	@Autowired
	org.gridlink.supplies.necessities.NecessityOrders orderService;

	@Test
	void aVolunteersHandOverRecordsWhichVolunteer() throws Exception {
		HouseholdView h = household(0);
		String placed = mvc.perform(post("/api/v1/necessity-orders").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content(order(byId(h.id()), List.of(new long[] { rice, 1 }),
						today(), "vol-" + UUID.randomUUID())))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long id = ((Number) JsonPath.read(placed, "$.id")).longValue();
		long volunteer = jdbc.sql("SELECT id FROM volunteer WHERE username = 'volunteer1'").query(Long.class).single();
		org.gridlink.platform.CurrentUser atTheGate = new org.gridlink.platform.CurrentUser(-1, "volunteer1", "王志刚",
				java.util.Set.of(org.gridlink.platform.Role.VOLUNTEER),
				org.gridlink.platform.Scope.of(List.of(GRID1)), null);
		var delivered = orderService.deliver(atTheGate, id, null, null);
		assertThat(delivered.recorded()).isTrue();
		assertThat(delivered.order().deliveredVolunteerId()).isEqualTo(volunteer);
		assertThat(delivered.order().deliveredBy()).isEqualTo("volunteer1");
		// a retry changes nothing; staff hand-overs name no volunteer
		assertThat(orderService.deliver(atTheGate, id, null, null).recorded()).isFalse();
		String other = mvc.perform(post("/api/v1/necessity-orders").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content(order(byId(household(1).id()),
						List.of(new long[] { rice, 1 }), today(), "vol-" + UUID.randomUUID())))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long byStaff = ((Number) JsonPath.read(other, "$.id")).longValue();
		mvc.perform(post("/api/v1/necessity-orders/{id}/delivery", byStaff).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.order.deliveredVolunteerId").doesNotExist());
		mvc.perform(get("/api/v1/necessity-orders/{id}", id).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.deliveredVolunteerId").value(volunteer));
	}
}
