package org.gridlink.passes;

import java.util.EnumSet;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;

/** Who does what with checkpoints; the checkpoint's jurisdiction must also lie in the user's scope. */
final class CheckpointAccess {

	/** Set up checkpoints and plan their shifts. */
	static final Set<Role> MANAGERS = EnumSet.of(Role.COMMUNITY, Role.STREET, Role.CENTER);
	/** See checkpoints, shifts, counts and gate logs, and upload scans (the roles that verify passes). */
	static final Set<Role> READERS = PassAccess.VERIFIERS;

	private CheckpointAccess() {
	}

	static void require(CurrentUser user, Set<Role> roles, String action) {
		if (user.roles().stream().noneMatch(roles::contains)) {
			throw new OutOfScopeException("checkpoint", action);
		}
	}

	static boolean manages(CurrentUser user) {
		return user.roles().stream().anyMatch(MANAGERS::contains);
	}
}
