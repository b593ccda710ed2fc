package org.gridlink.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.gridlink.platform.Role;

/**
 * The left menu for a user: only the entries their roles may open, modules' entries after the tree and map; each
 * marked daily or not ({@link DailyMenus}), the layout puts the others under "more".
 */
final class Navigation {

	private Navigation() {
	}

	static List<NavItem> forUser(CurrentUser user, List<MenuEntries> modules) {
		List<NavItem> items = new ArrayList<>();
		items.add(new NavItem("nav.home", "/"));
		if (!user.scope().isEmpty()) {
			items.add(new NavItem("nav.jurisdictions", "/jurisdictions"));
			items.add(new NavItem("nav.map", "/map"));
		}
		modules.forEach(module -> module.entriesFor(user)
				.forEach(entry -> items.add(new NavItem(entry.labelKey(), entry.href()))));
		if (user.has(Role.ADMIN)) {
			items.add(new NavItem("nav.admin.users", "/admin/users"));
			items.add(new NavItem("nav.admin.units", "/admin/units"));
			items.add(new NavItem("nav.admin.staff", "/admin/staff"));
			items.add(new NavItem("nav.admin.jurisdictions", "/admin/jurisdictions/import"));
			items.add(new NavItem("nav.admin.compounds", "/admin/compounds"));
			items.add(new NavItem("nav.admin.keys", "/admin/keys"));
		}
		if (user.has(Role.AUDITOR)) {
			items.add(new NavItem("nav.audit", "/audit"));
		}
		if (user.has(Role.ADMIN) || user.has(Role.AUDITOR)) {
			items.add(new NavItem("nav.retention", "/retention"));
		}
		if (!user.scope().isEmpty()) {
			items.add(new NavItem("nav.exports", "/exports"));
		}
		items.add(new NavItem("nav.tokens", "/account/tokens"));
		items.add(new NavItem("nav.password", "/account/password"));
		items.add(new NavItem("nav.secondFactor", "/account/second-factor"));
		return items.stream().map(i -> new NavItem(i.labelKey(), i.href(), DailyMenus.isDaily(user, i.href())))
				.toList();
	}
}
