package org.gridlink.housing.choice;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.gridlink.platform.Role;
import org.springframework.stereotype.Component;

/** Unit types, choices and agreements of rural housing for township and village staff, the center and leaders. */
@Component
class ChoiceMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		if (user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY) && !user.scope().isEmpty()) {
			return List.of(new MenuEntry("nav.housing.choice", "/housing/choice"));
		}
		return List.of();
	}
}
