package org.gridlink.inspection;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Home: for an inspector (and the center) the fixes waiting for the group's verification and the on-site page; for
 * everyone who sees supervision the overdue hand-offs in their sight (the center's district, a community's own, a
 * unit's).
 */
@Component
class InspectionHomeCards implements HomeCards {

	private final Inspections inspections;

	InspectionHomeCards(Inspections inspections) {
		this.inspections = inspections;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		List<HomeCard> cards = new ArrayList<>();
		if (!inspections.canRead(user)) {
			return cards;
		}
		if (inspections.canInspect(user)) {
			long verify = inspections.handOffs(user, null, "VERIFY", PageRequest.of(0, 1)).getTotalElements();
			if (verify > 0) {
				cards.add(HomeCard.task("home.inspection.verify", verify, "/inspection"));
			}
			cards.add(HomeCard.action("inspection.work", "/inspection"));
		}
		long overdue = inspections.handOffs(user, null, "OVERDUE", PageRequest.of(0, 1)).getTotalElements();
		if (overdue > 0) {
			cards.add(HomeCard.task("home.inspection.overdue", overdue, "/inspection/board"));
		}
		return cards;
	}
}
