package org.gridlink.supplies;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.support.Concurrently;
import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridlink.support.Demo.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Reserves and requests through the API: the balance is always the ledger's sum (also under concurrent takes: never
 * below zero), an OUT beyond the balance is a 409, first-expiry-first suggestions, the low-stock note once per
 * crossing, a request's partial shipment and receipt, approval that can only cut, who may do which step, overdue
 * steps urged once, and bad input refused.
 */
@WebTest
class SuppliesTest {

	static final String OTHER_STREET_COMMUNITY = "320819002001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Reserves reserves;

	@Autowired
	SupplyUrging urging;

	@AfterEach
	void reset() {
		clock.reset();
	}

	/** A fresh warehouse of street 1 kept by its staff, or of the district kept by unit 2 (dept1's). */
	long warehouse(String level, String code, Long unit) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO supply_warehouse (name, level, jurisdiction_code, unit_id) VALUES (?, ?, ?, ?)")
				.params("测试仓库" + UUID.randomUUID().toString().substring(0, 6), level, code, unit).update(keys, "id");
		return keys.getKey().longValue();
	}

	ResultActions move(String user, String json) throws Exception {
		return mvc.perform(post("/api/v1/stock/movements").with(as(user)).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	String movement(long wh, String item, String lot, long quantity, String kind, String extra) {
		return "{\"warehouseId\":" + wh + ",\"itemCode\":\"" + item + "\"," + (lot == null ? "" : "\"lot\":\"" + lot
				+ "\",") + "\"quantity\":" + quantity + ",\"kind\":\"" + kind + "\"" + extra + "}";
	}

	void assertBalancesEqualLedger() {
		List<String> wrong = jdbc.sql("SELECT l.id FROM supply_lot l WHERE l.balance <> (SELECT COALESCE(SUM(m.quantity),"
				+ " 0) FROM supply_movement m WHERE m.lot_id = l.id) OR l.balance < 0").query(String.class).list();
		assertThat(wrong).isEmpty();
	}

	long balance(long wh, String item) {
		return jdbc.sql("SELECT COALESCE(SUM(balance), 0) FROM supply_lot WHERE warehouse_id = ? AND item_code = ?")
				.params(wh, item).query(Long.class).single();
	}

	static CurrentUser keeperOfStreet1() {
		return new CurrentUser(-1, "street1", "孙丽", Set.of(Role.STREET), Scope.of(List.of(STREET1)), null);
	}

	@Test
	void theBalanceIsTheLedgersSumAndAnOutBeyondItIsRefused() throws Exception {
		long wh = warehouse("STREET", STREET1, null);
		long other = warehouse("STREET", STREET1, null);
		move("street1", movement(wh, "MASK-N95", "A1", 100, "IN", ",\"expiresOn\":\"2027-06-30\"")).andExpect(status().isCreated());
		move("street1", movement(wh, "MASK-N95", "A2", 50, "IN", ",\"expiresOn\":\"2027-01-31\"")).andExpect(status().isCreated());
		// without a lot the OUT takes the earliest expiry first: 50 of A2, then 10 of A1
		move("street1", movement(wh, "MASK-N95", null, 60, "OUT", ""))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.length()").value(2))
				.andExpect(jsonPath("$[0].lot").value("A2")).andExpect(jsonPath("$[0].quantity").value(-50))
				.andExpect(jsonPath("$[1].lot").value("A1")).andExpect(jsonPath("$[1].quantity").value(-10));
		move("street1", movement(wh, "MASK-N95", "A1", 30, "TRANSFER", ",\"toWarehouseId\":" + other
				+ ",\"reason\":\"支援\"")).andExpect(status().isCreated()).andExpect(jsonPath("$.length()").value(2))
				.andExpect(jsonPath("$[1].warehouseId").value(other)).andExpect(jsonPath("$[1].quantity").value(30));
		move("street1", movement(wh, "MASK-N95", "A1", -5, "ADJUST", ",\"reason\":\"盘点破损\"")).andExpect(status().isCreated());
		move("street1", movement(wh, "MASK-N95", "A1", 56, "OUT", "")).andExpect(status().isConflict());
		assertThat(balance(wh, "MASK-N95")).isEqualTo(55);
		assertThat(balance(other, "MASK-N95")).isEqualTo(30);
		mvc.perform(get("/api/v1/stock").param("warehouse", String.valueOf(wh)).with(as("street1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].lot").value("A1")).andExpect(jsonPath("$[0].balance").value(55));
		mvc.perform(get("/api/v1/stock/ledger").param("warehouse", String.valueOf(wh)).with(as("street1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(6));
		assertBalancesEqualLedger();
	}

	@Test
	void concurrentOutsNeverDriveTheStockBelowZero() throws Exception {
		long wh = warehouse("STREET", STREET1, null);
		CurrentUser keeper = keeperOfStreet1();
		reserves.move(keeper, new MovementInput(wh, "RICE", "R1", 10L, "IN", null, "2027-01-01", null));
		reserves.move(keeper, new MovementInput(wh, "RICE", "R2", 5L, "IN", null, "2026-12-20", null));
		List<Boolean> results = Concurrently.run(take(keeper, wh), take(keeper, wh), take(keeper, wh),
				take(keeper, wh), take(keeper, wh), take(keeper, wh));
		long done = results.stream().filter(b -> b).count();
		assertThat(done).isEqualTo(3); // 15 units, 4 each: three takes fit, the others are refused
		assertThat(balance(wh, "RICE")).isEqualTo(3);
		assertBalancesEqualLedger();
	}

	java.util.concurrent.Callable<Boolean> take(CurrentUser keeper, long wh) {
		return () -> {
			try {
				reserves.move(keeper, new MovementInput(wh, "RICE", null, 4L, "OUT", null, null, null));
				return true;
			}
			catch (ConflictException ex) {
				return false;
			}
		};
	}

	@Test
	void theSuggestionTakesTheFirstExpiryFirst() throws Exception {
		long wh = warehouse("STREET", STREET1, null);
		CurrentUser keeper = keeperOfStreet1();
		reserves.move(keeper, new MovementInput(wh, "ALCOHOL", "NODATE", 10L, "IN", null, null, null));
		reserves.move(keeper, new MovementInput(wh, "ALCOHOL", "LATE", 10L, "IN", null, "2027-09-01", null));
		reserves.move(keeper, new MovementInput(wh, "ALCOHOL", "EARLY", 10L, "IN", null, "2026-12-31", null));
		reserves.move(keeper, new MovementInput(wh, "ALCOHOL", "MID", 10L, "IN", null, "2027-03-01", null));
		assertThat(reserves.suggest(wh, "ALCOHOL", 25)).extracting(Pick::lot, Pick::quantity)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("EARLY", 10L),
						org.assertj.core.groups.Tuple.tuple("MID", 10L), org.assertj.core.groups.Tuple.tuple("LATE", 5L));
		assertThat(reserves.suggest(wh, "ALCOHOL", 100)).extracting(Pick::lot)
				.containsExactly("EARLY", "MID", "LATE", "NODATE");
		mvc.perform(get("/api/v1/stock/suggestion").param("warehouse", String.valueOf(wh)).param("item", "ALCOHOL")
				.param("quantity", "12").with(as("street1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[0].lot").value("EARLY")).andExpect(jsonPath("$[1].lot").value("MID"))
				.andExpect(jsonPath("$[1].quantity").value(2));
	}

	long lowNotes(long wh) {
		return jdbc.sql("SELECT COUNT(*) FROM notice_message_key WHERE idem_key LIKE ?").param("supply-low:" + wh + ":%")
				.query(Long.class).single();
	}

	@Test
	void theLowStockNoteGoesOncePerCrossing() throws Exception {
		long wh = warehouse("STREET", STREET1, null);
		move("street1", movement(wh, "OIL", "O1", 100, "IN", "")).andExpect(status().isCreated());
		mvc.perform(put("/api/v1/stock/minimums").with(as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"warehouseId\":" + wh + ",\"itemCode\":\"OIL\",\"minimum\":50}")).andExpect(status().isOk());
		assertThat(lowNotes(wh)).isZero();
		move("street1", movement(wh, "OIL", null, 60, "OUT", "")).andExpect(status().isCreated());
		long once = lowNotes(wh);
		assertThat(once).isPositive(); // one note per keeper of the street
		move("street1", movement(wh, "OIL", null, 10, "OUT", "")).andExpect(status().isCreated());
		assertThat(lowNotes(wh)).isEqualTo(once);
		long street1 = jdbc.sql("SELECT id FROM app_user WHERE username = 'street1'").query(Long.class).single();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_outbox WHERE recipient_id = ? AND link = ?")
				.params(street1, "/supplies?warehouse=" + wh).query(Long.class).single()).isEqualTo(1);
		// back above the minimum and below again: a second crossing, a second note
		move("street1", movement(wh, "OIL", "O2", 100, "IN", "")).andExpect(status().isCreated());
		clock.advance(Duration.ofMinutes(1));
		move("street1", movement(wh, "OIL", null, 100, "OUT", "")).andExpect(status().isCreated());
		assertThat(lowNotes(wh)).isEqualTo(2 * once);
		mvc.perform(put("/api/v1/stock/minimums").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"warehouseId\":" + wh + ",\"itemCode\":\"OIL\",\"minimum\":5}")).andExpect(status().isForbidden());
	}

	long request(String user, String code, String lines) throws Exception {
		String json = mvc.perform(post("/api/v1/supply-requests").with(as(user)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"jurisdictionCode\":\"" + code + "\",\"lines\":" + lines + ",\"reason\":\"封控小区物资不足\"}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REQUESTED"))
				.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	ResultActions act(String user, long id, String action, String body) throws Exception {
		return mvc.perform(post("/api/v1/supply-requests/" + id + "/actions/" + action).with(as(user))
				.header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void aRequestIsApprovedCutAllocatedShippedInPartAndReceived() throws Exception {
		long wh = warehouse("DISTRICT", DISTRICT, 2L);
		move("dept1", movement(wh, "MASK-MED", "M1", 300, "IN", ",\"expiresOn\":\"2027-05-01\"")).andExpect(status().isCreated());
		move("dept1", movement(wh, "MASK-MED", "M0", 100, "IN", ",\"expiresOn\":\"2026-12-31\"")).andExpect(status().isCreated());
		move("dept1", movement(wh, "THERMO", "T1", 5, "IN", "")).andExpect(status().isCreated());
		long id = request("community1", COMMUNITY1,
				"[{\"itemCode\":\"MASK-MED\",\"quantity\":500},{\"itemCode\":\"THERMO\",\"quantity\":10}]");
		// approval can only cut
		act("street1", id, "approve", "{\"lines\":[{\"itemCode\":\"MASK-MED\",\"quantity\":600}]}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_INPUT"));
		act("community1", id, "approve", "{}").andExpect(status().isForbidden());
		act("street1", id, "allocate", "{\"warehouseId\":" + wh + "}").andExpect(status().isForbidden());
		act("center", id, "allocate", "{\"warehouseId\":" + wh + "}").andExpect(status().isConflict());
		act("street1", id, "approve", "{\"version\":7}").andExpect(status().isConflict());
		act("street1", id, "approve", "{\"version\":0,\"lines\":[{\"itemCode\":\"MASK-MED\",\"quantity\":400}]}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
				.andExpect(jsonPath("$.lines[0].approved").value(400)).andExpect(jsonPath("$.lines[1].approved").value(10));
		act("center", id, "allocate", "{}").andExpect(status().isBadRequest());
		act("center", id, "allocate", "{\"warehouseId\":" + wh + "}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("ALLOCATED"));
		// only the unit that keeps the warehouse ships; shipping more than approved is refused; short stock is a 409
		act("street1", id, "ship", "{}").andExpect(status().isForbidden());
		act("dept1", id, "ship", "{\"lines\":[{\"itemCode\":\"THERMO\",\"quantity\":11}]}").andExpect(status().isBadRequest());
		act("dept1", id, "ship", "{}").andExpect(status().isConflict()); // 10 thermometers approved, 5 in stock
		assertThat(balance(wh, "MASK-MED")).isEqualTo(400);
		act("dept1", id, "ship", "{\"lines\":[{\"itemCode\":\"MASK-MED\",\"quantity\":350},{\"itemCode\":\"THERMO\","
				+ "\"quantity\":5}]}").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SHIPPED"))
				.andExpect(jsonPath("$.lines[0].shipped").value(350)).andExpect(jsonPath("$.lines[1].shipped").value(5));
		assertThat(balance(wh, "MASK-MED")).isEqualTo(50);
		assertThat(jdbc.sql("SELECT balance FROM supply_lot WHERE warehouse_id = ? AND lot = 'M0'").param(wh)
				.query(Long.class).single()).isZero(); // the earlier expiry went first
		act("community1", id, "receive", "{\"lines\":[{\"itemCode\":\"THERMO\",\"quantity\":6}]}")
				.andExpect(status().isBadRequest());
		act("community1", id, "receive", "{\"lines\":[{\"itemCode\":\"MASK-MED\",\"quantity\":340}]}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RECEIVED"));
		mvc.perform(get("/api/v1/supply-requests/" + id).with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.lines[0].requested").value(500)).andExpect(jsonPath("$.lines[0].approved").value(400))
				.andExpect(jsonPath("$.lines[0].shipped").value(350)).andExpect(jsonPath("$.lines[0].received").value(340))
				.andExpect(jsonPath("$.lines[1].received").value(5));
		mvc.perform(get("/api/v1/supply-gaps").param("place", COMMUNITY1).param("days", "1").with(as("street1")))
				.andExpect(status().isOk());
		assertBalancesEqualLedger();
	}

	@Test
	void everyRoleSeesAndActsOnlyWithinItsScope() throws Exception {
		long wh = warehouse("DISTRICT", DISTRICT, 2L);
		long streetWh = warehouse("STREET", STREET1, null);
		// a community asks only for its own community
		mvc.perform(post("/api/v1/supply-requests").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"jurisdictionCode\":\"" + OTHER_STREET_COMMUNITY + "\",\"lines\":[{\"itemCode\":\"RICE\","
						+ "\"quantity\":1}],\"reason\":\"x\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/supply-requests").with(as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"jurisdictionCode\":\"" + COMMUNITY1 + "\",\"lines\":[{\"itemCode\":\"RICE\","
						+ "\"quantity\":1}],\"reason\":\"x\"}")).andExpect(status().isForbidden());
		long id = request("community1", COMMUNITY1, "[{\"itemCode\":\"RICE\",\"quantity\":3}]");
		mvc.perform(get("/api/v1/supply-requests/" + id).with(as("liaison1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/supply-requests/" + id).with(as("checkpoint1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/supply-requests/" + id).with(as("leader"))).andExpect(status().isOk());
		act("leader", id, "approve", "{}").andExpect(status().isForbidden());
		// warehouses: a community sees none of the street's or district's; dept1 its unit's; the street its own
		mvc.perform(get("/api/v1/stock").param("warehouse", String.valueOf(streetWh)).with(as("community1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/stock").param("warehouse", String.valueOf(wh)).with(as("dept1")))
				.andExpect(status().isOk());
		mvc.perform(get("/api/v1/stock").param("warehouse", String.valueOf(streetWh)).with(as("dept1")))
				.andExpect(status().isForbidden());
		String list = mvc.perform(get("/api/v1/warehouses").with(as("dept1"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		List<Integer> unitIds = JsonPath.read(list, "$[*].unitId");
		assertThat(unitIds).isNotEmpty().allMatch(u -> u == 2);
		move("center", movement(wh, "RICE", "X", 1, "IN", "")).andExpect(status().isForbidden());
		move("community1", movement(streetWh, "RICE", "X", 1, "IN", "")).andExpect(status().isForbidden());
		move("liaison1", movement(streetWh, "RICE", "X", 1, "IN", "")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/supply-gaps").with(as("dept1"))).andExpect(status().isForbidden());
	}

	@Test
	void anOverdueStepIsUrgedOnce() throws Exception {
		long id = request("community1", COMMUNITY1, "[{\"itemCode\":\"WATER\",\"quantity\":20}]");
		urging.urge();
		assertThat(urges(id)).isZero();
		clock.advance(Duration.ofHours(25));
		urging.urge();
		long street1 = jdbc.sql("SELECT id FROM app_user WHERE username = 'street1'").query(Long.class).single();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_message_key WHERE idem_key = ?")
				.param("supply-urge:" + id + ":REQUESTED:" + street1).query(Long.class).single()).isEqualTo(1);
		long first = urges(id);
		urging.urge();
		assertThat(urges(id)).isEqualTo(first);
		// the next step has a limit of its own
		act("street1", id, "approve", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.overdue").value(false));
		clock.advance(Duration.ofHours(25));
		urging.urge();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_message_key WHERE idem_key LIKE ?")
				.param("supply-urge:" + id + ":APPROVED:%").query(Long.class).single()).isPositive();
	}

	long urges(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM notice_message_key WHERE idem_key LIKE ?").param("supply-urge:" + id + ":%")
				.query(Long.class).single();
	}

	@Test
	void badInputIsRefused() throws Exception {
		long wh = warehouse("STREET", STREET1, null);
		for (String bad : List.of(movement(wh, "RICE", "L", 1, "STEAL", ""), movement(wh, "NOPE", "L", 1, "IN", ""),
				movement(wh, "RICE", "L", 0, "IN", ""), movement(wh, "RICE", "L", -3, "OUT", ""),
				movement(wh, "RICE", null, 1, "IN", ""), movement(wh, "RICE", "L", 1, "ADJUST", ""),
				movement(wh, "RICE", "L", 1, "IN", ",\"expiresOn\":\"31.12.2027\""),
				movement(wh, "RICE", "L", 1, "TRANSFER", ",\"reason\":\"r\""),
				movement(wh, "RICE", "L", 1, "TRANSFER", ",\"reason\":\"r\",\"toWarehouseId\":" + wh),
				movement(wh, "RICE", "L", 99_000_000, "IN", ""),
				"{\"itemCode\":\"RICE\",\"lot\":\"L\",\"quantity\":1,\"kind\":\"IN\"}",
				"{\"warehouseId\":" + wh + ",\"itemCode\":\"RICE\",\"lot\":\"L\",\"kind\":\"IN\"}")) {
			move("street1", bad).andExpect(status().isBadRequest());
		}
		move("street1", "{\"warehouseId\":\"abc\"}").andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/stock").param("item", "NOPE").with(as("street1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/stock").param("warehouse", "x").with(as("street1"))).andExpect(status().isBadRequest());
		for (String bad : List.of(
				"{\"jurisdictionCode\":\"" + STREET1 + "\",\"lines\":[{\"itemCode\":\"RICE\",\"quantity\":1}],\"reason\":\"r\"}",
				"{\"jurisdictionCode\":\"abc\",\"lines\":[{\"itemCode\":\"RICE\",\"quantity\":1}],\"reason\":\"r\"}",
				"{\"jurisdictionCode\":\"" + COMMUNITY1 + "\",\"lines\":[],\"reason\":\"r\"}",
				"{\"jurisdictionCode\":\"" + COMMUNITY1 + "\",\"lines\":[{\"itemCode\":\"RICE\",\"quantity\":1}]}",
				"{\"jurisdictionCode\":\"" + COMMUNITY1 + "\",\"lines\":[{\"itemCode\":\"RICE\",\"quantity\":0}],\"reason\":\"r\"}",
				"{\"jurisdictionCode\":\"" + COMMUNITY1 + "\",\"lines\":[{\"itemCode\":\"NOPE\",\"quantity\":1}],\"reason\":\"r\"}",
				"{\"jurisdictionCode\":\"" + COMMUNITY1 + "\",\"lines\":[{\"itemCode\":\"RICE\",\"quantity\":1},"
						+ "{\"itemCode\":\"RICE\",\"quantity\":2}],\"reason\":\"r\"}",
				"{\"jurisdictionCode\":\"" + COMMUNITY1 + "\",\"lines\":[{\"itemCode\":\"RICE\",\"quantity\":\"many\"}],"
						+ "\"reason\":\"r\"}")) {
			mvc.perform(post("/api/v1/supply-requests").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
					.content(bad)).andExpect(status().isBadRequest());
		}
		long id = request("community1", COMMUNITY1, "[{\"itemCode\":\"RICE\",\"quantity\":3}]");
		act("street1", id, "explode", "{}").andExpect(status().isBadRequest());
		act("street1", id, "approve", "{\"lines\":[{\"itemCode\":\"OIL\",\"quantity\":1}]}").andExpect(status().isBadRequest());
		act("street1", id, "approve", "{\"lines\":[{\"itemCode\":\"RICE\",\"quantity\":-1}]}").andExpect(status().isBadRequest());
		act("street1", id, "approve", "{\"note\":\"" + "长".repeat(501) + "\"}").andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/supply-requests/999999999").with(as("street1"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/supply-gaps").param("days", "0").with(as("street1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/supply-gaps").param("place", "x").with(as("street1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/supply-requests").param("status", "LOST").with(as("street1"))).andExpect(status().isBadRequest());
	}
}
