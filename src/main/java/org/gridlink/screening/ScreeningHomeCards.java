package org.gridlink.screening;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.gridlink.platform.Role;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The running screening campaigns the user takes part in, each with the progress of the user's own part (their grid,
 * community or street); a grid worker's tile and "my screening" button lead straight to the household list.
 */
@Component
@Order(2)
class ScreeningHomeCards implements HomeCards {

	private static final int MAX_CAMPAIGNS = 3;

	private final Screening screening;

	ScreeningHomeCards(Screening screening) {
		this.screening = screening;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		if (!ScreeningAccess.canRead(user) || user.scope().isEmpty()) {
			return List.of();
		}
		List<CampaignView> running = screening.list(user).stream()
				.filter(c -> c.status() == CampaignStatus.RUNNING).limit(MAX_CAMPAIGNS).toList();
		List<HomeCard> cards = new ArrayList<>();
		String firstWork = null;
		for (CampaignView campaign : running) {
			boolean records = screening.canRecord(user, campaign);
			String href = "/screening/" + campaign.id() + (records ? "/work" : "");
			if (records && firstWork == null) {
				firstWork = href;
			}
			Progress progress = screening.progress(user, campaign.id(), null);
			cards.add(HomeCard.task("home.screening.running", progress.percent() + "%", href, campaign.name() + " · "
					+ progress.name() + " " + progress.screenedHouseholds() + " / " + progress.households()));
		}
		if (user.has(Role.GRID_WORKER)) {
			cards.add(0, HomeCard.action("home.action.screening", firstWork != null ? firstWork : "/screening"));
		}
		return cards;
	}
}
