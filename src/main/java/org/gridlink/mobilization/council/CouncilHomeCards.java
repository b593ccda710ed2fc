package org.gridlink.mobilization.council;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.gridlink.platform.MenuEntries;
import org.gridlink.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Home: the overdue council decisions in the user's sight (community staff: their council's page; street, center and
 * leaders: the list of councils); the menu entry "议事会 / Councils" for those who read councils.
 */
@Component
class CouncilHomeCards implements HomeCards, MenuEntries {

	private final Councils councils;

	CouncilHomeCards(Councils councils) {
		this.councils = councils;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		long overdue = councils.overdueCount(user);
		if (overdue == 0) {
			return List.of();
		}
		return List.of(HomeCard.task("home.council.overdue", overdue, href(user)));
	}

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		return councils.canRead(user) ? List.of(new MenuEntry("council.menu", href(user))) : List.of();
	}

	/** A community's staff go straight to their council; everyone else to the list. */
	private static String href(CurrentUser user) {
		List<String> prefixes = user.scope().prefixes();
		if (user.has(Role.COMMUNITY) && prefixes.size() == 1 && prefixes.get(0).length() == 12) {
			return "/councils/" + prefixes.get(0);
		}
		return "/councils";
	}
}
