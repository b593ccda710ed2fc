package org.gridlink.platform.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Which menu entries each role uses day to day (docs/roles.md): these stay in the menu, every other entry the user
 * may open goes under "more". Only decides the order of what the modules offer; it grants nothing.
 */
final class DailyMenus {

	private static final Map<Role, Set<String>> DAILY = new EnumMap<>(Role.class);

	static {
		DAILY.put(Role.GRID_WORKER, Set.of("/cases", "/screening", "/quarantine/monitoring", "/quarantine/alerts",
				"/residents"));
		DAILY.put(Role.COMMUNITY, Set.of("/cases", "/screening", "/quarantine/monitoring", "/quarantine/alerts",
				"/quarantine", "/residents", "/passes"));
		DAILY.put(Role.STREET, Set.of("/cases", "/screening", "/quarantine/monitoring", "/quarantine/alerts",
				"/quarantine", "/map"));
		DAILY.put(Role.CENTER, Set.of("/cases/duty", "/cases", "/cases/kpis", "/map", "/quarantine/monitoring",
				"/quarantine/alerts", "/quarantine", "/screening"));
		DAILY.put(Role.LEADER, Set.of("/cases/kpis", "/cases", "/map", "/quarantine/monitoring", "/screening"));
		DAILY.put(Role.DEPT, Set.of("/cases", "/cases/kpis"));
		DAILY.put(Role.POLICE, Set.of("/cases", "/checkpoint", "/jurisdictions"));
		DAILY.put(Role.PROPERTY, Set.of("/cases", "/checkpoint", "/jurisdictions"));
		DAILY.put(Role.INSPECTOR, Set.of("/cases", "/map"));
		DAILY.put(Role.CHECKPOINT, Set.of("/checkpoint", "/checkpoints"));
		DAILY.put(Role.LIAISON, Set.of("/enterprises", "/enterprise-appeals", "/jurisdictions", "/map"));
		DAILY.put(Role.CADRE, Set.of("/duty"));
		DAILY.put(Role.VOLUNTEER, Set.of());
		DAILY.put(Role.SITE_MANAGER, Set.of("/construction/report", "/construction"));
		DAILY.put(Role.ADMIN, Set.of("/admin/users", "/admin/units", "/admin/staff", "/admin/jurisdictions/import",
				"/admin/compounds", "/cases/admin/categories"));
		DAILY.put(Role.AUDITOR, Set.of("/audit"));
	}

	static {
		// notices and public answers (docs/notices.md, docs/answers.md): the inbox for the roles that receive case and
		// notice messages, notices for their writers and approvers, the answer desk and the digest for the center
		daily(Set.of("/inbox"), Role.GRID_WORKER, Role.COMMUNITY, Role.STREET, Role.CENTER, Role.LEADER, Role.DEPT,
				Role.POLICE, Role.PROPERTY, Role.INSPECTOR);
		daily(Set.of("/notices"), Role.COMMUNITY, Role.STREET, Role.CENTER, Role.LEADER);
		daily(Set.of("/answer-desk", "/digest"), Role.CENTER);
		daily(Set.of("/digest"), Role.LEADER);
	}

	static {
		// supervision rounds and daily reports (docs/inspection.md, docs/dailyreports.md): rounds for the center,
		// leaders and inspectors (who record on site), the units that fix hand-offs; the daily report for the places
		// and the departments that fill it in and review it, the roll-up for the center and leaders
		daily(Set.of("/inspection"), Role.CENTER, Role.LEADER, Role.INSPECTOR, Role.DEPT);
		daily(Set.of("/reports"), Role.COMMUNITY, Role.STREET, Role.CENTER, Role.LEADER, Role.DEPT);
		daily(Set.of("/reports/review"), Role.STREET);
	}

	static {
		// volunteers (docs/volunteers.md): a volunteer's badge and tasks; the community's volunteers and tasks
		daily(Set.of("/volunteer"), Role.VOLUNTEER);
		daily(Set.of("/volunteers"), Role.COMMUNITY);
		// supplies (docs/supplies.md): requests for the places that ask, approve and allocate and the units that ship
		daily(Set.of("/supplies/requests"), Role.COMMUNITY, Role.STREET, Role.CENTER);
		// necessities (docs/necessities.md): the board of the day's pick lists for those who serve households; produce
		// matching for the center and streets
		daily(Set.of("/necessities"), Role.GRID_WORKER, Role.COMMUNITY, Role.STREET);
		daily(Set.of("/produce"), Role.CENTER, Role.STREET);
	}

	private static void daily(Set<String> hrefs, Role... roles) {
		for (Role role : roles) {
			Set<String> all = new java.util.HashSet<>(DAILY.getOrDefault(role, Set.of()));
			all.addAll(hrefs);
			DAILY.put(role, Set.copyOf(all));
		}
	}

	private DailyMenus() {
	}

	/** True when one of the user's roles uses the entry daily; home is everybody's. */
	static boolean isDaily(CurrentUser user, String href) {
		return "/".equals(href) || user.roles().stream().anyMatch(r -> DAILY.getOrDefault(r, Set.of()).contains(href));
	}
}
