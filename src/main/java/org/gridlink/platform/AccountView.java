package org.gridlink.platform;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A user account as admin pages and the API show it (never the password hash). */
@org.springframework.modulith.NamedInterface("api")
public record AccountView(long id, String username, String displayName, boolean enabled, boolean locked,
		Set<Role> roles, Set<String> scope, @Nullable Long unitId) {
}
