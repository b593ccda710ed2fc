package org.gridlink.supplies;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.springframework.stereotype.Component;

/** Home task: the supply requests whose next step is the user's (approve, allocate, ship, confirm receipt). */
@Component
class SuppliesHomeCards implements HomeCards {

	private final SupplyRequests requests;

	SuppliesHomeCards(SupplyRequests requests) {
		this.requests = requests;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		if (!SupplyAccess.readsReserves(user)) {
			return List.of();
		}
		long waiting = requests.waitingFor(user);
		return waiting == 0 ? List.of() : List.of(HomeCard.task("home.supplies.waiting", waiting, "/supplies/requests"));
	}
}
