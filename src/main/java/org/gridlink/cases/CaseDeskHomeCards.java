package org.gridlink.cases;

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
 * What to do with cases, on the home page: new reports to file (center, leaders: to the duty desk), cases waiting for
 * the unit to accept them (department handlers), handled cases to verify (grid workers), cases near their deadline
 * and overdue; and the "report a problem" button for the roles that report. First among the modules' tiles. For the
 * roles that watch an area or a unit (center, leaders, street, community, department handlers), the trend of the
 * last 14 days: cases reported and closed per day.
 */
@Component
@Order(1)
class CaseDeskHomeCards implements HomeCards {

	private final CaseWork work;

	CaseDeskHomeCards(CaseWork work) {
		this.work = work;
	}

	/** Days in the home page's trend. */
	static final int TREND_DAYS = 14;

	@Override
	public List<HomeChart> chartsFor(CurrentUser user) {
		boolean unitOnly = user.has(Role.DEPT) && user.unitId() != null && !CaseAccess.seesArea(user);
		if (!CaseAccess.canRead(user)
				|| !(unitOnly || user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY))) {
			return List.of();
		}
		CaseWork.Trend trend = work.trend(user, TREND_DAYS);
		return List.of(new HomeChart("home.chart.cases", "/cases", trend.days(),
				List.of(new Series("home.chart.cases.reported", Tone.OPEN, trend.reported()),
						new Series("home.chart.cases.closed", Tone.NORMAL, trend.closed()))));
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		List<HomeCard> cards = new ArrayList<>();
		if (work.canReport(user)) {
			cards.add(HomeCard.action("home.action.report", "/cases/report"));
		}
		if (!CaseAccess.canRead(user)) {
			return cards;
		}
		CaseWork.ToDo todo = work.toDo(user);
		boolean unitOnly = user.has(Role.DEPT) && user.unitId() != null && !CaseAccess.seesArea(user);
		String unit = unitOnly ? "&unit=" + user.unitId() : "";
		if (work.canOpenDutyDesk(user)) {
			cards.add(HomeCard.task("home.cases.reported", todo.toFile(), "/cases/duty"));
			if (user.has(Role.CENTER)) {
				cards.add(HomeCard.task("home.cases.toReview", todo.toReview(), "/cases/duty"));
			}
		}
		if (unitOnly) {
			cards.add(HomeCard.task("home.cases.waiting", todo.toAccept(), "/cases?status=DISPATCHED" + unit));
		}
		if (user.has(Role.GRID_WORKER)) {
			cards.add(HomeCard.task("home.cases.toVerify", todo.toVerify(), "/cases?status=HANDLED"));
		}
		if (unitOnly || user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY)) {
			cards.add(HomeCard.task("home.cases.nearDeadline", todo.nearDeadline(), "/cases?overdue=false" + unit));
			cards.add(HomeCard.task(unitOnly ? "home.cases.unit.overdue" : "home.cases.overdue", todo.overdue(),
					"/cases?overdue=true" + unit));
		}
		return cards;
	}
}
