package org.gridlink.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.junit.jupiter.api.Test;

/** The supervision permission matrix, written out: who reads, who plans, which SQL limits each role's lists. */
class InspectionAccessTest {

	private static InspectionAccess.Who who(Role role, String scope, Long unit, List<Long> groups) {
		return new InspectionAccess.Who(new CurrentUser(1, "u", "u", Set.of(role),
				scope == null ? Scope.none() : Scope.of(Set.of(scope)), unit), groups, "320819000000".equals(scope));
	}

	@Test
	void theMatrix() {
		// role, reads, plans, inspects
		Object[][] table = {
				{ who(Role.CENTER, "320819000000", 1L, List.of()), true, true, false },
				{ who(Role.LEADER, "320819000000", null, List.of()), true, false, false },
				{ who(Role.INSPECTOR, "320819000000", null, List.of(1L)), true, false, true },
				{ who(Role.INSPECTOR, "320819000000", null, List.of()), false, false, false },
				{ who(Role.STREET, "320819001000", null, List.of()), true, false, false },
				{ who(Role.COMMUNITY, "320819001001", null, List.of()), true, false, false },
				{ who(Role.DEPT, "320819000000", 2L, List.of()), true, false, false },
				{ who(Role.GRID_WORKER, "320819001001001", null, List.of()), false, false, false },
				{ who(Role.POLICE, "320819001001", 9L, List.of()), false, false, false } };
		for (Object[] row : table) {
			InspectionAccess.Who w = (InspectionAccess.Who) row[0];
			assertThat(w.reads()).as(w.user().roles() + " reads").isEqualTo(row[1]);
			assertThat(w.plans()).as(w.user().roles() + " plans").isEqualTo(row[2]);
			assertThat(w.inspects()).as(w.user().roles() + " inspects").isEqualTo(row[3]);
		}
	}

	@Test
	void eachRoleIsLimitedInTheQuery() {
		assertThat(who(Role.COMMUNITY, "320819001001", null, List.of()).handOffSql())
				.isEqualTo("((h.community_code LIKE '320819001001%'))");
		assertThat(who(Role.DEPT, "320819000000", 2L, List.of()).handOffSql()).isEqualTo("(h.unit_id = 2)");
		assertThat(who(Role.INSPECTOR, "320819000000", null, List.of(1L, 3L)).targetSql())
				.isEqualTo("(t.group_id IN (1,3))");
		assertThat(who(Role.CENTER, "320819000000", 1L, List.of()).targetSql())
				.isEqualTo("((t.community_code LIKE '320819%') OR t.unit_id IS NOT NULL)");
		assertThat(who(Role.GRID_WORKER, "320819001001001", null, List.of()).handOffSql()).isEqualTo("1 = 0");
		// an inspector verifies only for its own groups; the center anywhere in its scope
		assertThat(who(Role.INSPECTOR, "320819000000", null, List.of(1L)).worksFor(2, "320819001001")).isFalse();
		assertThat(who(Role.INSPECTOR, "320819000000", null, List.of(1L)).worksFor(1, "320819001001")).isTrue();
		assertThat(who(Role.CENTER, "320819001000", 1L, List.of()).worksFor(7, "320819002001")).isFalse();
	}
}
