package org.gridlink.notices;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who may do what with notices, as one permission table (role × action). Scope is checked on top: a writer reaches
 * only jurisdictions inside their scope, an approver approves only notices inside theirs.
 */
final class NoticeAccess {

	enum Action {
		/** Write and send notices. */
		WRITE,
		/** Approve a notice to a street or wider written by someone else. */
		APPROVE,
		/** Read their own inbox. */
		INBOX
	}

	static final Map<Role, Set<Action>> TABLE = Map.ofEntries(
			Map.entry(Role.CENTER, EnumSet.of(Action.WRITE, Action.APPROVE, Action.INBOX)),
			Map.entry(Role.LEADER, EnumSet.of(Action.APPROVE, Action.INBOX)),
			Map.entry(Role.STREET, EnumSet.of(Action.WRITE, Action.INBOX)),
			Map.entry(Role.COMMUNITY, EnumSet.of(Action.WRITE, Action.INBOX)),
			Map.entry(Role.GRID_WORKER, EnumSet.of(Action.INBOX)),
			Map.entry(Role.DEPT, EnumSet.of(Action.INBOX)),
			Map.entry(Role.POLICE, EnumSet.of(Action.INBOX)),
			Map.entry(Role.PROPERTY, EnumSet.of(Action.INBOX)),
			Map.entry(Role.INSPECTOR, EnumSet.of(Action.INBOX)),
			Map.entry(Role.CHECKPOINT, EnumSet.of(Action.INBOX)),
			Map.entry(Role.LIAISON, EnumSet.of(Action.INBOX)),
			Map.entry(Role.CADRE, EnumSet.of(Action.INBOX)),
			Map.entry(Role.VOLUNTEER, EnumSet.of(Action.INBOX)),
			Map.entry(Role.SITE_MANAGER, EnumSet.of(Action.INBOX)),
			Map.entry(Role.ADMIN, EnumSet.of(Action.INBOX)),
			Map.entry(Role.AUDITOR, EnumSet.of(Action.INBOX)));

	private NoticeAccess() {
	}

	static boolean may(CurrentUser user, Action action) {
		return user.roles().stream().anyMatch(r -> TABLE.getOrDefault(r, Set.of()).contains(action));
	}
}
