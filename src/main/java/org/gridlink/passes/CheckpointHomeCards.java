package org.gridlink.passes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.gridlink.platform.Role;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A checkpoint officer's home: the "start scanning" button and today's crossings and refusals at the checkpoints of
 * their scope, each leading to that checkpoint's counts and gate log.
 */
@Component
@Order(4)
class CheckpointHomeCards implements HomeCards {

	private static final int MAX_CHECKPOINTS = 4;

	private final ScanLog scans;

	CheckpointHomeCards(ScanLog scans) {
		this.scans = scans;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		if (!user.has(Role.CHECKPOINT) || user.scope().isEmpty()) {
			return List.of();
		}
		List<HomeCard> cards = new ArrayList<>();
		cards.add(HomeCard.action("home.action.scan", "/checkpoint"));
		LocalDate today = scans.today();
		scans.counts(user, null, today, today).stream().limit(MAX_CHECKPOINTS)
				.forEach(c -> cards.add(HomeCard.task("home.checkpoint.today",
						String.valueOf(c.personsIn() + c.personsOut() + c.vehiclesIn() + c.vehiclesOut()),
						"/checkpoints/" + c.checkpointId(), c.checkpointName() + " · " + c.refused() + " ✕")));
		return cards;
	}
}
