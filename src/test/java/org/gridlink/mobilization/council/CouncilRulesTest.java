package org.gridlink.mobilization.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.junit.jupiter.api.Test;

/** The pure rules: quorum, who sits on a day, what the board masks, and the access table. */
class CouncilRulesTest {

	@Test
	void moreThanHalfIsAQuorum() {
		assertThat(Councils.quorate(4, 7)).isTrue();
		assertThat(Councils.quorate(3, 7)).isFalse();
		assertThat(Councils.quorate(4, 8)).isFalse();
		assertThat(Councils.quorate(5, 8)).isTrue();
		assertThat(Councils.quorate(0, 0)).isFalse();
	}

	@Test
	void aSeatSitsWithinItsTermUntilTheMemberLeaves() {
		LocalDate from = LocalDate.of(2026, 1, 1);
		assertThat(Councils.sits(from, null, null, LocalDate.of(2026, 1, 1))).isTrue();
		assertThat(Councils.sits(from, null, null, LocalDate.of(2025, 12, 31))).isFalse();
		assertThat(Councils.sits(from, LocalDate.of(2026, 6, 30), null, LocalDate.of(2026, 7, 1))).isFalse();
		assertThat(Councils.sits(from, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 28))).isTrue();
		assertThat(Councils.sits(from, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1))).isFalse();
	}

	@Test
	void theBoardMasksPhoneAndIdNumbers() {
		assertThat(Councils.scrub("电话13912345678，证件32081919900101123X。案件20260101000123"))
				.isEqualTo("电话***，证件***。案件20260101000123");
	}

	private static CurrentUser user(Role role, String code) {
		return new CurrentUser(1, "u", "u", EnumSet.of(role), Scope.of(Set.of(code)), null);
	}

	@Test
	void accessTable() {
		String community = "320819001001";
		// role, scope, reads, writes
		Object[][] table = { { Role.COMMUNITY, community, true, true }, { Role.COMMUNITY, "320819001002", false, false },
				{ Role.STREET, "320819001000", true, true }, { Role.STREET, "320819002000", false, false },
				{ Role.CENTER, "320819000000", true, true }, { Role.LEADER, "320819000000", true, false },
				{ Role.GRID_WORKER, "320819001001001", false, false }, { Role.DEPT, "320819000000", false, false },
				{ Role.POLICE, community, false, false }, { Role.INSPECTOR, "320819000000", false, false } };
		for (Object[] row : table) {
			CurrentUser u = user((Role) row[0], (String) row[1]);
			assertThat(CouncilAccess.reads(u, community)).as("reads " + row[0]).isEqualTo(row[2]);
			assertThat(CouncilAccess.writes(u, community)).as("writes " + row[0]).isEqualTo(row[3]);
		}
	}
}
