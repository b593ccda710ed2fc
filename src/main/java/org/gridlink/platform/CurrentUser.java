package org.gridlink.platform;

import java.util.Set;

/**
 * The signed-in user as other modules see it: who, which roles, which jurisdictions, which unit.
 * A controller takes it as a method parameter ({@code CurrentUser user}, or {@code Optional<CurrentUser>} on pages
 * open to anyone); code outside a request handler (filters, services acting for the request) uses
 * {@link CurrentUsers#current()}.
 */
@org.springframework.modulith.NamedInterface("api")
public record CurrentUser(long id, String username, String displayName, Set<Role> roles, Scope scope, Long unitId) {

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Role... wanted) {
		for (Role role : wanted) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}
}
