package org.gridlink.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.junit.jupiter.api.Test;

/** Supervision rounds and daily reports stay in the daily menu of the roles that use them, each with its icon. */
class SupervisionMenusTest {

	private static CurrentUser user(Role role) {
		return new CurrentUser(0, "u", "u", Set.of(role), Scope.none(), null);
	}

	@Test
	void roundsAndReportsAreDailyForTheirRolesWithAnIcon() {
		assertThat(DailyMenus.isDaily(user(Role.CENTER), "/inspection")).isTrue();
		assertThat(DailyMenus.isDaily(user(Role.INSPECTOR), "/inspection")).isTrue();
		assertThat(DailyMenus.isDaily(user(Role.COMMUNITY), "/reports")).isTrue();
		// a department's staff fill in their unit's report every day
		assertThat(DailyMenus.isDaily(user(Role.DEPT), "/reports")).isTrue();
		assertThat(DailyMenus.isDaily(user(Role.DEPT), "/reports/review")).isFalse();
		assertThat(DailyMenus.isDaily(user(Role.STREET), "/reports/review")).isTrue();
		assertThat(DailyMenus.isDaily(user(Role.CHECKPOINT), "/inspection")).isFalse();
		assertThat(DailyMenus.isDaily(user(Role.GRID_WORKER), "/reports")).isFalse();
		Icons icons = new Icons();
		assertThat(icons.of("/inspection/rounds/3/work")).isEqualTo("binoculars");
		assertThat(icons.of("/reports/7/rollup")).isEqualTo("file-earmark-bar-graph");
		assertThat(icons.of("/reports/review")).isEqualTo("check2-square");
	}
}
