package org.gridlink.screening;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.JobQueue;
import org.gridlink.platform.JobQueues;
import org.gridlink.platform.AuditTrail;
import org.gridlink.residents.HouseholdView;
import org.gridlink.residents.Residents;
import org.gridlink.shared.JurisdictionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prepares started campaigns (status STARTING) in the background, one campaign at a time on a single thread: grid by
 * grid, each grid in its own short transaction, the grid's household snapshot (walking order, member counts, from the
 * Residents facade) and its task row are written and the campaign's {@code grids_done} moves on. A grid that already
 * has its task is skipped, so a run that stopped half-way (a restart, a crash) resumes where it stopped: campaigns
 * left STARTING are picked up when the application is ready. A second instance working on the same campaign cannot
 * write a grid twice either (the task's primary key refuses it; that grid's transaction is rolled back and skipped).
 * When every grid is done the planner statistics are refreshed and the campaign becomes RUNNING.
 */
@Component
class CampaignStarter {

	private static final Logger LOG = LoggerFactory.getLogger(CampaignStarter.class);
	private static final int IN_LIST = 1_000;
	/** The name of the campaign starts' {@link JobQueue}. */
	static final String QUEUE = "screening-start";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate transactions;
	private final Residents residents;
	private final Jurisdictions jurisdictions;
	private final TableStatistics statistics;
	private final AuditTrail audit;
	private final Clock clock;
	private final Campaigns campaigns;
	private final JobQueue jobs;

	CampaignStarter(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, Residents residents,
			Jurisdictions jurisdictions, TableStatistics statistics, AuditTrail audit, JobQueues queues, Clock clock,
			Campaigns campaigns) {
		this.campaigns = campaigns;
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.residents = residents;
		this.jurisdictions = jurisdictions;
		this.statistics = statistics;
		this.audit = audit;
		this.clock = clock;
		this.jobs = queues.create(QUEUE, 1, this::prepareCampaign);
	}

	/** Queues the preparation of a STARTING campaign (call it once the status change is committed). */
	void schedule(long id) {
		jobs.submit(id);
	}

	/** Resumes the campaigns a previous run of the application left STARTING. */
	@EventListener(ApplicationReadyEvent.class)
	void resumeUnfinished() {
		jobs.resume(jdbc.sql("SELECT id FROM screening_campaign WHERE status = 'STARTING' ORDER BY id")
				.query(Long.class).list());
	}

	/** Waits for a scheduled run to end (tests, benchmark); rethrows what ended it. */
	void await(long id, long seconds) throws InterruptedException, ExecutionException, TimeoutException {
		jobs.await(id, seconds);
	}

	/** Prepares (or goes on preparing) one campaign to its end in the calling thread, unless it runs already. */
	void run(long id) {
		jobs.run(id);
	}

	private void prepareCampaign(long id) {
		try {
			String code = jdbc.sql("SELECT jurisdiction_code FROM screening_campaign WHERE id = ? AND status = 'STARTING'")
					.param(id).query(String.class).optional().orElse(null);
			if (code == null) {
				return;
			}
			String prefix = JurisdictionCode.of(code).prefix();
			String district = code.substring(0, 6);
			List<String> grids = jurisdictions.residentialGrids().stream().map(ResidentialGrid::code)
					.filter(c -> c.startsWith(prefix)).toList();
			jdbc.sql("UPDATE screening_campaign SET grids_total = ? WHERE id = ?").params(grids.size(), id).update();
			int written = 0;
			for (String grid : grids) {
				if (Thread.currentThread().isInterrupted()) {
					LOG.info("Start of screening campaign {} interrupted; it resumes at the next start-up", id);
					return;
				}
				if (prepare(id, district, grid)) {
					written++;
					if (written == 1 || written == 100) {
						// without statistics PostgreSQL plans the per-grid "already in the campaign?" look-up as a
						// scan of the whole campaign (autovacuum lags behind, or is off): 0.1 s per grid and growing
						statistics.refresh("screening_household");
					}
					jobs.committed(id);
				}
			}
			statistics.refresh("screening_household", "screening_task");
			Campaign campaign = campaigns.find(id).orElse(null);
			if (campaign == null || campaign.status() != CampaignStatus.STARTING) {
				return; // another instance finished it meanwhile
			}
			Campaign.Step step = campaign.run(tasks(id), OffsetDateTime.now(clock));
			if (campaigns.save(step)) {
				audit.recordAs(null, step.event().auditAction(), "screeningCampaign", String.valueOf(id),
						AuditTrail.SUCCESS, step.event().detail());
				LOG.info("Screening campaign {} is running: {} grids prepared", id, grids.size());
			}
		}
		catch (RuntimeException ex) {
			LOG.error("Start of screening campaign {} failed; it stays STARTING and resumes at the next start-up", id,
					ex);
			throw ex;
		}
	}

	/**
	 * Writes one grid's task and household snapshot in one transaction, unless the grid has its task already.
	 * Households already in the campaign (one that moved here from a grid prepared earlier) are not taken twice.
	 *
	 * @return true when this call wrote the grid
	 */
	private boolean prepare(long id, String district, String grid) {
		if (hasTask(id, district, grid)) {
			return false;
		}
		try {
			return Boolean.TRUE.equals(transactions.execute(status -> {
				List<HouseholdView> households = residents.households(grid);
				Set<Long> known = known(id, district, households);
				List<Object[]> rows = new ArrayList<>(households.size());
				int persons = 0;
				int seq = 0;
				for (HouseholdView h : households) {
					if (known.contains(h.id())) {
						continue;
					}
					String label = h.label().isEmpty() ? "#" + h.id() : h.label();
					rows.add(new Object[] { id, district, h.id(), grid, ++seq,
							label.length() > 400 ? label.substring(0, 400) : label, h.members() });
					persons += h.members();
				}
				jdbc.sql("""
						INSERT INTO screening_task (campaign_id, district_code, grid_code, households, persons)
						VALUES (?, ?, ?, ?, ?)""").params(id, district, grid, rows.size(), persons).update();
				template.batchUpdate("""
						INSERT INTO screening_household (campaign_id, district_code, household_id, grid_code, seq, label,
						members) VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
				jdbc.sql("UPDATE screening_campaign SET grids_done = grids_done + 1 WHERE id = ?").param(id).update();
				return true;
			}));
		}
		catch (DuplicateKeyException ex) {
			if (hasTask(id, district, grid)) {
				return false; // another worker wrote this grid meanwhile
			}
			throw ex;
		}
	}

	private int tasks(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM screening_task WHERE campaign_id = ?").param(id).query(Integer.class)
				.single();
	}

	private boolean hasTask(long id, String district, String grid) {
		return jdbc.sql("SELECT COUNT(*) FROM screening_task WHERE campaign_id = ? AND district_code = ? AND grid_code = ?")
				.params(id, district, grid).query(Long.class).single() > 0;
	}

	private Set<Long> known(long id, String district, List<HouseholdView> households) {
		Set<Long> known = new HashSet<>();
		for (int from = 0; from < households.size(); from += IN_LIST) {
			List<Long> ids = households.subList(from, Math.min(households.size(), from + IN_LIST)).stream()
					.map(HouseholdView::id).toList();
			known.addAll(jdbc.sql("""
					SELECT household_id FROM screening_household
					WHERE campaign_id = :c AND district_code = :d AND household_id IN (:ids)""")
					.param("c", id).param("d", district).param("ids", ids).query(Long.class).list());
		}
		return known;
	}
}
