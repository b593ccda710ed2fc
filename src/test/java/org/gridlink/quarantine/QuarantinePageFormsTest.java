package org.gridlink.quarantine;

import org.gridlink.support.TestIds;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** The forms of the quarantine pages, bound to their records: record a contact, order, extend, transfer, release. */
@WebTest
class QuarantinePageFormsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	QuarantineFixture fx;

	@Autowired
	QuarantineOrders orders;

	@Test
	void anUnknownCodeOnTheSiteFormComesBackBesideItsFieldWithTheFormOpen() throws Exception {
		String unknown = STREET1.substring(0, 9) + "999";
		var posted = mvc.perform(post("/quarantine/sites").with(as("street1")).with(csrf()).param("name", "未知隔离点")
				.param("address", "某路 1 号").param("jurisdictionCode", unknown))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("siteJurisdictionError"))
				.andReturn();
		String html = mvc.perform(get("/quarantine/sites").with(as("street1"))
				.cookie(posted.getResponse().getCookie("SESSION"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(html).contains("id=\"site-j-error\"", "value=\"未知隔离点\"", "value=\"" + unknown + "\"", "open=\"open\"");
	}

	@Test
	void anUnknownCodeOnTheEventFormComesBackBesideItsFieldWithTheFormOpen() throws Exception {
		String unknown = COMMUNITY1 + "999";
		var posted = mvc.perform(post("/quarantine/events").with(as("community1")).with(csrf()).param("name", "未知聚餐")
				.param("place", "某饭店").param("occurredOn", QuarantineFixture.today().toString())
				.param("jurisdictionCode", unknown))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("eventJurisdictionError"))
				.andReturn();
		String html = mvc.perform(get("/quarantine/contacts/new").with(as("community1"))
				.cookie(posted.getResponse().getCookie("SESSION"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(html).contains("id=\"ev-j-error\"", "value=\"未知聚餐\"", "value=\"" + unknown + "\"", "open=\"open\"");
	}

	@Test
	void anUnknownGridOnTheContactFormIsAFieldErrorWithTheFormKept() throws Exception {
		ExposureEvent event = fx.event();
		String unknown = COMMUNITY1 + "999";
		mvc.perform(post("/quarantine/contacts").with(as("community1")).with(csrf())
				.param("sourceKind", "EVENT").param("eventId", String.valueOf(event.id()))
				.param("caseId", "").param("sourceContactId", "").param("name", "钱未知").param("idKind", "ID")
				.param("idNumber", TestIds.next()).param("phone", "").param("gridCode", unknown).param("address", "")
				.param("exposureDate", QuarantineFixture.today().minusDays(1).toString())
				.param("exposureType", "MEAL").param("riskLevel", "HIGH").param("jurisdictionCode", ""))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"gridCode-error\"")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"钱未知\"")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + unknown + "\"")));
	}

	@Test
	void aContactIsRecordedAndItsOrderExtendedTransferredAndReleasedThroughThePageForms() throws Exception {
		ExposureEvent event = fx.event();
		String personPage = mvc.perform(post("/quarantine/contacts").with(as("community1")).with(csrf())
				.param("sourceKind", "EVENT").param("eventId", String.valueOf(event.id()))
				.param("caseId", "").param("sourceContactId", "").param("name", "孙表单").param("idKind", "ID")
				.param("idNumber", TestIds.next()).param("phone", "").param("gridCode", GRID1).param("address", "")
				.param("exposureDate", QuarantineFixture.today().minusDays(1).toString())
				.param("exposureType", "MEAL").param("riskLevel", "HIGH").param("jurisdictionCode", "")
				.param("note", "")).andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flash"))
				.andReturn().getResponse().getRedirectedUrl();
		assertThat(personPage).startsWith("/quarantine/persons/");
		SiteView site = fx.site(2);

		String orderPage = mvc.perform(post(personPage + "/orders").with(as("community1")).with(csrf())
				.param("type", "CENTRALIZED").param("siteId", String.valueOf(site.id())).param("bedId", "")
				.param("startDate", "")).andExpect(status().is3xxRedirection()).andReturn().getResponse()
				.getRedirectedUrl();
		long id = Long.parseLong(orderPage.substring(orderPage.lastIndexOf('/') + 1));
		OrderView order = orders.find(id).orElseThrow();
		assertThat(order.type()).isEqualTo(OrderType.CENTRALIZED);

		mvc.perform(post(orderPage + "/extend").with(as("community1")).with(csrf())
				.param("plannedEnd", order.plannedEnd().plusDays(2).toString()).param("reason", "复查")
				.param("version", String.valueOf(order.version()))).andExpect(flash().attributeExists("flash"));
		assertThat(orders.find(id).orElseThrow().plannedEnd()).isEqualTo(order.plannedEnd().plusDays(2));

		// a home transfer ignores the site left selected in the page
		mvc.perform(post(orderPage + "/transfer").with(as("community1")).with(csrf()).param("type", "HOME")
				.param("siteId", String.valueOf(site.id())).param("reason", "转居家")).andExpect(flash().attributeExists("flash"));
		assertThat(orders.find(id).orElseThrow().type()).isEqualTo(OrderType.HOME);

		mvc.perform(post(orderPage + "/release").with(as("community1")).with(csrf()).param("reason", ""))
				.andExpect(flash().attributeExists("flashError"));
		mvc.perform(post(orderPage + "/release").with(as("community1")).with(csrf()).param("reason", "提前解除"))
				.andExpect(flash().attributeExists("flash"));
		assertThat(orders.find(id).orElseThrow().releaseKind()).isEqualTo(ReleaseKind.EARLY);

		// the history reads in words and names people (the rows keep HOME, EARLY and the usernames)
		String html = mvc.perform(get(orderPage).with(as("community1"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		String history = html.substring(html.indexOf("id=\"order-history\""), html.indexOf("</ol>", html.indexOf("id=\"order-history\"")));
		assertThat(history).contains("居家隔离", "集中隔离", fx.user("community1").displayName())
				.doesNotContain("HOME", "CENTRALIZED", "EARLY", "· community1");

		// the API's list filters bind to ContactQuery and OrderQuery
		mvc.perform(get("/api/v1/quarantine/contacts").param("eventId", String.valueOf(event.id()))
				.with(as("community1"))).andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(1))
				.andExpect(jsonPath("$.content[0].personName").value("孙表单"));
		mvc.perform(get("/api/v1/quarantine/orders").param("status", "RELEASED").param("type", "HOME")
				.param("jurisdiction", GRID1).param("size", "500").with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content[?(@.id == " + id + ")]").exists());
		mvc.perform(get("/api/v1/quarantine/orders").param("status", "ACTIVE").param("size", "500")
				.with(as("community1"))).andExpect(jsonPath("$.content[?(@.id == " + id + ")]").doesNotExist());
		mvc.perform(get("/api/v1/quarantine/orders").param("status", "GONE").with(as("community1")))
				.andExpect(status().isBadRequest());
	}
}
