package org.gridlink.platform;

import java.util.Optional;

import org.gridlink.platform.security.AccountPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the signed-in user of the current request. */
@org.springframework.modulith.NamedInterface("api")
public final class CurrentUsers {

	private CurrentUsers() {
	}

	public static Optional<CurrentUser> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
			return Optional.of(principal.toCurrentUser());
		}
		return Optional.empty();
	}

	/** The signed-in user; fails when nobody is signed in (a configuration error, as pages require login). */
	public static CurrentUser current() {
		return find().orElseThrow(() -> new IllegalStateException("No signed-in user"));
	}
}
