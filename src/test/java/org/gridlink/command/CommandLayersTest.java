package org.gridlink.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridlink.support.Demo.COMMUNITY1;
import static org.gridlink.support.Demo.DISTRICT;
import static org.gridlink.support.Demo.GRID1;
import static org.gridlink.support.Demo.GRID2;
import static org.gridlink.support.Demo.STREET1;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gridlink.cases.ActionInput;
import org.gridlink.cases.CaseAction;
import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.NewCase;
import org.gridlink.passes.CheckpointKind;
import org.gridlink.passes.Checkpoints;
import org.gridlink.passes.NewCheckpoint;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.security.AccountPrincipal;
import org.gridlink.quarantine.CheckIns;
import org.gridlink.quarantine.Contacts;
import org.gridlink.quarantine.ExposureType;
import org.gridlink.quarantine.IdKind;
import org.gridlink.quarantine.NewContact;
import org.gridlink.quarantine.NewOrder;
import org.gridlink.quarantine.OrderType;
import org.gridlink.quarantine.OrderView;
import org.gridlink.quarantine.QuarantineOrders;
import org.gridlink.quarantine.RiskLevel;
import org.gridlink.quarantine.SourceKind;
import org.gridlink.quarantine.VisitInput;
import org.gridlink.support.TestIds;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command page's missing parts of issue 17: checkpoints and quarantine sites as layers of points (scoped, placed at
 * their place's centre, opening their own pages, no personal data), missed check-ins as a measure of the map (equal to
 * a direct count, per grid, scoped) and the ranking of lead units (equal to a direct count, scoped).
 */
@WebTest
class CommandLayersTest {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	static final String STREET2 = "320819002000";

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseManagement cases;

	@Autowired
	Checkpoints checkpoints;

	@Autowired
	QuarantineOrders orders;

	@Autowired
	Contacts contacts;

