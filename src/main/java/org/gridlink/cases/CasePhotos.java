package org.gridlink.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Photos of a case: taken when it is reported ({@link #REPORT}) or as proof of handling ({@link #FEEDBACK}). JPEG,
 * PNG or WebP up to 10 MB, checked by content. Two copies are kept: the original as received, shown only to the
 * members of the case's units (lead and assisting) and to the center; and a copy without metadata (EXIF/XMP with
 * GPS, comments, text chunks), shown to everyone else who may see the case and to the public through Open311.
 */
@Service
public class CasePhotos {

	public static final String REPORT = "REPORT";
	public static final String FEEDBACK = "FEEDBACK";

	/** A stored photo, without its bytes. {@code size} is the original's. */
	public record PhotoRef(long id, long caseId, String stage, String contentType, int size, String createdBy,
			OffsetDateTime createdAt) {
	}

	/** A photo's bytes; {@code original} tells whether these are the bytes as received or the stripped copy. */
	public record PhotoContent(long id, String contentType, byte[] bytes, boolean original) {
	}

	/** The history action of an added photo. */
	static final String PHOTO_ACTION = "photo";

	private static final String REF_COLUMNS = "id, case_id, stage, content_type, size, created_by, created_at";

	private final JdbcClient jdbc;
	private final CaseSteps steps;
	private final AuditTrail audit;
	private final Clock clock;

	CasePhotos(JdbcClient jdbc, CaseSteps steps, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.steps = steps;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Adds a photo as a signed-in user who may see the case. {@code stage} REPORT (default) or FEEDBACK; FEEDBACK
	 * photos are added by the lead unit or the center.
	 */
	public PhotoRef add(CurrentUser user, long caseId, @Nullable String stage, byte[] content) {
		String s = stage == null || stage.isBlank() ? REPORT : stage.strip().toUpperCase(java.util.Locale.ROOT);
		if (!s.equals(REPORT) && !s.equals(FEEDBACK)) {
			throw new InvalidInputException("cases.photo.stage.invalid", s);
		}
		CaseFile file = steps.load(caseId);
		if (!steps.visible(user, file)) {
			throw new OutOfScopeException("case", String.valueOf(caseId));
		}
		if (s.equals(FEEDBACK) && !mayAddFeedback(user, file)) {
			throw new AccessDeniedException("feedback photos are added by the lead unit or the center");
		}
		if (!mayAdd(user, file)) {
			throw new AccessDeniedException("photos are added by those who act on the case");
		}
		return store(user.username(), file, s, content);
	}

	/**
	 * True when the user may add photos to the case: those who act on it — the center and the lead unit until the
	 * case is final, its reporter and the grid worker of its place until it is closed. Roles that only read (leaders,
	 * police and property staff, inspectors, street and community staff, a unit not leading the case) never.
	 */
	public boolean mayAdd(CurrentUser user, long caseId) {
		CaseFile file = steps.load(caseId);
		return steps.visible(user, file) && mayAdd(user, file);
	}

	static boolean mayAdd(CurrentUser user, CaseFile file) {
		if (file.status().isFinal()) {
			return false;
		}
		if (isLeadUnit(user, file) || isCenter(user, file)) {
			return true;
		}
		return file.status() != CaseStatus.CLOSED && (user.username().equals(file.reporter())
				|| user.has(Role.GRID_WORKER) && user.scope().covers(file.jurisdictionCode()));
	}

	/** True when the user may add feedback photos (proof of handling) to the case: its lead unit or the center. */
	public boolean mayAddFeedback(CurrentUser user, long caseId) {
		return mayAddFeedback(user, steps.load(caseId));
	}

	static boolean mayAddFeedback(CurrentUser user, CaseFile file) {
		return isLeadUnit(user, file) || isCenter(user, file);
	}

	/** Adds a report photo from outside the staff (a resident's page, an Open311 client); no scope applies. */
	public PhotoRef addAs(String reporter, long caseId, byte[] content) {
		return store(reporter, steps.load(caseId), REPORT, content);
	}

	private PhotoRef store(String actor, CaseFile file, String stage, byte[] content) {
		PhotoImages.Checked checked = PhotoImages.check(content);
		OffsetDateTime now = OffsetDateTime.now(clock);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO case_photo (case_id, district_code, stage, content_type, original, shown, size, created_by,
				created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(file.id(), file.districtCode(), stage, checked.contentType(), content, checked.stripped(),
						content.length, actor, now)
				.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		// every photo shows in the case's history: who added which, when (no version change: not a step)
		steps.history(file.id(), file.districtCode(), PHOTO_ACTION, file.status(), file.status(), actor, null,
				stage, now);
		audit.recordAs(actor, "CASE_PHOTO_ADD", "case", String.valueOf(file.id()), AuditTrail.SUCCESS,
				stage + " " + checked.contentType() + " " + content.length);
		return new PhotoRef(id, file.id(), stage, checked.contentType(), content.length, actor, now);
	}

	/** The photos of a case the user may see, oldest first. */
	public List<PhotoRef> list(CurrentUser user, long caseId) {
		CaseFile file = steps.load(caseId);
		if (!steps.visible(user, file)) {
			throw new OutOfScopeException("case", String.valueOf(caseId));
		}
		return refs(caseId);
	}

	/** The photos of a case, oldest first, for other public services of this module (Open311). */
	List<PhotoRef> refs(long caseId) {
		return jdbc.sql("SELECT " + REF_COLUMNS + " FROM case_photo WHERE case_id = ? ORDER BY id").param(caseId)
				.query((rs, i) -> new PhotoRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getInt(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
				.list();
	}

	/**
	 * A photo's bytes for a user who may see its case: the original for the case's units and the center, the copy
	 * without metadata for everyone else.
	 */
	public PhotoContent content(CurrentUser user, long photoId) {
		long caseId = caseOf(photoId).orElseThrow(() -> notFound(photoId));
		CaseFile file = steps.load(caseId);
		if (!steps.visible(user, file)) {
			throw new OutOfScopeException("casePhoto", String.valueOf(photoId));
		}
		boolean original = isCenter(user, file) || isCaseUnit(user, file);
		return read(photoId, original);
	}

	/** The copy without metadata, for anonymous viewers (the caller decides whether the case is public). */
	public PhotoContent publicContent(long photoId) {
		caseOf(photoId).orElseThrow(() -> notFound(photoId));
		return read(photoId, false);
	}

	/** The case a photo belongs to. */
	public Optional<Long> caseOf(long photoId) {
		return jdbc.sql("SELECT case_id FROM case_photo WHERE id = ?").param(photoId).query(Long.class).optional();
	}

	private PhotoContent read(long photoId, boolean original) {
		return jdbc.sql("SELECT content_type, " + (original ? "original" : "shown") + " FROM case_photo WHERE id = ?")
				.param(photoId)
				.query((rs, i) -> new PhotoContent(photoId, rs.getString(1), rs.getBytes(2), original)).single();
	}

	private static NotFoundException notFound(long photoId) {
		return new NotFoundException("cases.photo.not.found", String.valueOf(photoId));
	}

	private static boolean isCenter(CurrentUser user, CaseFile file) {
		return user.has(Role.CENTER) && user.scope().covers(file.jurisdictionCode());
	}

	private static boolean isLeadUnit(CurrentUser user, CaseFile file) {
		return user.unitId() != null && user.unitId().equals(file.leadUnitId());
	}

	private boolean isCaseUnit(CurrentUser user, CaseFile file) {
		return user.unitId() != null && jdbc.sql("SELECT COUNT(*) FROM case_unit WHERE case_id = ? AND unit_id = ?")
				.params(file.id(), user.unitId()).query(Long.class).single() > 0;
	}
}
