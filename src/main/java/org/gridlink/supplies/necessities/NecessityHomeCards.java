package org.gridlink.supplies.necessities;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Home tasks: households left without a delivery (grid worker, community, street, center) and today's orders still to
 * hand over at the gate (grid worker, community, volunteer), both in the user's scope.
 */
@Component
@Order(70)
class NecessityHomeCards implements HomeCards {

	private final PickLists pickLists;

	NecessityHomeCards(PickLists pickLists) {
		this.pickLists = pickLists;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		List<HomeCard> cards = new ArrayList<>();
		if (NecessityAccess.canOrder(user)) {
			cards.add(HomeCard.task("necessities.home.flagged", pickLists.flags(user, null).size(), "/necessities"));
		}
		if (NecessityAccess.canDeliver(user)) {
			cards.add(HomeCard.task("necessities.home.toDeliver", pickLists.toHandOver(user), "/necessities"));
		}
		return cards;
	}
}
