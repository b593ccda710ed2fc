package org.gridlink.quarantine;

import org.gridlink.platform.CurrentUser;
import org.gridlink.quarantine.web.CheckInLimit;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * A check-in link follows its order as the order spine changes it: made by the order facade, it works; an extension
 * extends it; the release ends it. A centralized order has no check-in link.
 */
@WebTest
class CheckInLifecycleTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	QuarantineFixture fx;

	@Autowired
	QuarantineOrders orders;

	@Autowired
	CheckInLimit limit;

	@BeforeEach
	void setUp() {
		limit.reset();
	}

	@Test
	void theLinkWorksWhileTheOrderRunsFollowsAnExtensionAndEndsWithTheRelease() throws Exception {
		CurrentUser community = fx.user("community1");
		OrderView order = orders.order(community,
				new NewOrder(fx.contact().personId(), OrderType.HOME, null, null, QuarantineFixture.today()));
		String json = mvc.perform(post("/api/v1/quarantine/orders/" + order.id() + "/checkin-link").with(as("grid1")))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String url = JsonPath.read(json, "$.url");
		String token = url.substring(url.lastIndexOf('/') + 1);
		long days = order.daysLeft(QuarantineFixture.today());
		mvc.perform(get("/api/v1/checkin/" + token)).andExpect(status().isOk())
				.andExpect(jsonPath("$.maskedName").value(order.personNameMasked()))
				.andExpect(jsonPath("$.daysLeft").value((int) days));
		mvc.perform(post("/api/v1/checkin/" + token).contentType(MediaType.APPLICATION_JSON)
				.content("{\"temperature\":\"36.5\"}")).andExpect(status().isCreated());

		OrderView extended = orders.extend(community, order.id(), order.plannedEnd().plusDays(7), "复查未完成",
				order.version());
		mvc.perform(get("/api/v1/checkin/" + token)).andExpect(jsonPath("$.daysLeft").value((int) days + 7));
		mvc.perform(get("/api/v1/quarantine/orders/" + order.id() + "/monitoring").with(as("grid1")))
				.andExpect(jsonPath("$.link.expiresAt", startsWith(extended.plannedEnd().plusDays(1).toString())))
				.andExpect(jsonPath("$.checkedInToday").value(true));

		orders.release(community, order.id(), "提前解除：核酸阴性", extended.version());
		mvc.perform(get("/q/" + token)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/checkin/" + token).contentType(MediaType.APPLICATION_JSON)
				.content("{\"temperature\":\"36.5\"}")).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/quarantine/orders/" + order.id() + "/checkin-link").with(as("grid1")))
				.andExpect(status().isConflict());
	}

	@Test
	void aCentralizedOrderGetsNoCheckInLink() throws Exception {
		OrderView order = orders.order(fx.user("community1"), new NewOrder(fx.contact().personId(),
				OrderType.CENTRALIZED, fx.site(1).id(), null, QuarantineFixture.today()));
		mvc.perform(post("/api/v1/quarantine/orders/" + order.id() + "/checkin-link").with(as("center")))
				.andExpect(status().isConflict());
	}
}
