package org.gridlink.housing;

import java.util.List;
import java.util.Optional;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds projects and says who sees which: the one scope rule of rural housing. Center and leaders, township (street)
 * and village (community) staff and grid workers see a project when their jurisdiction scope covers one of its
 * villages, and of its households those of the villages they cover ({@link #householdSql}); a grid worker, whose
 * scope is a grid inside a village, sees the project and the households of their grid ({@code grid_code}).
 */
@Component
public class HousingDirectory {

	private static final String COLUMNS = "p.id, p.name, p.township_code, p.budget_fen, p.hand_over_on";

	private final JdbcClient jdbc;

	HousingDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<HousingProjectRef> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM housing_project p WHERE p.id = ?").param(id)
				.query(HousingProjectRef.class).optional();
	}

	/** The project if the user sees it; otherwise not found. */
	public HousingProjectRef require(CurrentUser user, long id) {
		return find(id).filter(p -> sees(user, p.id()))
				.orElseThrow(() -> new NotFoundException("housing.project.not.found", String.valueOf(id)));
	}

	public boolean sees(CurrentUser user, long projectId) {
		// a village's staff through the village; a grid worker through the households of their grid
		return byPlace(user) && (jdbc.sql("SELECT COUNT(*) FROM housing_project_village v WHERE v.project_id = ? AND "
				+ user.scope().sqlCondition("v.village_code")).param(projectId).query(Long.class).single() > 0
				|| jdbc.sql("SELECT COUNT(*) FROM housing_household h WHERE h.project_id = ? AND "
						+ user.scope().sqlCondition("h.grid_code")).param(projectId).query(Long.class).single() > 0);
	}

	/** The projects the user sees, newest first. */
	public List<HousingProjectRef> visible(CurrentUser user) {
		if (!byPlace(user)) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM housing_project p WHERE p.id IN (SELECT v.project_id FROM "
				+ "housing_project_village v WHERE " + user.scope().sqlCondition("v.village_code") + ") OR p.id IN (SELECT "
				+ "h.project_id FROM housing_household h WHERE " + user.scope().sqlCondition("h.grid_code")
				+ ") ORDER BY p.id DESC")
				.query(HousingProjectRef.class).list();
	}

	/** A SQL condition over {@code housing_household} under {@code alias}: the households the user sees. */
	public String householdSql(CurrentUser user, String alias) {
		return byPlace(user) ? "(" + user.scope().sqlCondition(alias + ".village_code") + " OR "
				+ user.scope().sqlCondition(alias + ".grid_code") + ")" : "1=0";
	}

	private static boolean byPlace(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY, Role.GRID_WORKER);
	}
}
