package org.gridlink.jurisdiction;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** Tree, node, grid and map pages: content, counts, navigation by role, and scope. */
@WebTest
class JurisdictionPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void treeStartsAtTheUsersScope() throws Exception {
		mvc.perform(get("/jurisdictions").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString(DISTRICT)))
				.andExpect(content().string(containsString("1,291")));
		mvc.perform(get("/jurisdictions").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString(GRID1)))
				.andExpect(content().string(not(containsString(DISTRICT))));
	}

	@Test
	void treeUnfoldsByHtmxFragment() throws Exception {
		mvc.perform(get("/jurisdictions/" + DISTRICT + "/children").header("HX-Request", "true").with(as("center")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("城东街道")))
				.andExpect(content().string(containsString("柳湾镇")))
				.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void gridPageShowsBoundaryWorkersPoliceAndCompounds() throws Exception {
		mvc.perform(get("/jurisdictions/" + GRID1).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"grid-map\"")))
				.andExpect(content().string(containsString("Polygon")))
				.andExpect(content().string(containsString("金桥社区警格")))
				.andExpect(content().string(containsString("物业服务有限公司")))
				.andExpect(content().string(containsString("1号楼")));
	}

	@Test
	void communityPageListsPostedCadres() throws Exception {
		mvc.perform(get("/jurisdictions/" + COMMUNITY1).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"node-posts\"")))
				.andExpect(content().string(containsString("挂包干部：")))
				.andExpect(content().string(containsString("class=\"list-inline-item")));
	}

	@Test
	void otherGridPageIs403ForAGridWorker() throws Exception {
		mvc.perform(get("/jurisdictions/" + GRID2).with(as("grid1"))).andExpect(status().isForbidden())
				.andExpect(content().string(not(containsString("Polygon"))));
	}

	@Test
	void menuFitsTheRole() throws Exception {
		mvc.perform(get("/").with(as("admin"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("href=\"/admin/users\"")))
				.andExpect(content().string(not(containsString("href=\"/audit\""))));
		mvc.perform(get("/").with(as("auditor"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("href=\"/audit\"")))
				.andExpect(content().string(not(containsString("href=\"/admin/users\""))));
		mvc.perform(get("/").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("金桥社区第1网格")))
				.andExpect(content().string(not(containsString("href=\"/admin/users\""))));
	}

	@Test
	void mapPageLoadsGeoJsonOfTheScope() throws Exception {
		mvc.perform(get("/map").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"district-map\"")))
				.andExpect(content().string(containsString("/api/v1/grids/geojson")));
	}

	@Test
	void homeIsFittedToTheRole() throws Exception {
		mvc.perform(get("/").with(as("police1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("我的警格")))
				.andExpect(content().string(containsString("金桥社区警格")));
		mvc.perform(get("/").with(as("property1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("我的物业公司")));
		mvc.perform(get("/").with(as("dept1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("区城市管理局")));
		mvc.perform(get("/").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("1,291")))
				.andExpect(content().string(containsString("全区一览")))
				.andExpect(content().string(not(containsString("我的网格"))));
		mvc.perform(get("/?lang=en").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("Your grid")));
	}
}
