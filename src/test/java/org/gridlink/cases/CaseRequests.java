package org.gridlink.cases;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.gridlink.support.Demo.GRID1;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cases API calls the case tests share: a report in grid1's grid and one step on a case. */
final class CaseRequests {

	private CaseRequests() {
	}

	/** A case reported by grid1 in its own grid (category E0101) through the API; its id. */
	static long reportInGrid1(MockMvc mvc, String description) throws Exception {
		String json = mvc.perform(post("/api/v1/cases").with(as("grid1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"E0101\",\"description\":\"" + description + "\",\"jurisdictionCode\":\""
						+ GRID1 + "\",\"address\":\"金桥路 1 号\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	/** One step ({@code action} as in the URL) on a case through the API, as {@code user}. */
	static ResultActions step(MockMvc mvc, String user, long id, String action, String body, String language)
			throws Exception {
		return mvc.perform(post("/api/v1/cases/" + id + "/actions/" + action).with(as(user))
				.header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON).content(body));
	}
}
