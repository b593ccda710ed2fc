package org.gridlink.screening;

import java.time.OffsetDateTime;

import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's life as rules (DRAFT → STARTING → RUNNING → CLOSED): each step checks the state, and returns the
 * campaign after it with the event it raises; {@link Campaigns#save} writes it under the version read. No Spring,
 * no database: unit-tested as it is ({@code CampaignTest}).
 */
record Campaign(long id, CampaignStatus status, long version, int gridsTotal, int gridsDone,
		@Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime closedAt) {

	/** What a step raised; its audit action and detail are what the audit trail records of it. */
	sealed interface Event {

		String auditAction();

		@Nullable String detail();
	}

	/** Started: its {@code grids} tasks are being prepared in the background. */
	record Started(long id, int grids) implements Event {

		@Override
		public String auditAction() {
			return "SCREENING_START";
		}

		@Override
		public String detail() {
			return "grids=" + grids;
		}
	}

	/** Every grid has its task: records are accepted. */
	record Running(long id, int grids) implements Event {

		@Override
		public String auditAction() {
			return "SCREENING_RUNNING";
		}

		@Override
		public String detail() {
			return "grids=" + grids;
		}
	}

	/** Closed: no more records. */
	record Closed(long id) implements Event {

		@Override
		public String auditAction() {
			return "SCREENING_CLOSE";
		}

		@Override
		public @Nullable String detail() {
			return null;
		}
	}

	/** A step: the campaign after it (its version not yet moved on) and the event it raised. */
	record Step(Campaign before, Campaign after, Event event) {
	}

	/** Starts a draft on {@code grids} grids: STARTING, nothing prepared yet. */
	Step start(int grids) {
		require(CampaignStatus.DRAFT);
		return step(new Campaign(id, CampaignStatus.STARTING, version, grids, 0, null, null), new Started(id, grids));
	}

	/** Every grid is prepared ({@code gridsDone} tasks exist): RUNNING from {@code now}. */
	Step run(int gridsDone, OffsetDateTime now) {
		require(CampaignStatus.STARTING);
		return step(new Campaign(id, CampaignStatus.RUNNING, version, gridsTotal, gridsDone, now, null),
				new Running(id, gridsTotal));
	}

	/** Closes a running campaign at {@code now}. */
	Step close(OffsetDateTime now) {
		require(CampaignStatus.RUNNING);
		return step(new Campaign(id, CampaignStatus.CLOSED, version, gridsTotal, gridsDone, startedAt, now),
				new Closed(id));
	}

	/** Records are accepted only while the campaign runs. */
	void requireRunning() {
		if (status != CampaignStatus.RUNNING) {
			throw new InvalidInputException("screening.not.running", status.name());
		}
	}

	private void require(CampaignStatus expected) {
		if (status != expected) {
			throw new InvalidInputException("screening.status.invalid", status.name());
		}
	}

	private Step step(Campaign after, Event event) {
		return new Step(this, after, event);
	}
}
