package org.gridlink.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gridlink.platform.Hashes;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A resident's own view of the report they made (the public page): its class, status and steps with times, and the
 * notes {@link PublicCaseRule} lets the public read. Never who acted, the description, the address or the reporter.
 * The page is reached only through the link given at submission: a random token of 256 bits, stored as its hash;
 * the sequential case number alone opens nothing.
 */
@Service
public class PublicCaseStatus {

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
	private static final SecureRandom RANDOM = new SecureRandom();

	public record Status(String number, CaseStatus status, String categoryName, OffsetDateTime reportedAt,
			@Nullable OffsetDateTime closedAt, List<Step> steps, List<PublicReferences.PublicReference> references) {
	}

	public record Step(String action, CaseStatus status, @Nullable String note, OffsetDateTime at) {
	}

	private final JdbcClient jdbc;
	private final CaseCategories categories;
	private final Clock clock;

	PublicCaseStatus(JdbcClient jdbc, CaseCategories categories, Clock clock) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.clock = clock;
	}

	/** A new link token to the status of a report the public made (returned once, stored as its hash). */
	public String issueLink(long caseId) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				INSERT INTO case_public_link (token_hash, case_id, district_code, created_at)
				SELECT ?, id, district_code, ? FROM case_file WHERE id = ?""")
				.params(Hashes.sha256Hex(token), OffsetDateTime.now(clock), caseId).update();
		return token;
	}

	/** True when the text has the shape of a link token (and so is not a case number). */
	public static boolean isToken(String text) {
		return TOKEN.matcher(text).matches();
	}

	/** The status behind a link token; empty for an unknown token or a report not made by the public. */
	public Optional<Status> findByLink(String token, Locale locale) {
		if (!isToken(token)) {
			return Optional.empty();
		}
		record Row(long id, String number, String source, String status, String category, OffsetDateTime reportedAt,
				@Nullable OffsetDateTime closedAt) {
		}
		return jdbc.sql("""
				SELECT c.id, c.number, c.source, c.status, c.category_code, c.reported_at, c.closed_at
				FROM case_public_link l JOIN case_file c ON c.id = l.case_id WHERE l.token_hash = ?""")
				.param(Hashes.sha256Hex(token))
				.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class)))
				.optional().filter(r -> PublicCaseRule.PUBLIC_SOURCES.contains(CaseSource.valueOf(r.source())))
				.map(r -> new Status(r.number(), CaseStatus.valueOf(r.status()),
						categories.find(r.category()).map(c -> c.name(locale)).orElse(r.category()), r.reportedAt(),
						r.closedAt(), steps(r.id()), references(r.id())));
	}

	/** The published answers the case was answered with (titles and public paths only). */
	private List<PublicReferences.PublicReference> references(long caseId) {
		return jdbc.sql("SELECT ref_key, title, path FROM case_reference WHERE case_id = ? ORDER BY id").param(caseId)
				.query((rs, i) -> new PublicReferences.PublicReference(rs.getString(1), rs.getString(2),
						rs.getString(3))).list();
	}

	private List<Step> steps(long caseId) {
		return jdbc.sql("SELECT action, to_status, note, occurred_at FROM case_event WHERE case_id = ? ORDER BY id")
				.param(caseId)
				.query((rs, i) -> new Step(rs.getString(1), CaseStatus.valueOf(rs.getString(2)),
						PublicCaseRule.note(rs.getString(1), rs.getString(3)), rs.getObject(4, OffsetDateTime.class)))
				.list();
	}
}
