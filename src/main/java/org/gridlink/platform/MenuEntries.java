package org.gridlink.platform;

import java.util.List;

/** Implemented by modules that add entries to the left menu for the users whose roles may use them. */
@org.springframework.modulith.NamedInterface("api")
public interface MenuEntries {

	/** An entry: the message key of its label and its path. */
	record MenuEntry(String labelKey, String href) {
	}

	List<MenuEntry> entriesFor(CurrentUser user);
}
