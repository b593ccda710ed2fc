package org.gridlink.mobilization;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridlink.jurisdiction.CadrePosts;
import org.gridlink.jurisdiction.CadrePosts.CadrePost;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.notices.Notifications;
import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.JobClaims;
import org.gridlink.platform.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds a posted cadre who has not come for {@code gridlink.mobilization.remind-after-days} days (default 3): no
 * presence in any of their communities on the last N days before today, and posted at least that long. One inbox
 * item per cadre and day through the notices module ({@code cadre_reminder} keeps who was reminded when); cadres
 * without an account are not reminded. Runs every {@code gridlink.mobilization.remind-every} (one hour), each slot
 * claimed by one instance ({@link JobClaims}); a second run on the same day sends nothing.
 */
@Component
class DutyReminders {

	private static final Logger LOG = LoggerFactory.getLogger(DutyReminders.class);
	private static final Locale DISTRICT = Locale.SIMPLIFIED_CHINESE;
	static final String JOB = "cadre-duty-reminders";

	private final CadrePosts posts;
	private final Jurisdictions jurisdictions;
	private final Accounts accounts;
	private final Notifications notifications;
	private final MessageSource messages;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final JobClaims claims;
	private final Clock clock;
	private final int afterDays;
	private final Duration every;

	DutyReminders(CadrePosts posts, Jurisdictions jurisdictions, Accounts accounts, Notifications notifications,
			MessageSource messages, JdbcClient jdbc, TransactionTemplate transactions, JobClaims claims, Clock clock,
			@Value("${gridlink.mobilization.remind-after-days:3}") int afterDays,
			@Value("${gridlink.mobilization.remind-every:PT1H}") Duration every) {
		this.posts = posts;
		this.jurisdictions = jurisdictions;
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.claims = claims;
		this.clock = clock;
		this.afterDays = Math.max(1, afterDays);
		this.every = every;
	}

	@Scheduled(initialDelayString = "${gridlink.mobilization.remind-delay:PT2M}",
			fixedDelayString = "${gridlink.mobilization.remind-check:PT5M}")
	void run() {
		try {
			if (claims.claim(JOB, every)) {
				remind();
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("Cadre duty reminders failed: {}", ex.toString());
		}
	}

	/** Sends today's reminders not sent yet; returns how many cadres were reminded now. */
	int remind() {
		LocalDate today = LocalDate.now(clock);
		LocalDate since = today.minusDays(afterDays);
		Map<Long, List<CadrePost>> byCadre = new LinkedHashMap<>();
		for (CadrePost p : posts.within(Scope.of(jurisdictions.districtCodes()))) {
			if (p.username() != null && !p.since().isAfter(since)) {
				byCadre.computeIfAbsent(p.staffId(), k -> new java.util.ArrayList<>()).add(p);
			}
		}
		if (byCadre.isEmpty()) {
			return 0;
		}
		Map<Long, LocalDate> last = new HashMap<>();
		jdbc.sql("SELECT staff_id, MAX(duty_day) FROM cadre_presence WHERE duty_day >= ? AND duty_day < ?"
				+ " GROUP BY staff_id").params(since, today)
				.query((rs, i) -> last.put(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
		java.util.Set<Long> done = new java.util.HashSet<>(jdbc.sql(
				"SELECT staff_id FROM cadre_reminder WHERE duty_day = ?").param(today).query(Long.class).list());
		int reminded = 0;
		for (Map.Entry<Long, List<CadrePost>> cadre : byCadre.entrySet()) {
			long staffId = cadre.getKey();
			if (last.containsKey(staffId) || done.contains(staffId)) {
				continue;
			}
			List<CadrePost> mine = cadre.getValue();
			AccountView account = accounts.find(mine.get(0).username()).orElse(null);
			if (account == null || !account.enabled()) {
				continue;
			}
			String places = String.join("、", mine.stream().map(CadrePost::communityName).toList());
			String title = messages.getMessage("duty.remind.title", new Object[] { afterDays }, DISTRICT);
			String body = messages.getMessage("duty.remind.body", new Object[] { places, afterDays }, DISTRICT);
			Boolean sent = transactions.execute(tx -> {
				int inserted = jdbc.sql("INSERT INTO cadre_reminder (staff_id, duty_day, days_absent, sent_at)"
						+ " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
						.params(staffId, today, afterDays, OffsetDateTime.now(clock)).update();
				if (inserted == 0) {
					return false;
				}
				notifications.toUser(account.id(), title, body, "/duty", "cadre-remind:" + staffId + ":" + today);
				return true;
			});
			if (Boolean.TRUE.equals(sent)) {
				reminded++;
			}
		}
		return reminded;
	}
}
