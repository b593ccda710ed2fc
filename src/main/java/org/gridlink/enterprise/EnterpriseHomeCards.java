package org.gridlink.enterprise;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.gridlink.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Home tiles of the registry. A liaison: a button to their enterprises, their key enterprises to look after, and
 * those of theirs without a contact phone (to ask for one). Center and street staff: the enterprises and key
 * enterprises of their scope as figures, and the enterprises without a contact phone as a task.
 */
@Component
class EnterpriseHomeCards implements HomeCards {

	private final Enterprises enterprises;

	EnterpriseHomeCards(Enterprises enterprises) {
		this.enterprises = enterprises;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		List<HomeCard> cards = new ArrayList<>();
		if (user.has(Role.LIAISON)) {
			EnterpriseCounts mine = enterprises.counts(user, EnterpriseFilter.none());
			cards.add(HomeCard.action("home.enterprises.mine", "/enterprises"));
			if (mine.key() > 0) {
				cards.add(HomeCard.task("home.enterprises.key", mine.key(), "/enterprises?key=true"));
			}
			if (mine.withoutPhone() > 0) {
				cards.add(HomeCard.task("home.enterprises.noPhone", mine.withoutPhone(), "/enterprises?noPhone=true"));
			}
			cards.add(new HomeCard("home.enterprises.total", String.valueOf(mine.total()), "/enterprises"));
		}
		else if (user.hasAny(Role.CENTER, Role.STREET) && !user.scope().isEmpty()) {
			EnterpriseCounts counts = enterprises.counts(user, EnterpriseFilter.none());
			if (counts.total() > 0) {
				cards.add(new HomeCard("home.enterprises.total", String.valueOf(counts.total()), "/enterprises"));
				cards.add(new HomeCard("home.enterprises.keyTotal", String.valueOf(counts.key()),
						"/enterprises?key=true"));
			}
			if (counts.withoutPhone() > 0) {
				cards.add(HomeCard.task("home.enterprises.noPhone", counts.withoutPhone(), "/enterprises?noPhone=true"));
			}
		}
		return cards;
	}
}
