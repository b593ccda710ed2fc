package org.gridlink.quarantine;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.gridlink.platform.HomeChart;
import org.gridlink.platform.HomeChart.Series;
import org.gridlink.platform.HomeChart.Tone;
import org.gridlink.platform.Role;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What to do in home quarantine today, in the user's scope: the check-in alerts (missed, fever or symptom) and the
 * people who have not checked in yet today (a visit or a call is due); the "home quarantine" button for grid workers.
 * For the center, leaders, street and community staff the trend of the last 14 days: check-ins and alerts per day.
 */
@Component
@Order(3)
class MonitoringHomeCards implements HomeCards {

	private final QuarantineAlerts alerts;
	private final MonitoringBoard board;

	MonitoringHomeCards(QuarantineAlerts alerts, MonitoringBoard board) {
		this.alerts = alerts;
		this.board = board;
	}

	@Override
	public List<HomeChart> chartsFor(CurrentUser user) {
		if (!MonitoringAccess.canRead(user) || !user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY)) {
			return List.of();
		}
		MonitoringBoard.Trend trend = board.trend(user, 14);
		return List.of(new HomeChart("home.chart.checkins", "/quarantine/monitoring", trend.days(),
				List.of(new Series("home.chart.checkins.done", Tone.NORMAL, trend.checkIns()),
						new Series("home.chart.checkins.alerts", Tone.OVERDUE, trend.alerts()))));
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		if (!MonitoringAccess.canRead(user)) {
			return List.of();
		}
		List<HomeCard> cards = new ArrayList<>();
		if (user.has(Role.GRID_WORKER)) {
			cards.add(HomeCard.action("home.action.quarantine", "/quarantine/monitoring"));
		}
		cards.add(HomeCard.task("home.checkins.alerts", alerts.countToday(user), "/quarantine/alerts"));
		cards.add(HomeCard.task("home.checkins.due", board.today(user).dueToday(),
				"/quarantine/monitoring/people?figure=DUE_TODAY"));
		return cards;
	}
}
