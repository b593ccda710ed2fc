package org.gridlink.quarantine;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.springframework.stereotype.Component;

/** Home tile: today's quarantine check-in alerts (missed, fever or symptom) in the user's scope, to the alert list. */
@Component
class MonitoringHomeCards implements HomeCards {

	private final QuarantineAlerts alerts;

	MonitoringHomeCards(QuarantineAlerts alerts) {
		this.alerts = alerts;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		if (!MonitoringAccess.canRead(user)) {
			return List.of();
		}
		return List.of(new HomeCard("home.checkins.alerts", String.valueOf(alerts.countToday(user)),
				"/quarantine/alerts"));
	}
}
