package org.gridlink.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The center's planning pages: a wrong field gets its own message in words beside it (the entered values kept), a
 * right form creates the group, the check item or the round; others may not plan.
 */
@WebTest
class InspectionPlanPagesTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;

	@Test
	void aGroupNeedsItsNameAndLeadersUnitThenIsCreated() throws Exception {
		long unit = jdbc.sql("SELECT MIN(unit_id) FROM inspection_group_member").query(Long.class).single();
		String page = mvc.perform(post("/inspection/plan/groups").with(as("center")).param("lang", "en")
				.param("name", "").param("leaderName", "赵强").param("memberName0", "钱明")
				.param("memberUnit0", String.valueOf(unit))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("id=\"leaderUnitId-error\"").contains("Choose the leader&#39;s unit.")
				.contains("value=\"赵强\"").contains("value=\"钱明\"");
		page = mvc.perform(post("/inspection/plan/groups").with(as("center")).param("lang", "en")
				.param("name", "").param("leaderName", "赵强").param("leaderUnitId", String.valueOf(unit)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"name-error\"").contains("Give the group a name of at most 100 characters.");
		String name = "第九督导组" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/inspection/plan/groups").with(as("center")).param("name", name).param("leaderName", "赵强")
				.param("leaderUnitId", String.valueOf(unit)).param("memberName0", "钱明")
				.param("memberUnit0", String.valueOf(unit)).param("communities", "320819001001")
				.param("units", String.valueOf(unit))).andExpect(status().is3xxRedirection());
		long group = jdbc.sql("SELECT id FROM inspection_group WHERE name = ?").param(name).query(Long.class).single();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection_group_member WHERE group_id = ?").param(group)
				.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT community_code FROM inspection_group_community WHERE group_id = ?").param(group)
				.query(String.class).list()).containsExactly("320819001001");
	}

	@Test
	void aCheckItemsWeightMustBeANumberThenItJoinsTheLibrary() throws Exception {
		String text = "垃圾分类点位有专人值守" + UUID.randomUUID().toString().substring(0, 6);
		String page = mvc.perform(post("/inspection/plan/items").with(as("center")).param("lang", "en")
				.param("text", text).param("category", "S0604").param("weight", "heavy")
				.param("targetKinds", "COMMUNITY")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("id=\"weight-error\"").contains("The weight must be between 1 and 100.");
		mvc.perform(post("/inspection/plan/items").with(as("center")).param("text", text).param("category", "S0604")
				.param("weight", "2").param("targetKinds", "COMMUNITY")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT weight FROM inspection_check_item WHERE text = ?").param(text).query(Integer.class)
				.single()).isEqualTo(2);
	}

	@Test
	void aRoundNeedsAChecklistThenIsPlanned() throws Exception {
		long group = jdbc.sql("SELECT MIN(id) FROM inspection_group").query(Long.class).single();
		long item = jdbc.sql("SELECT MIN(id) FROM inspection_check_item").query(Long.class).single();
		String title = "专项督查" + UUID.randomUUID().toString().substring(0, 6);
		LocalDate day = LocalDate.now().plusDays(3);
		String page = mvc.perform(post("/inspection/plan/rounds").with(as("center")).param("lang", "en")
				.param("title", title).param("startsOn", day.toString()).param("endsOn", day.plusDays(2).toString())
				.param("targets" + group, "320819001001")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("id=\"checkItemIds-error\"").contains("Choose the round&#39;s checklist");
		page = mvc.perform(post("/inspection/plan/rounds").with(as("center")).param("lang", "en")
				.param("title", title).param("startsOn", day.toString()).param("endsOn", day.minusDays(2).toString())
				.param("checkItemIds", String.valueOf(item)).param("targets" + group, "320819001001"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"dates-error\"");
		mvc.perform(post("/inspection/plan/rounds").with(as("center")).param("title", title)
				.param("startsOn", day.toString()).param("endsOn", day.plusDays(2).toString())
				.param("checkItemIds", String.valueOf(item)).param("targets" + group, "320819001001"))
				.andExpect(status().is3xxRedirection());
		long round = jdbc.sql("SELECT id FROM inspection_round WHERE title = ?").param(title).query(Long.class)
				.single();
		assertThat(jdbc.sql("SELECT group_id FROM inspection_target WHERE round_id = ?").param(round)
				.query(Long.class).list()).containsExactly(group);
	}

	@Test
	void onlyThePlannersPlan() throws Exception {
		mvc.perform(get("/inspection/plan/rounds/new").with(as("community1"))).andExpect(status().isForbidden());
		mvc.perform(get("/inspection/plan/groups/new").with(as("center"))).andExpect(status().isOk());
	}
}
