package org.gridlink.passes;

import java.util.EnumSet;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;

/** Who does what with passes; the jurisdiction scope is checked on top of these roles. */
final class PassAccess {

	/** Issue, revoke and list passes whose zones lie in their scope. */
	static final Set<Role> ISSUERS = EnumSet.of(Role.COMMUNITY, Role.STREET, Role.CENTER);
	/** Verify codes and fetch the signed lists (any pass of the installation, not scoped). */
	static final Set<Role> VERIFIERS = EnumSet.of(Role.CHECKPOINT, Role.POLICE, Role.PROPERTY, Role.GRID_WORKER,
			Role.COMMUNITY, Role.STREET, Role.CENTER);
	/** Rotate and withdraw signing keys. */
	static final Set<Role> KEY_KEEPERS = EnumSet.of(Role.ADMIN, Role.CENTER);

	private PassAccess() {
	}

	static void require(CurrentUser user, Set<Role> roles, String action) {
		if (user.roles().stream().noneMatch(roles::contains)) {
			throw new OutOfScopeException("pass", action);
		}
	}
}
