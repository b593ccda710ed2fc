package org.gridlink.platform;

import java.util.List;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.NewCase;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code %} and {@code _} typed into a search match themselves, not everything ({@link Like}). */
@WebTest
class LikeSearchTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseManagement cases;

	@Autowired
	Accounts accounts;

	@Autowired
	Organization organization;

	@Test
	void theWildcardsAreEscaped() {
		assertThat(Like.contains(" 100%_a\\b ")).isEqualTo("%100\\%\\_a\\\\b%");
		assertThat(Like.contains(null)).isEqualTo("%%");
	}

	@Test
	void searchingForAWildcardFindsOnlyTextsContainingIt() throws Exception {
		cases.reportAs("like-test", new NewCase("E0101", "优惠 100%_ 广告牌", GRID1, null, null, null,
				CaseSource.RESIDENT, null), null);
		for (String q : List.of("%", "_", "100%_")) {
			List<String> found = JsonPath.read(mvc.perform(get("/api/v1/cases").param("q", q).param("size", "500")
					.with(as("center"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
					"$.content[*].description");
			assertThat(found).as("cases q=" + q).isNotEmpty().allMatch(d -> d.contains(q));
		}
		for (String path : List.of("/api/v1/residents", "/api/v1/quarantine/contacts")) {
			for (String q : List.of("%", "_")) {
				mvc.perform(get(path).param("q", q).with(as("center"))).andExpect(status().isOk())
						.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
								.jsonPath("$.page.totalElements").value(0));
			}
		}
		assertThat(accounts.list("%", Pageable.ofSize(10)).getTotalElements()).isZero();
		assertThat(accounts.list("_", Pageable.ofSize(10)).getTotalElements()).isZero();
		assertThat(organization.staff(null, "%", Pageable.ofSize(10)).getTotalElements()).isZero();
		assertThat(organization.units("_", Pageable.ofSize(10)).getTotalElements()).isZero();
	}
}
