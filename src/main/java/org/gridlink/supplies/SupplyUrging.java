package org.gridlink.supplies;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gridlink.notices.Notifications;
import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.JobClaims;
import org.gridlink.platform.Role;
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
 * Urging, as in the case loop: when a request's step is past its time limit, whoever must act gets one inbox note
 * (the street's staff to approve, the center to allocate, the warehouse's keepers to ship, the community's staff to
 * confirm receipt). The run is claimed once per slot across instances ({@link JobClaims}); the note is marked on the
 * request ({@code urged}, a conditional update) and carries an idempotency key, so a second run sends nothing.
 */
@Component
class SupplyUrging {

	private static final Logger LOG = LoggerFactory.getLogger(SupplyUrging.class);
	private static final Locale DISTRICT = Locale.SIMPLIFIED_CHINESE;
	static final String JOB = "supplies-urge";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final JobClaims claims;
	private final Accounts accounts;
	private final Notifications notifications;
	private final Reserves reserves;
	private final MessageSource messages;
	private final TransactionTemplate transactions;
	private final Duration every;

	SupplyUrging(JdbcClient jdbc, Clock clock, JobClaims claims, Accounts accounts, Notifications notifications,
			Reserves reserves, MessageSource messages, TransactionTemplate transactions,
			@Value("${gridlink.supplies.urge-every:PT5M}") Duration every) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.claims = claims;
		this.accounts = accounts;
		this.notifications = notifications;
		this.reserves = reserves;
		this.messages = messages;
		this.transactions = transactions;
		this.every = every;
	}

	@Scheduled(initialDelayString = "${gridlink.supplies.urge-delay:60000}",
			fixedDelayString = "${gridlink.supplies.urge-every-ms:300000}")
	void run() {
		try {
			if (claims.claim(JOB, every)) {
				urge();
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("Supply request urging failed: {}", ex.toString());
		}
	}

	private record Due(long id, String status, String place, String street, Long warehouseId) {
	}

	/** Urges every overdue step not urged yet; answers how many requests were urged. */
	int urge() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<Due> due = jdbc.sql("SELECT id, status, jurisdiction_code, street_code, warehouse_id FROM supply_request"
				+ " WHERE step_due_at < ? AND urged = FALSE AND status IN ('REQUESTED', 'APPROVED', 'ALLOCATED',"
				+ " 'SHIPPED') ORDER BY id").param(now)
				.query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, Long.class)))
				.list();
		int urged = 0;
		for (Due d : due) {
			Boolean done = transactions.execute(tx -> {
				if (jdbc.sql("UPDATE supply_request SET urged = TRUE WHERE id = ? AND status = ? AND urged = FALSE")
						.params(d.id(), d.status()).update() == 0) {
					return false;
				}
				String step = messages.getMessage("supplies.action." + RequestStatus.valueOf(d.status()).next(), null,
						DISTRICT);
				String title = messages.getMessage("supplies.urge.title", new Object[] { d.id(), step }, DISTRICT);
				String body = messages.getMessage("supplies.urge.body", new Object[] { d.id(), step }, DISTRICT);
				for (AccountView a : mustAct(d)) {
					notifications.toUser(a.id(), title, body, "/supplies/requests/" + d.id(),
							"supply-urge:" + d.id() + ":" + d.status() + ":" + a.id());
				}
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				urged++;
			}
		}
		return urged;
	}

	/** Who must act on the step due in the request's status. */
	List<AccountView> mustAct(Due d) {
		return switch (d.status()) {
			case "REQUESTED" -> accounts.staffWithin(Set.of(Role.STREET), null, Scope.of(List.of(d.street())));
			case "APPROVED" -> accounts.staffWithin(Set.of(Role.CENTER), null,
					Scope.of(List.of(d.place().substring(0, 6) + "000000")));
			case "ALLOCATED" -> d.warehouseId() == null ? List.of() : reserves.keepersOf(reserves.warehouse(d.warehouseId()));
			default -> accounts.staffWithin(Set.of(Role.COMMUNITY), null, Scope.of(List.of(d.place())));
		};
	}
}
