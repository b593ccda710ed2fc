package org.gridlink.jurisdiction;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.gridlink.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Home tiles: the user's grids, communities and compounds, a link to each of their grids for a grid worker. */
@Component
class JurisdictionHomeCards implements HomeCards {

	private final JdbcClient jdbc;

	JurisdictionHomeCards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		List<HomeCard> cards = new ArrayList<>();
		if (user.scope().isEmpty()) {
			return cards;
		}
		String scope = user.scope().sqlCondition("code");
		if (user.has(Role.GRID_WORKER) || user.has(Role.POLICE) || user.has(Role.PROPERTY)) {
			jdbc.sql("SELECT code, name FROM jurisdiction WHERE level = 'GRID' AND " + scope + " ORDER BY code LIMIT 20")
					.query((rs, i) -> new HomeCard("home.grid", rs.getString(2), "/jurisdictions/" + rs.getString(1)))
					.list().forEach(cards::add);
		}
		long communities = jdbc.sql("SELECT COUNT(*) FROM jurisdiction WHERE level = 'COMMUNITY' AND " + scope)
				.query(Long.class).single();
		long grids = jdbc.sql("SELECT COUNT(*) FROM jurisdiction WHERE level = 'GRID' AND " + scope).query(Long.class)
				.single();
		long compounds = jdbc.sql("SELECT COUNT(*) FROM compound WHERE " + user.scope().sqlCondition("grid_code"))
				.query(Long.class).single();
		if (communities > 0) {
			cards.add(new HomeCard("home.communities", String.format("%,d", communities), "/jurisdictions"));
		}
		cards.add(new HomeCard("home.grids", String.format("%,d", grids), "/jurisdictions"));
		cards.add(new HomeCard("home.compounds", String.format("%,d", compounds), "/jurisdictions"));
		cards.add(new HomeCard("home.map", String.format("%,d", grids), "/map"));
		return cards;
	}
}
