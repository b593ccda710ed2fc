package org.gridlink.screening;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a {@link Campaign} and writes its steps: one typed UPDATE per step, under the version read. */
@Repository
class Campaigns {

	private final JdbcClient jdbc;
	private final org.springframework.context.ApplicationEventPublisher events;

	Campaigns(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	Optional<Campaign> find(long id) {
		return jdbc.sql("""
				SELECT id, status, version, grids_total, grids_done, started_at, closed_at
				FROM screening_campaign WHERE id = ?""").param(id)
				.query((rs, i) -> new Campaign(rs.getLong(1), CampaignStatus.valueOf(rs.getString(2)), rs.getLong(3),
						rs.getInt(4), rs.getInt(5), rs.getObject(6, OffsetDateTime.class),
						rs.getObject(7, OffsetDateTime.class)))
				.optional();
	}

	/**
	 * Writes the campaign after {@code step}, unless it changed since it was read (another step came first).
	 *
	 * @return false when nothing was written
	 */
	@org.springframework.transaction.annotation.Transactional
	boolean save(Campaign.Step step) {
		Campaign after = step.after();
		boolean saved = jdbc.sql("""
				UPDATE screening_campaign SET status = ?, grids_total = ?, grids_done = ?, started_at = ?, closed_at = ?,
				version = version + 1 WHERE id = ? AND version = ?""")
				.params(after.status().name(), after.gridsTotal(), after.gridsDone(), after.startedAt(),
						after.closedAt(), after.id(), step.before().version())
				.update() == 1;
		if (saved && (after.status() == CampaignStatus.RUNNING || after.status() == CampaignStatus.CLOSED)) {
			events.publishEvent(new ScreeningProgressed(after.id())); // in this step's transaction
		}
		return saved;
	}
}
