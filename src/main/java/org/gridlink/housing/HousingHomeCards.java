package org.gridlink.housing;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Home tasks of rural housing: households still to survey (those who survey), objections waiting for an answer (those
 * who answer), lists whose notice period is over and may be made final (those who run the list); and, for staff, the
 * households on each project's list as a figure.
 */
@Component
class HousingHomeCards implements HomeCards {

	private final HousingDirectory directory;
	private final HousingProjects projects;
	private final JdbcClient jdbc;

	HousingHomeCards(HousingDirectory directory, HousingProjects projects, JdbcClient jdbc) {
		this.directory = directory;
		this.projects = projects;
		this.jdbc = jdbc;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		if (!HousingAccess.reads(user)) {
			return List.of();
		}
		List<HomeCard> cards = new ArrayList<>();
		for (HousingProjectRef p : directory.visible(user)) {
			boolean isFinal = projects.listState(p.id()) == HousingViews.ListState.FINAL;
			if (HousingAccess.surveys(user) && !isFinal) {
				long todo = jdbc.sql("SELECT COUNT(*) FROM housing_household h WHERE h.project_id = ? AND "
						+ directory.householdSql(user, "h") + " AND NOT EXISTS (SELECT 1 FROM housing_survey s WHERE"
						+ " s.member_id = h.id)").param(p.id()).query(Long.class).single();
				if (todo > 0) {
					cards.add(HomeCard.task("home.housing.survey", todo, "/housing/projects/" + p.id() + "/survey"));
				}
			}
			if (HousingAccess.answersObjections(user) && !isFinal) {
				long open = jdbc.sql("SELECT COUNT(*) FROM housing_objection o WHERE o.project_id = ? AND o.answer IS NULL"
						+ " AND " + user.scope().sqlCondition("o.village_code")).param(p.id()).query(Long.class).single();
				if (open > 0) {
					cards.add(HomeCard.task("home.housing.objections", open, "/housing/projects/" + p.id() + "#objections"));
				}
			}
			if (!user.has(org.gridlink.platform.Role.GRID_WORKER)) {
				long eligible = jdbc.sql("SELECT COUNT(*) FROM housing_household h JOIN housing_result r ON r.member_id ="
						+ " h.id WHERE h.project_id = ? AND r.eligible = TRUE AND " + directory.householdSql(user, "h"))
						.param(p.id()).query(Long.class).single();
				cards.add(new HomeCard("home.housing.eligible", String.valueOf(eligible), "/housing/projects/" + p.id()));
			}
			if (HousingAccess.runsList(user) && projects.listState(p.id()) == HousingViews.ListState.NOTICE_ENDED) {
				cards.add(HomeCard.task("home.housing.finalise", 1, "/housing/projects/" + p.id() + "#list"));
			}
		}
		return cards;
	}
}
