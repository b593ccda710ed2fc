package org.gridlink.cases;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.support.SignIn;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridlink.support.Demo.GRID1;

/**
 * The case page reads the case once ({@link CaseManagement#page}): for every user it answers what the separate
 * questions answer (the view, the allowed steps, photos, feedback photos, references), and refuses like {@link
 * CaseManagement#get}: 403 out of sight, 404 unknown.
 */
@WebTest
class CasePageReadTest {

	@Autowired
	CaseManagement cases;

	@Autowired
	CasePhotos photos;

	@Autowired
	UserDetailsService users;

	CurrentUser as(String username) {
		return SignIn.as(users, username);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void onePageReadAnswersWhatTheSeparateQuestionsAnswer() {
		long id = cases.reportAs("page-read-test", new NewCase("C0201", "一次读取 页面", GRID1, null, null, null,
				CaseSource.RESIDENT, null), null);
		for (String name : List.of("center", "grid1", "community1", "street1", "leader")) {
			CurrentUser user = as(name);
			CaseManagement.CasePage page = cases.page(user, id);
			CaseView view = cases.get(user, id);
			assertThat(page.view()).as(name).isEqualTo(view);
			assertThat(page.allowed()).as(name).isEqualTo(cases.allowedActions(user, view));
			assertThat(page.mayAddPhotos()).as(name).isEqualTo(photos.mayAdd(user, id));
			assertThat(page.mayAddFeedbackPhotos()).as(name).isEqualTo(photos.mayAddFeedback(user, id));
			assertThat(page.mayReference()).as(name).isEqualTo(cases.mayReference(user, id));
		}
		// the center acts on it, a grid worker in the area adds photos but takes no center step
		assertThat(cases.page(as("center"), id).allowed()).isNotEmpty();
		assertThat(cases.page(as("center"), id).mayReference()).isTrue();
		assertThat(cases.page(as("grid1"), id).mayAddPhotos()).isTrue();
		assertThat(cases.page(as("grid1"), id).mayReference()).isFalse();
	}

	@Test
	void outOfSightAndUnknownAreRefusedLikeTheCase() {
		long id = cases.reportAs("page-read-test", new NewCase("C0201", "一次读取 拒绝", GRID1, null, null, null,
				CaseSource.RESIDENT, null), null);
		assertThatThrownBy(() -> cases.page(as("grid2"), id)).isInstanceOf(OutOfScopeException.class);
		assertThatThrownBy(() -> cases.page(as("center"), 999_999_999L)).isInstanceOf(NotFoundException.class);
	}
}
