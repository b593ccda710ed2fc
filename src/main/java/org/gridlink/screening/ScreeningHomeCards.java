package org.gridlink.screening;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.springframework.stereotype.Component;

/** A home tile leading to the screening campaigns, with the number of running ones the user may see. */
@Component
class ScreeningHomeCards implements HomeCards {

	private final Screening screening;

	ScreeningHomeCards(Screening screening) {
		this.screening = screening;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		if (!ScreeningAccess.canRead(user) || user.scope().isEmpty()) {
			return List.of();
		}
		long running = screening.list(user).stream().filter(c -> c.status() == CampaignStatus.RUNNING).count();
		return List.of(new HomeCard("home.screening", String.valueOf(running), "/screening"));
	}
}
