package org.gridlink.jurisdiction;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.gridlink.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Home tiles fitted to the role: a grid worker's own grids, an officer's police grid, a property company's
 * compounds, a department handler's unit, and the figures of the caller's area for everyone with a scope.
 */
@Component
class JurisdictionHomeCards implements HomeCards {

	private static final int MAX_GRID_TILES = 6;

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
		if (user.has(Role.GRID_WORKER)) {
			jdbc.sql("SELECT code, name FROM jurisdiction WHERE level = 'GRID' AND " + scope + " ORDER BY code LIMIT "
					+ MAX_GRID_TILES)
					.query((rs, i) -> new HomeCard("home.grid", rs.getString(2), "/jurisdictions/" + rs.getString(1)))
					.list().forEach(cards::add);
		}
		if (user.has(Role.POLICE)) {
			jdbc.sql("""
					SELECT DISTINCT p.name, p.community_code FROM police_grid p
					JOIN police_grid_link l ON l.police_grid_code = p.code WHERE """ + " "
					+ user.scope().sqlCondition("l.grid_code") + " ORDER BY p.name LIMIT " + MAX_GRID_TILES)
					.query((rs, i) -> new HomeCard("home.policeGrid", rs.getString(1), "/jurisdictions"))
					.list().forEach(cards::add);
		}
		if (user.has(Role.PROPERTY)) {
			jdbc.sql("""
					SELECT DISTINCT p.name FROM property_company p JOIN compound c ON c.property_company_id = p.id
					WHERE """ + " " + user.scope().sqlCondition("c.grid_code") + " ORDER BY p.name LIMIT 1")
					.query(String.class).list()
					.forEach(name -> cards.add(new HomeCard("home.company", name, "/jurisdictions")));
		}
		if (user.has(Role.DEPT) && user.unitId() != null) {
			jdbc.sql("SELECT name FROM unit WHERE id = ?").param(user.unitId()).query(String.class).optional()
					.ifPresent(name -> cards.add(new HomeCard("home.unit", name, "/jurisdictions")));
		}
		long streets = count("SELECT COUNT(*) FROM jurisdiction WHERE level = 'STREET' AND " + scope);
		long communities = count("SELECT COUNT(*) FROM jurisdiction WHERE level = 'COMMUNITY' AND " + scope);
		long grids = count("SELECT COUNT(*) FROM jurisdiction WHERE level = 'GRID' AND " + scope);
		long compounds = count("SELECT COUNT(*) FROM compound WHERE " + user.scope().sqlCondition("grid_code"));
		if (streets > 0) {
			cards.add(new HomeCard("home.streets", format(streets), "/jurisdictions"));
		}
		if (communities > 0) {
			cards.add(new HomeCard("home.communities", format(communities), "/jurisdictions"));
			long posts = count("SELECT COUNT(*) FROM post WHERE " + user.scope().sqlCondition("community_code"));
			cards.add(new HomeCard("home.posts", format(posts), "/jurisdictions"));
		}
		cards.add(new HomeCard("home.grids", format(grids), "/map"));
		long workers = count("SELECT COUNT(DISTINCT staff_id) FROM grid_assignment WHERE "
				+ user.scope().sqlCondition("grid_code"));
		cards.add(new HomeCard("home.gridWorkers", format(workers), "/jurisdictions"));
		cards.add(new HomeCard("home.compounds", format(compounds), "/jurisdictions"));
		return cards;
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static String format(long value) {
		return String.format("%,d", value);
	}
}
