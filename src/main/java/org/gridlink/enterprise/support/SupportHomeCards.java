package org.gridlink.enterprise.support;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Home task: legal check-up fix tasks past their deadline, for those who run check-ups, in their scope. */
@Component
@Order(82)
class SupportHomeCards implements HomeCards {

	private final LegalCheckups checkups;

	SupportHomeCards(LegalCheckups checkups) {
		this.checkups = checkups;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		if (!SupportAccess.canRunCheckups(user)) {
			return List.of();
		}
		long overdue = checkups.overdueTasks(user);
		return overdue == 0 ? List.of() : List.of(HomeCard.task("support.home.overdueTasks", overdue, "/legal-checkups"));
	}
}
