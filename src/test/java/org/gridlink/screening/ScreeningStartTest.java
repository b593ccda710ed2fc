package org.gridlink.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import org.gridlink.platform.CurrentUser;
import org.gridlink.residents.HouseholdView;
import org.gridlink.residents.Residents;
import org.gridlink.support.JobHooks;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Starting a campaign answers at once (202, STARTING) and prepares the grid tasks in the background: the counts
 * equal a direct count, records are refused until it is RUNNING, the page polls a progress bar, and a start that
 * stopped half-way is completed by the resume without a grid written twice.
 */
@WebTest
class ScreeningStartTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	Screening screening;

	@Autowired
	CampaignStarter starter;

	@Autowired
	JobHooks hooks;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient jdbc;

	Fixture.Household home;

	@BeforeEach
	void household() {
		home = fixture.household("grid1", GRID1, 2);
	}

	@AfterEach
	void resetHooks() {
		hooks.reset();
	}

	long draft() throws Exception {
		String body = mvc.perform(post("/api/v1/screening/campaigns").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"启动测试\",\"jurisdictionCode\":\""
						+ COMMUNITY1 + "\",\"from\":\"2026-11-01\",\"to\":\"2026-11-30\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	String record() {
		return "[{\"clientId\":\"" + UUID.randomUUID() + "\",\"householdId\":" + home.id()
				+ ",\"outcome\":\"ALL_NORMAL\"}]";
	}

	@Test
	void startAnswers202AtOnceAndReachesRunningWithTasksEqualToADirectCount() throws Exception {
		long id = draft();
		int grids = grids().size();
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/start").with(as("community1")))
				.andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("STARTING"))
				.andExpect(jsonPath("$.gridsTotal").value(grids)).andExpect(jsonPath("$.gridsDone").isNumber())
				.andExpect(jsonPath("$.startedAt").doesNotExist());
		fixture.awaitRunning(id);
		mvc.perform(get("/api/v1/screening/campaigns/" + id).with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("RUNNING")).andExpect(jsonPath("$.gridsTotal").value(grids))
				.andExpect(jsonPath("$.gridsDone").value(grids)).andExpect(jsonPath("$.startedAt").isNotEmpty());
		assertMatchesADirectCount(id);
	}

	@Test
	void recordsAreRefusedWhileStartingAndThePagePollsAProgressBar() throws Exception {
		long id = draft();
		mvc.perform(get("/screening/" + id + "?lang=en").with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"screening-start\"")))
				.andExpect(content().string(not(containsString("id=\"screening-progress\""))));
		CountDownLatch hold = hooks.hold(CampaignStarter.QUEUE);
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/start").with(as("community1")))
				.andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("STARTING"));
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/records").with(as("grid1"))
				.header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(record()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message", containsString("not running (STARTING)")));
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/close").with(as("community1")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/screening/" + id + "?lang=en").with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
				.andExpect(content().string(containsString("/screening/" + id + "/preparing")))
				.andExpect(content().string(containsString("Preparing tasks: 0 / " + grids().size() + " grids")))
				.andExpect(content().string(not(containsString("id=\"screening-export\""))))
				.andExpect(content().string(not(containsString("<script>"))));
		mvc.perform(get("/screening/" + id + "/preparing").with(as("community1")).header("HX-Request", "true"))
				.andExpect(status().isOk()).andExpect(header().doesNotExist("HX-Refresh"))
				.andExpect(content().string(containsString("id=\"screening-preparing\"")))
				.andExpect(content().string(not(containsString("<html"))));
		assertThat(screening.find(id).orElseThrow().status()).isEqualTo(CampaignStatus.STARTING);

		hold.countDown();
		fixture.awaitRunning(id);
		mvc.perform(get("/screening/" + id + "/preparing").with(as("community1")).header("HX-Request", "true"))
				.andExpect(status().isOk()).andExpect(header().string("HX-Refresh", "true"));
		mvc.perform(get("/screening/" + id).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"screening-progress\"")))
				.andExpect(content().string(not(containsString("id=\"screening-preparing\""))));
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/records").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content(record()))
				.andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
	}

	@Test
	void aStartStoppedHalfWayIsCompletedByTheResumeWithoutDuplicates() throws Exception {
		CurrentUser community = fixture.user("community1");
		long id = screening.create(community, new NewCampaign("中断测试", COMMUNITY1, LocalDate.now(),
				LocalDate.now().plusDays(1), Questionnaire.standard())).id();
		hooks.crashAfter(CampaignStarter.QUEUE, 3);
		screening.start(community, id);
		assertThatThrownBy(() -> starter.await(id, 30)).isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(JobHooks.SimulatedCrash.class);
		CampaignView stopped = screening.find(id).orElseThrow();
		assertThat(stopped.status()).isEqualTo(CampaignStatus.STARTING);
		assertThat(stopped.gridsDone()).isEqualTo(3);
		assertThat(tasks(id)).isEqualTo(3);

		hooks.reset();
		starter.resumeUnfinished(); // what start-up does for a campaign left STARTING
		starter.await(id, 30);
		CampaignView resumed = fixture.awaitRunning(id);
		assertThat(resumed.gridsDone()).isEqualTo(resumed.gridsTotal()).isEqualTo(grids().size());
		assertThat(resumed.startedAt()).isNotNull();
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT grid_code) FROM screening_task WHERE campaign_id = ?").param(id)
				.query(Long.class).single()).isEqualTo(tasks(id));
		assertMatchesADirectCount(id);
		// resuming again changes nothing
		starter.run(id);
		assertMatchesADirectCount(id);
	}

	private long tasks(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM screening_task WHERE campaign_id = ?").param(id).query(Long.class)
				.single();
	}

	private List<String> grids() {
		return jdbc.sql("SELECT code FROM jurisdiction WHERE level = 'GRID' AND code LIKE ? ORDER BY code")
				.param(COMMUNITY1.substring(0, 12) + "%").query(String.class).list();
	}

	/** One task per grid and one household row per household of the registry, with the same member counts. */
	private void assertMatchesADirectCount(long id) {
		List<String> grids = grids();
		assertThat(tasks(id)).isEqualTo(grids.size());
		long households = 0;
		long persons = 0;
		for (String grid : grids) {
			List<HouseholdView> registry = residents.households(grid);
			long members = registry.stream().mapToLong(HouseholdView::members).sum();
			households += registry.size();
			persons += members;
			assertThat(jdbc.sql("SELECT households FROM screening_task WHERE campaign_id = ? AND grid_code = ?")
					.params(id, grid).query(Long.class).single()).as(grid).isEqualTo(registry.size());
			assertThat(jdbc.sql("SELECT persons FROM screening_task WHERE campaign_id = ? AND grid_code = ?")
					.params(id, grid).query(Long.class).single()).as(grid).isEqualTo(members);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_household WHERE campaign_id = ?").param(id)
				.query(Long.class).single()).isEqualTo(households);
		assertThat(jdbc.sql("SELECT COALESCE(SUM(members), 0) FROM screening_household WHERE campaign_id = ?").param(id)
				.query(Long.class).single()).isEqualTo(persons);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT household_id) FROM screening_household WHERE campaign_id = ?")
				.param(id).query(Long.class).single()).isEqualTo(households);
	}
}
