package org.gridlink.enterprise.appeals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gridlink.cases.CaseManagement;
import org.gridlink.notices.Notifications;
import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox notes of appeals (in the district's language), each with an idempotency key so a repeated event or sweep
 * sends nothing new: the green channel's supervisor at each step (filed, responded, planned, closed, urged), the lead
 * unit when a step is overdue, the liaisons (else the supervisor) with the follow-up at closure (the case's rating
 * link; the enterprise also gets it by SMS when it left a phone), the supervisor and the district's leaders on an
 * escalation.
 */
@Component
class AppealNotes {

	private static final Logger LOG = LoggerFactory.getLogger(AppealNotes.class);
	private static final Locale DISTRICT = Locale.SIMPLIFIED_CHINESE;

	private final JdbcClient jdbc;
	private final Notifications notifications;
	private final Accounts accounts;
	private final MessageSource messages;
	private final GreenChannel greenChannel;
	private final CaseManagement cases;
	private final PersonalDataCipher cipher;
	private final String followUpTemplate;

	AppealNotes(JdbcClient jdbc, Notifications notifications, Accounts accounts, MessageSource messages,
			GreenChannel greenChannel, CaseManagement cases, PersonalDataCipher cipher,
			@Value("${gridlink.enterprise.appeals.follow-up-template:SMS_ENTERPRISE_FOLLOW_UP}") String followUpTemplate) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.accounts = accounts;
		this.messages = messages;
		this.greenChannel = greenChannel;
		this.cases = cases;
		this.cipher = cipher;
		this.followUpTemplate = followUpTemplate;
	}

	record About(long id, long enterpriseId, String enterpriseName, String gridCode, String categoryCode,
			boolean green, @Nullable String caseNumber, int level, @Nullable String phoneSealed,
			@Nullable String enterprisePhoneSealed) {

		String link() {
			return "/enterprises/" + enterpriseId + "/appeals";
		}
	}

	About about(long appealId) {
		return jdbc.sql("SELECT a.id, a.enterprise_id, e.name, e.grid_code, a.category_code, a.green, a.case_number,"
				+ " a.escalation_level, a.contact_phone_sealed, e.contact_phone_sealed FROM enterprise_appeal a"
				+ " JOIN enterprise e ON e.id = a.enterprise_id WHERE a.id = ?").param(appealId)
				.query((rs, i) -> new About(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getInt(8), rs.getString(9),
						rs.getString(10)))
				.single();
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, DISTRICT);
	}

	private String category(String code) {
		return text("enterprise.appeals.category." + code);
	}

	private void send(long userId, String title, String body, String link, String key) {
		try {
			notifications.toUser(userId, title, body, link, key + ":" + userId);
		}
		catch (RuntimeException ex) {
			LOG.warn("Appeal note {} not sent: {}", key, ex.toString());
		}
	}

	private void toSupervisor(About a, String title, String body, String key) {
		greenChannel.supervisor().ifPresent(s -> send(s.id(), title, body, a.link(), key));
	}

	/** A new green-channel appeal: the supervisor. */
	void filed(long appealId) {
		About a = about(appealId);
		toSupervisor(a, text("enterprise.appeals.note.filed.title", a.enterpriseName()),
				text("enterprise.appeals.note.filed.body", a.enterpriseName(), category(a.categoryCode()),
						String.valueOf(a.caseNumber())),
				"appeal:" + a.id() + ":filed");
	}

	/** Steps newly met: the supervisor of a green-channel appeal. */
	void stepsMet(Appeals.Change change) {
		if (!change.green()) {
			return;
		}
		About a = about(change.appealId());
		if (change.responded()) {
			step(a, "responded");
		}
		if (change.planned()) {
			step(a, "planned");
		}
		if (change.closed()) {
			step(a, "closed");
		}
		if (change.ended()) {
			step(a, "ended");
		}
	}

	private void step(About a, String step) {
		String stepName = text("enterprise.appeals.note.step." + step);
		toSupervisor(a, text("enterprise.appeals.note.step.title", a.enterpriseName(), stepName),
				text("enterprise.appeals.note.step.body", a.enterpriseName(), category(a.categoryCode()),
						String.valueOf(a.caseNumber()), stepName),
				"appeal:" + a.id() + ":" + step + ":" + a.level());
	}

	/** An overdue step: the supervisor (green channel) and the members of the case's lead unit. */
	void urged(long appealId, AppealStep step, @Nullable Long leadUnitId) {
		About a = about(appealId);
		String stepName = text("enterprise.appeals.step." + step.name());
		String title = text("enterprise.appeals.note.urge.title", a.enterpriseName(), stepName);
		String body = text("enterprise.appeals.note.urge.body", a.enterpriseName(), category(a.categoryCode()),
				String.valueOf(a.caseNumber()), stepName);
		String key = "appeal:" + a.id() + ":urge:" + step.name() + ":" + a.level();
		if (a.green()) {
			toSupervisor(a, title, body, key);
		}
		if (leadUnitId != null) {
			for (AccountView member : accounts.membersOf(leadUnitId)) {
				send(member.id(), title, body, "/cases", key);
			}
		}
	}

	/** A "not satisfied" rating escalated the appeal: the supervisor and the district's leaders. */
	void escalated(long appealId) {
		About a = about(appealId);
		String title = text("enterprise.appeals.note.escalated.title", a.enterpriseName(), a.level());
		String body = text("enterprise.appeals.note.escalated.body", a.enterpriseName(), category(a.categoryCode()),
				String.valueOf(a.caseNumber()), a.level());
		String key = "appeal:" + a.id() + ":escalated:" + a.level();
		toSupervisor(a, title, body, key);
		Scope district = Scope.of(List.of(a.gridCode().substring(0, 6) + "000000"));
		for (AccountView leader : accounts.staffWithin(Set.of(Role.LEADER), null, district)) {
			send(leader.id(), title, body, a.link(), key);
		}
	}

	/**
	 * The follow-up at closure: a one-time rating link of the case; the enterprise gets it by SMS when a phone is
	 * known, the liaisons (else the supervisor) get it in their inbox to call the enterprise and record its answer.
	 */
	void followUp(long appealId, long caseId, int closing) {
		About a = about(appealId);
		String link = cases.newRatingLink(caseId);
		String key = "appeal:" + a.id() + ":follow-up:" + closing;
		String sealed = a.phoneSealed() != null ? a.phoneSealed() : a.enterprisePhoneSealed();
		if (sealed != null) {
			try {
				Map<String, String> params = new LinkedHashMap<>();
				params.put("number", String.valueOf(a.caseNumber()));
				params.put("link", link);
				notifications.toPhone(cipher.decrypt(sealed), followUpTemplate, params, false, key + ":sms");
			}
			catch (RuntimeException ex) {
				LOG.warn("Follow-up SMS of appeal {} not sent: {}", a.id(), ex.toString());
			}
		}
		String title = text("enterprise.appeals.note.follow-up.title", a.enterpriseName());
		String body = text("enterprise.appeals.note.follow-up.body", a.enterpriseName(), category(a.categoryCode()),
				String.valueOf(a.caseNumber()));
		List<Long> liaisons = jdbc.sql("SELECT account_id FROM enterprise_liaison WHERE enterprise_id = ?")
				.param(a.enterpriseId()).query(Long.class).list();
		if (liaisons.isEmpty()) {
			greenChannel.supervisor().ifPresent(s -> send(s.id(), title, body, link, key));
		}
		for (long liaison : liaisons) {
			send(liaison, title, body, link, key);
		}
	}
}
