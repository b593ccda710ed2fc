package org.gridlink.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/** The left menu for a user: only the entries their roles may open. */
final class Navigation {

	private Navigation() {
	}

	static List<NavItem> forUser(CurrentUser user) {
		List<NavItem> items = new ArrayList<>();
		items.add(new NavItem("nav.home", "/"));
		if (!user.scope().isEmpty()) {
			items.add(new NavItem("nav.jurisdictions", "/jurisdictions"));
			items.add(new NavItem("nav.map", "/map"));
		}
		if (user.hasAny(Role.CENTER, Role.STREET, Role.COMMUNITY, Role.GRID_WORKER)) {
			items.add(new NavItem("nav.residents.imports", "/residents/imports"));
		}
		if (user.has(Role.ADMIN)) {
			items.add(new NavItem("nav.admin.users", "/admin/users"));
			items.add(new NavItem("nav.admin.units", "/admin/units"));
			items.add(new NavItem("nav.admin.staff", "/admin/staff"));
			items.add(new NavItem("nav.admin.jurisdictions", "/admin/jurisdictions/import"));
			items.add(new NavItem("nav.admin.compounds", "/admin/compounds"));
		}
		if (user.has(Role.AUDITOR)) {
			items.add(new NavItem("nav.audit", "/audit"));
		}
		items.add(new NavItem("nav.tokens", "/account/tokens"));
		return items;
	}
}
