package org.gridlink.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.CurrentUsers;
import org.gridlink.platform.ListPage;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The case list's total for the pages: exact up to a limit, above it an estimate flagged as such, never contradicting
 * the page (a last page gives the true total; a page with more after it at least one more than it has shown). The
 * limit is lowered here so that the demo's cases pass it; the API's total stays exact.
 */
@WebTest
class CaseListTotalTest {

	@Autowired
	CaseManagement cases;

	@Autowired
	UserDetailsService users;

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aTotalAboveTheLimitIsAnEstimateAndExactBelowIt() {
		CurrentUser center = as("center");
		ListPage<CaseSummary> exact = cases.list(center, CaseQuery.all(), PageRequest.of(0, 5), null);
		long all = exact.getTotalElements();
		assertThat(exact.isTotalEstimated()).as("the API's total").isFalse();
		assertThat(all).as("cases the demo's centre sees").isGreaterThan(12);

		ListPage<CaseSummary> estimated = cases.list(center, CaseQuery.all(), PageRequest.of(0, 5), null, 10);
		assertThat(estimated.isTotalEstimated()).isTrue();
		assertThat(estimated.getTotalElements()).as("at least the counted, at least one more than shown")
			.isGreaterThanOrEqualTo(11);
		assertThat(estimated.getContent()).isEqualTo(exact.getContent());
		assertThat(estimated.hasNext()).isTrue();

		ListPage<CaseSummary> small = cases.list(center, CaseQuery.all(), PageRequest.of(0, 5), null, (int) all);
		assertThat(small.isTotalEstimated()).as("at the limit: counted").isFalse();
		assertThat(small.getTotalElements()).isEqualTo(all);

		int size = 5;
		int lastPage = (int) ((all - 1) / size);
		ListPage<CaseSummary> last = cases.list(center, CaseQuery.all(), PageRequest.of(lastPage, size), null, 10);
		assertThat(last.isTotalEstimated()).as("the last page knows the true total").isFalse();
		assertThat(last.getTotalElements()).isEqualTo(all);
		assertThat(last.hasNext()).isFalse();
	}

	@Test
	void thePagesShowAnEstimateAsAboutN() {
		CurrentUser center = as("center");
		long all = cases.list(center, CaseQuery.all(), PageRequest.of(0, 20), null).getTotalElements();
		ListPage<CaseSummary> page = cases.list(center, CaseQuery.all(), PageRequest.of(0, 20));
		assertThat(page.isTotalEstimated()).isEqualTo(all > CaseManagement.EXACT_TOTAL_LIMIT);
		if (!page.isTotalEstimated()) {
			assertThat(page.getTotalElements()).isEqualTo(all);
		}
	}

	@Test
	void roughlyKeepsTwoSignificantDigits() {
		assertThat(CaseManagement.roughly(57)).isEqualTo(57);
		assertThat(CaseManagement.roughly(1_234)).isEqualTo(1_200);
		assertThat(CaseManagement.roughly(60_373)).isEqualTo(60_000);
		assertThat(CaseManagement.roughly(65_500)).isEqualTo(66_000);
	}

	private CurrentUser as(String username) {
		var details = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
		return CurrentUsers.current();
	}
}
