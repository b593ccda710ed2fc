package org.gridlink.dailyreport;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.gridlink.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Home tasks: community (or street) staff see today's report of each active form they fill in with its state and
 * deadline until it is handed in; reviewers how many reports wait for them; the center how many places are late.
 */
@Component
class DailyReportHomeCards implements HomeCards {

	private final DailyReports reports;
	private final MessageSource messages;

	DailyReportHomeCards(DailyReports reports, MessageSource messages) {
		this.reports = reports;
		this.messages = messages;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		if (!ReportAccess.mayRead(user)) {
			return List.of();
		}
		List<HomeCard> cards = new ArrayList<>();
		var locale = LocaleContextHolder.getLocale();
		for (ReportForm form : reports.activeForms(user)) {
			if (ReportAccess.fills(user, form.level())) {
				for (JurisdictionNode place : reports.ownPlaces(user, form).stream().limit(3).toList()) {
					SubmissionView today = reports.get(user, form.id(), place.code(), reports.today());
					if (today.state().handedIn()) {
						continue;
					}
					String state = messages.getMessage("dailyreport.state." + today.state().name(), null, locale);
					String detail = messages.getMessage(reports.pastDeadline(form, reports.today())
							? "home.dailyreport.overdue" : "home.dailyreport.deadline",
							new Object[] { form.name(), form.deadline().toString(), place.name() }, locale);
					cards.add(HomeCard.task("home.dailyreport.today", state,
							"/reports/" + form.id() + "/fill?place=" + place.code(), detail));
				}
			}
			if (user.has(Role.CENTER)) {
				Rollup rollup = reports.rollup(user, form.id(), reports.today(), null);
				if (rollup.pastDeadline() && rollup.late() > 0) {
					cards.add(HomeCard.task("home.dailyreport.late", String.valueOf(rollup.late()),
							"/reports/" + form.id() + "/rollup", form.name()));
				}
			}
		}
		if (ReportAccess.reviews(user)) {
			long waiting = reports.toReviewCount(user);
			if (waiting > 0) {
				cards.add(HomeCard.task("home.dailyreport.review", waiting, "/reports/review"));
			}
		}
		return cards;
	}
}
