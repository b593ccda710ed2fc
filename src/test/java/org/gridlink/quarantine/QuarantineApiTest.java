package org.gridlink.quarantine;

import java.util.List;

import org.gridlink.support.TestIds;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;
import org.gridlink.shared.Masked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** The quarantine API and pages over the real security chain: record, order, act, boards, errors, who may do what. */
@WebTest
class QuarantineApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	QuarantineFixture fx;

	@Autowired
	QuarantineSites sites;

	ResultActions post(String user, String path, String json) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(as(user))
				.header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	String contactJson(long eventId, String idNumber) {
		return "{\"sourceKind\":\"EVENT\",\"eventId\":" + eventId + ",\"name\":\"吴接触\",\"idKind\":\"ID\",\"idNumber\":\""
				+ idNumber + "\",\"phone\":\"13900001111\",\"gridCode\":\"" + GRID1 + "\",\"exposureDate\":\""
				+ QuarantineFixture.today().minusDays(1) + "\",\"exposureType\":\"SAME_SPACE\",\"riskLevel\":\"HIGH\"}";
	}

	@Test
	void theContactsOfAnEventAreWalkedByCursor() throws Exception {
		long event = JsonPath.<Integer>read(post("community1", "/api/v1/quarantine/events", "{\"name\":\"翻页会议\",\"place\":"
				+ "\"社区会议室\",\"occurredOn\":\"" + QuarantineFixture.today().minusDays(1) + "\",\"jurisdictionCode\":\""
				+ COMMUNITY1 + "\"}").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		for (int i = 0; i < 5; i++) {
			post("community1", "/api/v1/quarantine/contacts", contactJson(event, TestIds.next())).andExpect(status().isCreated());
		}
		String filter = "/api/v1/quarantine/contacts?eventId=" + event;
		List<Integer> byPage = JsonPath.read(mvc.perform(get(filter + "&size=50").with(as("community1")))
				.andReturn().getResponse().getContentAsString(), "$.content[*].id");
		assertThat(byPage).hasSize(5);
		List<Integer> byCursor = new java.util.ArrayList<>();
		String after = null;
		do {
			String page = mvc.perform(get(filter + "&size=2" + (after == null ? "" : "&after=" + after))
					.with(as("community1"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			byCursor.addAll(JsonPath.read(page, "$.content[*].id"));
			after = JsonPath.read(page, "$.next");
		}
		while (after != null && byCursor.size() <= 5);
		assertThat(byCursor).containsExactlyElementsOf(byPage);
		mvc.perform(get(filter + "&after=x").with(as("community1"))).andExpect(status().isBadRequest());
	}

	@Test
	void recordOrderAndReleaseThroughTheApi() throws Exception {
		long event = JsonPath.<Integer>read(post("community1", "/api/v1/quarantine/events", "{\"name\":\"会议\",\"place\":"
				+ "\"社区会议室\",\"occurredOn\":\"" + QuarantineFixture.today().minusDays(1) + "\",\"jurisdictionCode\":\""
				+ COMMUNITY1 + "\"}").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		String idNumber = TestIds.next();
		String body = post("community1", "/api/v1/quarantine/contacts", contactJson(event, idNumber))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.generation").value(1))
				.andExpect(jsonPath("$.personIdNumber").value(Masked.idNumber(idNumber)))
				.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain(idNumber).doesNotContain("13900001111");
		int person = JsonPath.read(body, "$.personId");
		post("street1", "/api/v1/quarantine/contacts", contactJson(event, idNumber)).andExpect(status().isOk())
				.andExpect(jsonPath("$.merged").value(true)).andExpect(jsonPath("$.reports").value(2));
		mvc.perform(get("/api/v1/quarantine/persons/" + person).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.person.phone").value("139****1111"))
				.andExpect(jsonPath("$.contacts.length()").value(1));
		SiteView site = fx.site(2);
		String order = post("community1", "/api/v1/quarantine/orders", "{\"personId\":" + person
				+ ",\"type\":\"CENTRALIZED\",\"siteId\":" + site.id() + "}").andExpect(status().isCreated())
				.andExpect(jsonPath("$.plannedEnd").value(QuarantineFixture.today().minusDays(1).plusDays(14).toString()))
				.andReturn().getResponse().getContentAsString();
		int orderId = JsonPath.read(order, "$.id");
		post("community1", "/api/v1/quarantine/orders", "{\"personId\":" + person + ",\"type\":\"HOME\"}")
				.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/quarantine/sites/" + site.id() + "/board").with(as("leader")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.site.occupied").value(1))
				.andExpect(jsonPath("$.rooms[0].beds[0].personNameMasked").value("吴*触"));
		post("community1", "/api/v1/quarantine/orders/" + orderId + "/extend", "{\"plannedEnd\":\""
				+ QuarantineFixture.today().plusDays(20) + "\",\"reason\":\"复查\",\"version\":0}").andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value(1));
		post("community1", "/api/v1/quarantine/orders/" + orderId + "/extend", "{\"plannedEnd\":\""
				+ QuarantineFixture.today().plusDays(21) + "\",\"reason\":\"旧页面\",\"version\":0}")
				.andExpect(status().isConflict());
		post("grid1", "/api/v1/quarantine/orders/" + orderId + "/release", "{\"reason\":\"网格员不能解除\"}")
				.andExpect(status().isForbidden());
		post("community1", "/api/v1/quarantine/orders/" + orderId + "/release", "{}").andExpect(status().isBadRequest());
		post("community1", "/api/v1/quarantine/orders/" + orderId + "/release", "{\"reason\":\"经评估提前解除\"}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RELEASED"))
				.andExpect(jsonPath("$.releaseKind").value("EARLY"));
		mvc.perform(get("/api/v1/quarantine/orders/" + orderId).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.history[*].action").value(org.hamcrest.Matchers.contains("ORDERED", "ADMITTED",
						"EXTENDED", "DISCHARGED", "RELEASED")));
		mvc.perform(get("/api/v1/quarantine/persons").param("quarantine", "RELEASED").param("size", "500")
				.with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content[?(@.id == " + person + ")]").exists());
		post("grid1", "/api/v1/quarantine/persons/" + person + "/reveal", "{\"field\":\"idNumber\",\"reason\":\"上门核实\"}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.value").value(idNumber));
	}

	@Test
	void badInputAnswers400WithAMessage() throws Exception {
		long event = fx.event().id();
		post("community1", "/api/v1/quarantine/contacts", "{\"sourceKind\":\"EVENT\",\"eventId\":" + event + "}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").isNotEmpty());
		post("community1", "/api/v1/quarantine/contacts", contactJson(event, "320819199001011230"))
				.andExpect(status().isBadRequest());
		post("community1", "/api/v1/quarantine/contacts", contactJson(event, TestIds.next()).replace("HIGH", "EXTREME"))
				.andExpect(status().isBadRequest());
		post("community1", "/api/v1/quarantine/contacts", "not json").andExpect(status().isBadRequest());
		post("community1", "/api/v1/quarantine/orders", "{\"type\":\"HOME\"}").andExpect(status().isBadRequest());
		post("community1", "/api/v1/quarantine/orders", "{\"personId\":1,\"type\":\"BOAT\"}")
				.andExpect(status().isBadRequest());
		post("center", "/api/v1/quarantine/sites", "{\"name\":\"\",\"jurisdictionCode\":\"" + STREET1 + "\"}")
				.andExpect(status().isBadRequest());
		SiteView site = fx.site(1);
		post("center", "/api/v1/quarantine/sites/" + site.id() + "/rooms", "{\"number\":\"201\",\"floor\":2,\"beds\":11}")
				.andExpect(status().isBadRequest());
		post("center", "/api/v1/quarantine/sites/" + site.id() + "/rooms", "{\"number\":\"101\",\"floor\":1,\"beds\":1}")
				.andExpect(status().isBadRequest());
		mvc.perform(put("/api/v1/quarantine/rules").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"riskLevel\":\"LOW\",\"days\":0}")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/quarantine/contacts").param("size", "501").with(as("center")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/quarantine/persons").param("quarantine", "MAYBE").with(as("center")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/quarantine/orders/999999999").with(as("center"))).andExpect(status().isNotFound());
	}

	@Test
	void whoMayDoWhat() throws Exception {
		ContactView contact = fx.contact();
		for (String user : List.of("admin", "dept1", "police1", "property1", "checkpoint1", "auditor", "inspector1")) {
			mvc.perform(get("/api/v1/quarantine/contacts").with(as(user))).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/quarantine/persons/" + contact.personId()).with(as(user)))
					.andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/v1/quarantine/persons/" + contact.personId()).with(as("grid2")))
				.andExpect(status().isForbidden());
		post("leader", "/api/v1/quarantine/contacts", contactJson(contact.eventId(), TestIds.next()))
				.andExpect(status().isForbidden());
		post("community1", "/api/v1/quarantine/sites", "{\"name\":\"社区点\",\"jurisdictionCode\":\"" + COMMUNITY1 + "\"}")
				.andExpect(status().isForbidden());
		post("street1", "/api/v1/quarantine/sites", "{\"name\":\"别的街道\",\"jurisdictionCode\":\"320819002000\"}")
				.andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/quarantine/rules").with(as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"riskLevel\":\"LOW\",\"days\":7}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/quarantine/rules").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.riskLevel == 'HIGH' && @.exposureType == null)].days").value(14));
		mvc.perform(get("/api/v1/quarantine/sites").with(as("grid1"))).andExpect(status().isOk());
	}

	@Test
	void pagesShowMaskedDataAndTheActionsOfTheRole() throws Exception {
		ContactView contact = fx.contact();
		SiteView site = fx.site(1);
		mvc.perform(get("/quarantine/contacts").with(as("community1")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString(contact.personName())))
				.andExpect(content().string(containsString(contact.personIdNumber())))
				.andExpect(content().string(containsString("href=\"/quarantine\"")));
		mvc.perform(get("/quarantine/contacts/new").param("sourceContactId", String.valueOf(contact.id()))
				.with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("name=\"sourceContactId\"")));
		String page = mvc.perform(get("/quarantine/persons/" + contact.personId()).with(as("community1")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"order-form\"")))
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains(contact.personIdNumber());
		mvc.perform(get("/quarantine/persons/" + contact.personId()).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"order-form\""))));
		mvc.perform(get("/quarantine/persons/" + contact.personId()).with(as("grid2"))).andExpect(status().isForbidden());
		String location = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/quarantine/persons/" + contact.personId() + "/orders").with(as("community1")).with(csrf())
				.param("type", "CENTRALIZED").param("siteId", String.valueOf(site.id())))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/quarantine/orders/");
		mvc.perform(get(location).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"release-form\"")))
				.andExpect(content().string(containsString(site.name())));
		mvc.perform(get(location).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"release-form\""))));
		mvc.perform(get("/quarantine/sites/" + site.id()).with(as("street1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"room-form\"")))
				.andExpect(content().string(containsString(contact.personName().substring(0, 1) + "*")));
		SiteView spare = fx.site(2);
		long freeBed = sites.freeBeds(fx.user("street1"), spare.id()).get(0).id();
		mvc.perform(get("/quarantine/sites/" + spare.id()).with(as("street1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-bed=\"" + freeBed + "\"")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/quarantine/beds/" + freeBed + "/service").with(as("street1")).with(csrf())
				.param("siteId", String.valueOf(spare.id())).param("inService", "false"))
				.andExpect(status().is3xxRedirection());
		assertThat(sites.site(fx.user("street1"), spare.id()).capacity()).isEqualTo(1);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/quarantine/beds/" + freeBed + "/service").with(as("community1")).with(csrf())
				.param("siteId", String.valueOf(spare.id())).param("inService", "true"))
				.andExpect(status().isForbidden());
		mvc.perform(get("/quarantine/sites").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"site-form\""))));
		mvc.perform(get("/quarantine/orders").param("status", "ACTIVE").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString(contact.personName())));
		mvc.perform(get("/quarantine/sites/beds").param("siteId", String.valueOf(site.id())).with(as("community1")))
				.andExpect(status().isOk());
		mvc.perform(get("/quarantine/contacts").with(as("dept1"))).andExpect(status().isForbidden());
		// more than a page of contacts in the district (demo data): paging keeps a name search, never a number
		mvc.perform(get("/quarantine/contacts").param("q", "王").with(as("center"))).andExpect(status().isOk());
		mvc.perform(get("/quarantine/contacts").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("/quarantine/contacts?q=&amp;page=1")));
		// a form error comes back on the page with the message, and the typed ID number is not echoed
		String bad = TestIds.next().substring(0, 17) + "Z";
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/quarantine/contacts")
				.with(as("community1")).with(csrf()).param("lang", "en").param("sourceKind", "EVENT")
				.param("eventId", String.valueOf(contact.eventId())).param("name", "某人").param("idKind", "ID")
				.param("idNumber", bad).param("gridCode", GRID1).param("exposureDate", QuarantineFixture.today().toString())
				.param("exposureType", "MEAL").param("riskLevel", "LOW")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"form-error\"")))
				.andExpect(content().string(not(containsString(bad))));
	}
}
