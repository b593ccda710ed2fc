package org.gridlink.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.junit.jupiter.api.Test;

/** One rule for the source of a staff report, whichever channel it came through (page, hotline entry, API). */
class CaseSourceTest {

	private static CurrentUser user(Role... roles) {
		return new CurrentUser(1, "u", "U", EnumSet.of(roles[0], roles), Scope.of(List.of("320819001001001")), null);
	}

	@Test
	void theRoleDecidesWhenTheChannelNamesNone() {
		assertThat(CaseSource.reportedBy(user(Role.GRID_WORKER))).isEqualTo(CaseSource.GRID_WORKER);
		assertThat(CaseSource.reportedBy(user(Role.CENTER))).isEqualTo(CaseSource.CENTER);
		assertThat(CaseSource.reportedBy(user(Role.STREET))).isEqualTo(CaseSource.STAFF);
		assertThat(CaseSource.reportedBy(user(Role.CENTER), " ")).isEqualTo(CaseSource.CENTER);
	}

	@Test
	void aChannelMayNameOnlyAStaffSource() {
		assertThat(CaseSource.reportedBy(user(Role.CENTER), CaseSource.HOTLINE)).isEqualTo(CaseSource.HOTLINE);
		assertThat(CaseSource.reportedBy(user(Role.INSPECTOR), "INSPECTION")).isEqualTo(CaseSource.INSPECTION);
		for (String named : List.of("RESIDENT", "OPEN311", "ALERT", "phone")) {
			assertThatThrownBy(() -> CaseSource.reportedBy(user(Role.CENTER), named))
					.isInstanceOf(InvalidInputException.class).hasMessageContaining("cases.source.invalid");
		}
	}

	@Test
	void aReporterMayNameOnlyTheSourcesOfItsRoles() {
		assertThat(CaseSource.reportedBy(user(Role.GRID_WORKER), "GRID_WORKER")).isEqualTo(CaseSource.GRID_WORKER);
		assertThat(CaseSource.reportedBy(user(Role.STREET), "STAFF")).isEqualTo(CaseSource.STAFF);
		for (String named : List.of("HOTLINE", "CENTER", "INSPECTION", "STAFF")) {
			assertThatThrownBy(() -> CaseSource.reportedBy(user(Role.GRID_WORKER), named)).as(named)
					.isInstanceOf(InvalidInputException.class).hasMessageContaining("cases.source.invalid");
		}
		assertThatThrownBy(() -> CaseSource.reportedBy(user(Role.STREET), "HOTLINE"))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> CaseSource.reportedBy(user(Role.CENTER), "GRID_WORKER"))
				.isInstanceOf(InvalidInputException.class);
	}
}
