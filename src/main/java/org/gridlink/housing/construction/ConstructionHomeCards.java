package org.gridlink.housing.construction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.gridlink.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A site manager's home: the button to report today's progress, and the open problems of their sites. */
@Component
class ConstructionHomeCards implements HomeCards {

	private final ConstructionAccess access;
	private final JdbcClient jdbc;

	ConstructionHomeCards(ConstructionAccess access, JdbcClient jdbc) {
		this.access = access;
		this.jdbc = jdbc;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		List<HomeCard> cards = new ArrayList<>();
		if (!user.has(Role.SITE_MANAGER)) {
			return cards;
		}
		Set<Long> mine = access.managed(user);
		if (mine.isEmpty()) {
			return cards;
		}
		cards.add(HomeCard.action("construction.home.report", "/construction/report"));
		long open = jdbc.sql("SELECT COUNT(*) FROM housing_site_problem WHERE solved_at IS NULL AND ended = FALSE AND"
				+ " site_id IN (" + String.join(",", mine.stream().map(String::valueOf).toList()) + ")")
				.query(Long.class).single();
		cards.add(HomeCard.task("construction.home.problems", open, "/construction"));
		return cards;
	}
}
