package org.gridlink.platform;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** What it takes to create a user account. */
@org.springframework.modulith.NamedInterface("api")
public record NewAccount(String username, String displayName, String password, Set<Role> roles, Set<String> scope,
		@Nullable Long unitId) {
}
