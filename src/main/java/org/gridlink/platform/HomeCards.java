package org.gridlink.platform;

import java.util.List;

/** Implemented by modules that put tiles on the home page, fitted to the user's roles and scope. */
@org.springframework.modulith.NamedInterface("api")
public interface HomeCards {

	List<HomeCard> cardsFor(CurrentUser user);
}