	@Autowired
	CheckIns checkIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void layersKeepAStreetToItsSubtreeAndPlacePointsAtTheirPlace() throws Exception {
		CurrentUser centerUser = user("center");
		String road2 = "指挥图层卡口" + TestIds.next();
		long inStreet2 = checkpoints.create(centerUser, new NewCheckpoint(road2, CheckpointKind.ROAD, GRID2, null, true))
				.id();
		String road1 = "指挥图层卡口" + TestIds.next();
		long inGrid1 = checkpoints.create(centerUser, new NewCheckpoint(road1, CheckpointKind.ROAD, GRID1, null, true))
				.id();
		String closed = "指挥停用卡口" + TestIds.next();
		long inactive = checkpoints.create(centerUser, new NewCheckpoint(closed, CheckpointKind.ROAD, GRID1, null, false))
				.id();

		JsonNode district = layers("center", null);
		assertThat(district.get("jurisdiction").asString()).isEqualTo(DISTRICT);
		assertThat(ids(district.get("checkpoints"))).contains(inStreet2, inGrid1).doesNotContain(inactive);
		assertThat(ids(district.get("sites"))).containsAll(direct("SELECT id FROM quarantine_site"));

		JsonNode street = layers("street1", null);
		assertThat(street.get("jurisdiction").asString()).isEqualTo(STREET1);
		assertThat(ids(street.get("checkpoints"))).contains(inGrid1).doesNotContain(inStreet2, inactive)
				.containsExactlyInAnyOrderElementsOf(direct(
						"SELECT id FROM checkpoint WHERE active = TRUE AND jurisdiction_code LIKE '320819001%'"));
		assertThat(ids(street.get("sites"))).isNotEmpty().containsExactlyInAnyOrderElementsOf(
				direct("SELECT id FROM quarantine_site WHERE jurisdiction_code LIKE '320819001%'"));

		JsonNode community = layers("community1", COMMUNITY1);
		assertThat(ids(community.get("checkpoints"))).contains(inGrid1).allSatisfy(id -> assertThat(direct(
				"SELECT id FROM checkpoint WHERE jurisdiction_code LIKE '320819001001%'")).contains(id));
		assertThat(ids(community.get("sites"))).isEmpty(); // the demo's sites belong to streets

		// outside the scope, unknown, malformed
		mvc.perform(get("/api/v1/command/layers").param("jurisdiction", STREET2).with(as("street1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/command/layers").param("jurisdiction", "320819099000").with(as("center")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/command/layers").param("jurisdiction", "abc").with(as("center")))
				.andExpect(status().is4xxClientError());
		mvc.perform(get("/api/v1/command/layers").with(as("dept1"))).andExpect(status().isForbidden());

		// a road checkpoint stands at its grid's centre; a gate at its compound's grid; a site at its jurisdiction's
		JsonNode point = find(district.get("checkpoints"), inGrid1);
		double[] centre = centre(GRID1);
		assertThat(point.get("lat").asDouble()).isEqualTo(centre[0]);
		assertThat(point.get("lng").asDouble()).isEqualTo(centre[1]);
		assertThat(point.get("name").asString()).isEqualTo(road1);
		assertThat(point.get("kind").asString()).isEqualTo("ROAD");
		for (JsonNode gate : district.get("checkpoints")) {
			if (gate.get("kind").asString().equals("GATE")) {
				String grid = jdbc.sql("SELECT c.grid_code FROM checkpoint k JOIN compound c ON c.id = k.compound_id"
						+ " WHERE k.id = ?").param(gate.get("id").asLong()).query(String.class).single();
				assertThat(gate.get("lat").asDouble()).isEqualTo(centre(grid)[0]);
			}
		}
		for (JsonNode site : district.get("sites")) {
			String code = jdbc.sql("SELECT jurisdiction_code FROM quarantine_site WHERE id = ?")
					.param(site.get("id").asLong()).query(String.class).single();
			assertThat(site.get("lat").asDouble()).isEqualTo(centre(code)[0]);
			assertThat(site.get("lng").asDouble()).isEqualTo(centre(code)[1]);
		}
		// names and places only: no one on duty, no phone, no occupant
		String body = district.toString();
		assertThat(body).doesNotContain("王建国", "李秀英", "13800138000", "13900139000", "shift", "person", "phone", "masked");
	}

	@Test
	void aPointOpensItsCheckpointOrSitePage() throws Exception {
		String page = mvc.perform(get("/command").with(as("center"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(page).contains("data-layers=\"/api/v1/command/layers\"", "data-checkpoint=\"/checkpoints/\"",
				"data-site=\"/quarantine/sites/\"", "id=\"command-checkpoints\"", "id=\"command-sites\"",
				"id=\"command-units\"");
		JsonNode district = layers("center", null);
		assertThat(district.get("checkpoints")).isNotEmpty();
		assertThat(district.get("sites")).isNotEmpty();
		for (JsonNode checkpoint : district.get("checkpoints")) {
			mvc.perform(get("/checkpoints/" + checkpoint.get("id").asLong()).with(as("center")))
					.andExpect(status().isOk())
					.andExpect(content().string(org.hamcrest.Matchers.containsString(checkpoint.get("name").asString())));
		}
		for (JsonNode site : district.get("sites")) {
			mvc.perform(get("/quarantine/sites/" + site.get("id").asLong()).with(as("center")))
					.andExpect(status().isOk())
					.andExpect(content().string(org.hamcrest.Matchers.containsString(site.get("name").asString())));
		}
	}

	@Test
	void missedCheckInsEqualADirectCountPerGridWithinTheScope() throws Exception {
		CurrentUser community = user("community1");
		var event = contacts.recordEvent(community, "指挥打卡" + TestIds.next(), "金桥路 10 号", today().minusDays(2),
				COMMUNITY1);
		List<OrderView> ordered = new ArrayList<>();
		for (String name : List.of("冯打卡", "陈打卡")) {
			var contact = contacts.record(community, new NewContact(SourceKind.EVENT, null, event.id(), null, name,
					IdKind.ID, TestIds.next(), null, GRID1, null, today().minusDays(2), ExposureType.MEAL,
					RiskLevel.HIGH, null, null));
			ordered.add(orders.order(community, new NewOrder(contact.personId(), OrderType.HOME, null, null, today())));
		}
		Map<String, Long> before = measure("center");
		assertThat(before).isEqualTo(directMissed("320819"));
		assertThat(before.get(GRID1)).isGreaterThanOrEqualTo(2);
		// one of them is seen by the grid worker: one fewer in grid 1
		checkIns.visit(user("grid1"), ordered.get(0).id(), new VisitInput("SEEN", "36.5", null, null));
		Map<String, Long> after = measure("center");
		assertThat(after).isEqualTo(directMissed("320819"));
		assertThat(after.get(GRID1)).isEqualTo(before.get(GRID1) - 1);
		// a street sees its grids only, a community its own
		assertThat(measure("street1")).isEqualTo(directMissed("320819001"));
		assertThat(measure("community1")).isEqualTo(directMissed("320819001001")).containsKey(GRID1);
		// offered in the measure selector of the page
		mvc.perform(get("/command").with(as("street1"))).andExpect(status().isOk()).andExpect(
				content().string(org.hamcrest.Matchers.containsString("value=\"command-missed-checkins\"")));
		mvc.perform(get("/api/v1/command/measures/command-missed-checkins").with(as("dept1")))
				.andExpect(status().isForbidden());
	}

	@Test
	void unitsEqualADirectCountWithinTheScope() throws Exception {
		CurrentUser centerUser = user("center");
		// an open case dispatched in street 2, one in street 1
		for (String grid : List.of(GRID2, GRID1)) {
			long id = cases.report(centerUser, new NewCase("E0101", "指挥单位排名" + TestIds.next(), grid, null, null, null,
					CaseSource.HOTLINE, "13800001111"), null).id();
			cases.act(centerUser, id, CaseAction.FILE, ActionInput.empty());
			cases.act(centerUser, id, CaseAction.DISPATCH, ActionInput.empty());
		}
		for (String[] who : List.of(new String[] { "center", "320819" }, new String[] { "street1", "320819001" },
				new String[] { "community1", "320819001001" })) {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				JsonNode units = json.readTree(mvc.perform(get("/api/v1/command/units").with(as(who[0])))
						.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
				Map<Long, long[]> got = new TreeMap<>();
				for (JsonNode u : units.get("units")) {
					assertThat(u.get("name").asString()).isNotBlank().doesNotStartWith("#");
					got.put(u.get("unitId").asLong(), new long[] { u.get("open").asLong(), u.get("overdue").asLong() });
				}
				Map<Long, long[]> direct = new TreeMap<>();
				jdbc.sql("SELECT lead_unit_id, COUNT(*), SUM(CASE WHEN overdue THEN 1 ELSE 0 END) FROM case_file"
						+ " WHERE status NOT IN ('CLOSED', 'EVALUATED', 'REJECTED', 'VOIDED', 'MERGED')"
						+ " AND lead_unit_id IS NOT NULL AND jurisdiction_code LIKE ? GROUP BY lead_unit_id")
						.param(who[1] + "%")
						.query(rs -> {
							direct.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) });
						});
				assertThat(got).as(who[0]).isNotEmpty().usingRecursiveComparison().isEqualTo(direct);
				// most open first
				List<Long> open = new ArrayList<>();
				units.get("units").forEach(u -> open.add(u.get("open").asLong()));
				assertThat(open).isSortedAccordingTo((a, b) -> Long.compare(b, a));
			});
		}
		mvc.perform(get("/api/v1/command/units").param("jurisdiction", STREET2).with(as("street1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/command/units").param("jurisdiction", "320819099000").with(as("center")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/command/units").with(as("grid1"))).andExpect(status().isForbidden());
	}

	private JsonNode layers(String username, String code) throws Exception {
		var request = get("/api/v1/command/layers").with(as(username));
		if (code != null) {
			request = request.param("jurisdiction", code);
		}
		return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString());
	}

	private Map<String, Long> measure(String username) throws Exception {
		JsonNode values = json.readTree(mvc.perform(get("/api/v1/command/measures/command-missed-checkins")
				.with(as(username))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
				.get("values");
		Map<String, Long> out = new TreeMap<>();
		values.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
		return out;
	}

	/** Active home orders started by today without a counted check-in today, per grid, counted directly. */
	private Map<String, Long> directMissed(String prefix) {
		Map<String, Long> out = new TreeMap<>();
		jdbc.sql("""
				SELECT p.grid_code, COUNT(*) FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id
				WHERE o.type = 'HOME' AND o.status = 'ACTIVE' AND o.start_date <= ? AND p.grid_code LIKE ?
				AND o.id NOT IN (SELECT c.order_id FROM quarantine_checkin c WHERE c.checkin_date = ? AND c.counted = TRUE)
				GROUP BY p.grid_code""").params(today(), prefix + "%", today())
				.query(rs -> {
					out.put(rs.getString(1), rs.getLong(2));
				});
		return out;
	}

	private List<Long> direct(String sql) {
		return jdbc.sql(sql).query(Long.class).list();
	}

	private static List<Long> ids(JsonNode list) {
		List<Long> out = new ArrayList<>();
		list.forEach(n -> out.add(n.get("id").asLong()));
		return out;
	}

	private static JsonNode find(JsonNode list, long id) {
		for (JsonNode n : list) {
			if (n.get("id").asLong() == id) {
				return n;
			}
		}
		throw new AssertionError("no point " + id);
	}

	private double[] centre(String code) {
		return jdbc.sql("SELECT center_lat, center_lng FROM jurisdiction WHERE code = ?").param(code)
				.query((rs, i) -> new double[] { rs.getDouble(1), rs.getDouble(2) }).single();
	}

	private static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	private CurrentUser user(String name) {
		return ((AccountPrincipal) users.loadUserByUsername(name)).toCurrentUser();
	}
}
