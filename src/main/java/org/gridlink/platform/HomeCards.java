package org.gridlink.platform;

import java.util.List;

/** Implemented by modules that put tiles (and trends) on the home page, fitted to the user's roles and scope. */
@org.springframework.modulith.NamedInterface("api")
public interface HomeCards {

	List<HomeCard> cardsFor(CurrentUser user);

	/** Trends for the home page (none by default); each from the module's facade, within the user's scope. */
	default List<HomeChart> chartsFor(CurrentUser user) {
		return List.of();
	}
}
