package org.gridlink.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second person's approval of a large export (issue 12). A module that exports personal data asks
 * {@link #needsApproval} with the number of rows; above {@code gridlink.exports.approval-threshold} (default 1,000)
 * it files a {@link #request} with its filter (sealed) instead of exporting. Another user — CENTER or LEADER, whose
 * scope covers every jurisdiction of the export, never the requester — approves or refuses it on the exports page.
 * After approval the requester downloads it once within {@code gridlink.exports.download-window} (default 24 hours):
 * the module calls {@link #claimDownload}, which hands back the filter exactly once, and exports. Every step is
 * audited. Small exports are unchanged.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class ExportApprovals {

	public enum Status {
		PENDING, APPROVED, REFUSED, DOWNLOADED, EXPIRED
	}

	/** A request as its pages show it; {@code downloadUntil} once approved. */
	public record ExportRequest(long id, String kind, List<String> scopeCodes, String summary, long rows,
			Status status, String requestedBy, OffsetDateTime requestedAt, @Nullable String decidedBy,
			@Nullable OffsetDateTime decidedAt, @Nullable String decisionNote, @Nullable OffsetDateTime downloadUntil) {
	}

	private static final String COLUMNS = """
			SELECT id, kind, scope_codes, summary, row_count, status, requested_by, requested_at, decided_by, decided_at,
			  decision_note FROM export_request""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditTrail audit;
	private final PersonalDataCipher cipher;
	private final long threshold;
	private final Duration window;

	ExportApprovals(JdbcClient jdbc, Clock clock, AuditTrail audit, PersonalDataCipher cipher,
			@Value("${gridlink.exports.approval-threshold:1000}") long threshold,
			@Value("${gridlink.exports.download-window:PT24H}") Duration window) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.cipher = cipher;
		this.threshold = threshold;
		this.window = window;
	}

	public long threshold() {
		return threshold;
	}

	/** True when an export of this many rows needs a second person's approval. */
	public boolean needsApproval(long rows) {
		return rows > threshold;
	}

	/**
	 * Files a request for the requester: {@code scopeCodes} the jurisdictions the export covers, {@code parameters}
	 * the module's filter (stored sealed), {@code summary} what is exported in words without personal data.
	 */
	@Transactional
	public ExportRequest request(CurrentUser requester, String kind, List<String> scopeCodes, String parameters,
			String summary, long rows) {
		if (scopeCodes.isEmpty()) {
			throw new InvalidInputException("exports.scope.empty");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO export_request (kind, scope_codes, parameters_enc, summary, row_count, status, requested_by,
				  requested_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
				.params(kind, String.join(",", scopeCodes), cipher.encrypt(parameters), truncate(summary, 300), rows,
						requester.username(), OffsetDateTime.now(clock))
				.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record("EXPORT_REQUEST", "exportRequest", String.valueOf(id), AuditTrail.SUCCESS,
				kind + " rows=" + rows + " scope=" + String.join(",", scopeCodes));
		return find(id);
	}

	/** The requester's own requests, newest first. */
	public List<ExportRequest> mine(CurrentUser user) {
		return jdbc.sql(COLUMNS + " WHERE requested_by = ? ORDER BY requested_at DESC, id DESC").param(user.username())
				.query((rs, i) -> row(rs)).list().stream().limit(50).toList();
	}

	/** The pending requests this user may decide: approver role, scope covering the export, not their own. */
	public List<ExportRequest> toDecide(CurrentUser user) {
		if (!mayApprove(user)) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + " WHERE status = 'PENDING' AND requested_by <> ? ORDER BY requested_at, id")
				.param(user.username()).query((rs, i) -> row(rs)).list().stream()
				.filter(r -> covers(user, r)).limit(100).toList();
	}

	public static boolean mayApprove(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER);
	}

	/**
	 * Approves a pending request (another user with an approving role whose scope covers it). Not one transaction on
	 * purpose: the decision is one conditional UPDATE, and a refusal's DENIED audit entry must survive the exception.
	 */
	public ExportRequest approve(CurrentUser user, long id) {
		return decide(user, id, Status.APPROVED, null);
	}

	/** Refuses a pending request, with a reason the requester sees. */
	public ExportRequest refuse(CurrentUser user, long id, @Nullable String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 2 || why.length() > 300) {
			throw new InvalidInputException("exports.refuse.reason");
		}
		return decide(user, id, Status.REFUSED, why);
	}

	private ExportRequest decide(CurrentUser user, long id, Status to, @Nullable String note) {
		ExportRequest request = find(id);
		if (!mayApprove(user) || request.requestedBy().equals(user.username()) || !covers(user, request)) {
			audit.record("EXPORT_" + (to == Status.APPROVED ? "APPROVE" : "REFUSE"), "exportRequest",
					String.valueOf(id), AuditTrail.DENIED, request.requestedBy().equals(user.username()) ? "own request"
							: "role or scope");
			throw new OutOfScopeException("exportRequest", String.valueOf(id));
		}
		int changed = jdbc.sql("""
				UPDATE export_request SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?
				WHERE id = ? AND status = 'PENDING'""").params(to.name(), user.username(), OffsetDateTime.now(clock),
				note, id).update();
		if (changed == 0) {
			throw new ConflictException("exports.notPending", new Word("exports.status." + request.status().name()));
		}
		audit.record("EXPORT_" + (to == Status.APPROVED ? "APPROVE" : "REFUSE"), "exportRequest", String.valueOf(id),
				AuditTrail.SUCCESS, request.kind() + " rows=" + request.rows() + " requester=" + request.requestedBy()
						+ (note == null ? "" : " reason=" + note));
		return find(id);
	}

	/**
	 * The requester's one download of an approved request of this kind, within the window: answers the module's
	 * filter and marks the request downloaded, so a second call fails. Refused (409 with the status in words) when
	 * the request is not approved, already downloaded, or its window has passed.
	 */
	public String claimDownload(CurrentUser user, long id, String kind) {
		ExportRequest request = find(id);
		if (!request.requestedBy().equals(user.username()) || !request.kind().equals(kind)) {
			audit.record("EXPORT_DOWNLOAD", "exportRequest", String.valueOf(id), AuditTrail.DENIED, "not the requester");
			throw new OutOfScopeException("exportRequest", String.valueOf(id));
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		int claimed = jdbc.sql("""
				UPDATE export_request SET status = 'DOWNLOADED', downloaded_at = ?
				WHERE id = ? AND status = 'APPROVED' AND decided_at > ?""").params(now, id, now.minus(window)).update();
		if (claimed == 0) {
			ExportRequest current = find(id);
			audit.record("EXPORT_DOWNLOAD", "exportRequest", String.valueOf(id), AuditTrail.FAILURE,
					current.status().name());
			throw new ConflictException("exports.notDownloadable", new Word("exports.status." + current.status().name()));
		}
		audit.record("EXPORT_DOWNLOAD", "exportRequest", String.valueOf(id), AuditTrail.SUCCESS,
				request.kind() + " rows=" + request.rows());
		return cipher.decrypt(jdbc.sql("SELECT parameters_enc FROM export_request WHERE id = ?").param(id)
				.query(String.class).single());
	}

	/** One request (its status reads EXPIRED once an approval's window has passed unused). */
	public ExportRequest find(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query((rs, i) -> row(rs)).optional()
				.orElseThrow(() -> new NotFoundException("exports.notFound", String.valueOf(id)));
	}

	private static boolean covers(CurrentUser user, ExportRequest request) {
		return request.scopeCodes().stream().allMatch(code -> user.scope().covers(code));
	}

	private ExportRequest row(java.sql.ResultSet rs) throws java.sql.SQLException {
		Status status = Status.valueOf(rs.getString("status"));
		OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
		OffsetDateTime until = status == Status.APPROVED && decidedAt != null ? decidedAt.plus(window) : null;
		if (until != null && !until.isAfter(OffsetDateTime.now(clock))) {
			status = Status.EXPIRED;
		}
		return new ExportRequest(rs.getLong("id"), rs.getString("kind"),
				Arrays.asList(rs.getString("scope_codes").split(",")), rs.getString("summary"), rs.getLong("row_count"),
				status, rs.getString("requested_by"), rs.getObject("requested_at", OffsetDateTime.class),
				rs.getString("decided_by"), decidedAt, rs.getString("decision_note"),
				status == Status.APPROVED ? until : null);
	}

	private static String truncate(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}
}
