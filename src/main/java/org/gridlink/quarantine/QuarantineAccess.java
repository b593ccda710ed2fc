package org.gridlink.quarantine;

import java.util.EnumSet;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.gridlink.shared.JurisdictionCode;

/**
 * Who works with contacts and quarantine; the jurisdiction scope is checked on top of these roles. Readers see the
 * persons of the grids in their scope (a grid worker: their own grids); writers (center, street, community staff)
 * also see the contacts they reported in their jurisdiction.
 */
final class QuarantineAccess {

	static final Set<Role> READERS = EnumSet.of(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY,
			Role.GRID_WORKER);
	/** Record contacts and events, order, extend, transfer and release quarantine. */
	static final Set<Role> WRITERS = EnumSet.of(Role.CENTER, Role.STREET, Role.COMMUNITY);
	/** Reveal a person's full ID number or phone with a reason (audited); leaders only read dashboards. */
	static final Set<Role> REVEALERS = EnumSet.of(Role.CENTER, Role.STREET, Role.COMMUNITY, Role.GRID_WORKER);
	/** Set up sites, rooms and beds in their scope. */
	static final Set<Role> SITE_KEEPERS = EnumSet.of(Role.CENTER, Role.STREET);
	/** Change the quarantine rules (district-wide). */
	static final Set<Role> RULE_KEEPERS = EnumSet.of(Role.CENTER);

	private QuarantineAccess() {
	}

	static boolean has(CurrentUser user, Set<Role> roles) {
		return user.roles().stream().anyMatch(roles::contains);
	}

	static void require(CurrentUser user, Set<Role> roles, String action) {
		if (!has(user, roles)) {
			throw new OutOfScopeException("quarantine", action);
		}
	}

	/**
	 * SQL condition: the person (alias {@code p}) is visible to the user — their grid in scope, or, for writers, a
	 * contact of theirs reported in a jurisdiction of their scope.
	 */
	static String personVisible(CurrentUser user) {
		String grid = user.scope().sqlCondition("p.grid_code");
		if (!has(user, WRITERS)) {
			return grid;
		}
		return "(" + grid + " OR EXISTS (SELECT 1 FROM close_contact vc WHERE vc.person_id = p.id AND "
				+ user.scope().sqlCondition("vc.jurisdiction_code") + "))";
	}

	/**
	 * The code prefix of a list filter's jurisdiction (for {@code LIKE prefix%}); 400 for a malformed code, 403 for one
	 * outside the user's scope.
	 */
	static String filterPrefix(CurrentUser user, String jurisdiction) {
		String code = jurisdiction.strip();
		if (!JurisdictionCode.isValid(code)) {
			throw new InvalidInputException("quarantine.jurisdiction.unknown", code);
		}
		if (!user.scope().covers(code)) {
			throw new OutOfScopeException("jurisdiction", code);
		}
		return JurisdictionCode.of(code).prefix();
	}

}
