package org.gridlink.notices;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A notice as pages and the API show it, with its delivery counts. */
@org.springframework.modulith.NamedInterface("api")
public record NoticeView(long id, String title, String body, List<String> jurisdictions, List<String> tags,
		boolean quarantine, List<String> staffRoles, @Nullable Long unitId, List<ChannelKind> channels, boolean urgent,
		@Nullable OffsetDateTime sendAt, NoticeStatus status, boolean needsApproval, long recipients,
		boolean outboxBuilt, String createdBy, OffsetDateTime createdAt, @Nullable String approvedBy,
		@Nullable OffsetDateTime approvedAt, @Nullable String sentBy, @Nullable OffsetDateTime sentAt,
		@Nullable OffsetDateTime finishedAt, int version, Counts counts, List<String> places, List<Long> compounds,
		List<Long> buildings, @Nullable Long screeningCampaign) {

	// jurisdictions: every code the notice reaches (its places and the grids of its compounds, buildings and
	// households), which decides who may see and approve it; places: the jurisdictions chosen as such

	/** Outbox rows by delivery state; {@code read}: inbox items confirmed (签收). */
	@org.springframework.modulith.NamedInterface("api")
	public record Counts(long queued, long sent, long delivered, long failed, long read, long optedOut) {

		public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

		public long total() {
			return queued + sent + failed + optedOut;
		}

		/** Percent of rows no longer waiting (for the progress bar). */
		public int percentDone() {
			long total = total();
			return total == 0 ? 0 : (int) ((total - queued) * 100 / total);
		}
	}

	/** Counts of one community (the recipient's place). */
	@org.springframework.modulith.NamedInterface("api")
	public record PlaceCounts(String code, Counts counts) {
	}

	/** A recipient the notice did not reach: masked, for the sender to follow up. */
	@org.springframework.modulith.NamedInterface("api")
	public record Failure(long outboxId, ChannelKind channel, String place, String recipient, String error,
			int attempts) {
	}

	/** A history line: who did what when. */
	@org.springframework.modulith.NamedInterface("api")
	public record HistoryLine(String action, @Nullable NoticeStatus from, NoticeStatus to, String actor,
			OffsetDateTime at) {
	}
}
