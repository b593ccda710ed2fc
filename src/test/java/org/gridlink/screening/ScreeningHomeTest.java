package org.gridlink.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;

import org.gridlink.platform.CurrentUser;
import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A running campaign is on the home of those who take part: the grid worker's leads straight to the household list. */
@WebTest
class ScreeningHomeTest {

	@Autowired
	Fixture fixture;

	@Autowired
	Screening screening;

	@Autowired
	MockMvc mvc;

	@Test
	void theRunningCampaignWithItsProgressIsOnTheHomeOfItsGridWorkerAndCommunity() throws Exception {
		fixture.household("grid1", Demo.GRID1, 2);
		CurrentUser community = fixture.user("community1");
		long id = screening.create(community, new NewCampaign("首页排查" + System.nanoTime() % 100_000, Demo.COMMUNITY1,
				LocalDate.now(), LocalDate.now().plusDays(1), Questionnaire.standard())).id();
		screening.start(community, id);
		CampaignView campaign = fixture.awaitRunning(id);
		try {
			String grid = home("grid1");
			String actions = grid.substring(grid.indexOf("id=\"home-actions\""), grid.indexOf("id=\"home-tasks\""));
			assertThat(actions).contains("href=\"/screening/" + id + "/work\"", "我的排查");
			Progress mine = screening.progress(fixture.user("grid1"), id, null);
			assertThat(grid).contains("进行中的排查", campaign.name() + " · " + mine.name() + " 0 / " + mine.households());

			String home = home("community1");
			assertThat(home).contains("href=\"/screening/" + id, "进行中的排查", campaign.name() + " · ");
		}
		finally {
			screening.close(community, id);
		}
		assertThat(home("grid1")).doesNotContain(campaign.name());
	}

	private String home(String user) throws Exception {
		return mvc.perform(get("/").with(as(user))).andReturn().getResponse().getContentAsString();
	}
}
