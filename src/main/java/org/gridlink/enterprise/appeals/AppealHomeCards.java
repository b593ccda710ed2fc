package org.gridlink.enterprise.appeals;

import java.util.List;

import org.gridlink.enterprise.EnterpriseDirectory;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.springframework.stereotype.Component;

/** Home task: the open appeals the user sees whose current step is past its deadline (the liaison's, the leader's). */
@Component
class AppealHomeCards implements HomeCards {

	private final Appeals appeals;
	private final EnterpriseDirectory directory;

	AppealHomeCards(Appeals appeals, EnterpriseDirectory directory) {
		this.appeals = appeals;
		this.directory = directory;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		if (!directory.seesAny(user)) {
			return List.of();
		}
		long overdue = appeals.overdue(user);
		return overdue == 0 ? List.of()
				: List.of(HomeCard.task("home.enterprise.appeals.overdue", overdue, "/enterprise-appeals?open=true"));
	}
}
