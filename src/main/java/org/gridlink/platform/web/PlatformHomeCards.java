package org.gridlink.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.gridlink.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Home tiles of the platform: user administration for the admin, the audit trail for the auditor. */
@Component
class PlatformHomeCards implements HomeCards {

	private final JdbcClient jdbc;

	PlatformHomeCards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		List<HomeCard> cards = new ArrayList<>();
		if (user.has(Role.ADMIN)) {
			long users = jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
			long disabled = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE enabled = FALSE").query(Long.class).single();
			cards.add(new HomeCard("home.users", String.format("%,d", users), "/admin/users"));
			cards.add(new HomeCard("home.users.disabled", String.format("%,d", disabled), "/admin/users?q="));
		}
		if (user.has(Role.AUDITOR)) {
			long today = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE occurred_at >= CURRENT_DATE")
					.query(Long.class).single();
			long denied = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE outcome = 'DENIED'").query(Long.class)
					.single();
			cards.add(new HomeCard("home.audit.today", String.format("%,d", today), "/audit"));
			cards.add(new HomeCard("home.audit.denied", String.format("%,d", denied), "/audit?outcome=DENIED"));
		}
		return cards;
	}
}
