package org.gridlink.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.Hashes;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporter's rating of a closed case through a one-time link ({@code /rate/{token}}, no login): satisfied (3),
 * basically satisfied (2) or not satisfied (1), with an optional comment. The link is a random token of 256 bits,
 * stored as its SHA-256 (like the status link of {@link PublicCaseStatus}); it works once. Satisfied and basically
 * satisfied evaluate the case (EVALUATED, final); not satisfied reopens it for the center's review
 * ({@code Case.reopenForReview}). Also what the notifier needs to tell the reporter: the case number and the contact.
 */
@Service
public class CaseRatings {

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");
	private static final SecureRandom RANDOM = new SecureRandom();

	/** The path of the rating page, before the token. */
	public static final String PATH = "/rate/";

	/** What the rating page shows: only what {@link PublicCaseRule} lets the public read. */
	public record RatingView(String number, String categoryName, List<String> answers, CaseStatus status,
			boolean used, @Nullable Integer satisfaction) {

		/** True when the link can still rate: unused, and the case closed and not yet evaluated. */
		public boolean open() {
			return !used && status == CaseStatus.CLOSED;
		}
	}

	private record Link(long caseId, @Nullable OffsetDateTime usedAt) {
	}

	private final JdbcClient jdbc;
	private final CaseSteps steps;
	private final CaseCategories categories;
	private final PersonalDataCipher cipher;
	private final Accounts accounts;
	private final Clock clock;

	CaseRatings(JdbcClient jdbc, CaseSteps steps, CaseCategories categories, PersonalDataCipher cipher,
			Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.steps = steps;
		this.categories = categories;
		this.cipher = cipher;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** A fresh one-time link to rate the case: its path ({@code /rate/<token>}); the token is stored as its hash. */
	String newLink(long caseId) {
		steps.load(caseId);
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				INSERT INTO case_rating_link (token_hash, case_id, district_code, created_at)
				SELECT ?, id, district_code, ? FROM case_file WHERE id = ?""")
				.params(Hashes.sha256Hex(token), OffsetDateTime.now(clock), caseId).update();
		return PATH + token;
	}

	/** The case number, the reporter's phone (when the contact is one) and the reporter's username (when staff). */
	Optional<CaseManagement.ReporterContact> contact(long caseId) {
		record Row(String number, String reporter, String contact) {
		}
		return jdbc.sql("SELECT number, reporter, reporter_contact FROM case_file WHERE id = ?").param(caseId)
				.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
				.map(r -> {
					String plain = r.contact().isEmpty() ? "" : cipher.decrypt(r.contact()).replaceAll("[ \\-]", "");
					String phone = PHONE.matcher(plain).matches() ? plain : null;
					String staff = accounts.find(r.reporter()).isPresent() ? r.reporter() : null;
					return new CaseManagement.ReporterContact(r.number(), phone, staff);
				});
	}

	/** The note of the case's last step that answers the reporter ({@link PublicCaseRule#note}), if any. */
	Optional<String> latestAnswer(long caseId) {
		return jdbc.sql("SELECT action, note FROM case_event WHERE case_id = ? ORDER BY id DESC").param(caseId)
				.query((rs, i) -> PublicCaseRule.note(rs.getString(1), rs.getString(2))).list().stream()
				.filter(n -> n != null).map(n -> (String) n).findFirst();
	}

	/** The page behind a link; empty for a malformed or unknown token (the page answers 404 without details). */
	public Optional<RatingView> find(String token, Locale locale) {
		return link(token).map(l -> {
			CaseFile f = steps.load(l.caseId());
			List<String> answers = jdbc.sql("SELECT action, note FROM case_event WHERE case_id = ? ORDER BY id")
					.param(f.id()).query((rs, i) -> PublicCaseRule.note(rs.getString(1), rs.getString(2))).list()
					.stream().filter(n -> n != null).map(n -> (String) n).toList();
			return new RatingView(f.number(), categories.find(f.categoryCode()).map(c -> c.name(locale))
					.orElse(f.categoryCode()), answers, f.status(), l.usedAt() != null, f.satisfaction());
		});
	}

	/**
	 * Rates the case behind the link, once. 1–3 else 400; a used link or a case that is not (or no longer) closed:
	 * 409 — the page says it was already rated. Empty: the token is unknown.
	 */
	@Transactional
	public Optional<CaseStatus> rate(String token, @Nullable Integer satisfaction, @Nullable String comment) {
		Optional<Link> link = link(token);
		if (link.isEmpty()) {
			return Optional.empty();
		}
		if (satisfaction == null || satisfaction < 1 || satisfaction > 3) {
			throw new InvalidInputException("cases.satisfaction.invalid");
		}
		String note = comment == null ? "" : comment.strip();
		if (note.length() > Case.MAX_RATING_NOTE) {
			throw new InvalidInputException("cases.rating.comment.invalid", Case.MAX_RATING_NOTE);
		}
		int used = jdbc.sql("UPDATE case_rating_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
				.params(OffsetDateTime.now(clock), Hashes.sha256Hex(token)).update();
		if (used != 1) {
			throw new ConflictException("cases.rating.used");
		}
		return Optional.of(steps.rate(link.get().caseId(), satisfaction, note));
	}

	private Optional<Link> link(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT case_id, used_at FROM case_rating_link WHERE token_hash = ?")
				.param(Hashes.sha256Hex(token))
				.query((rs, i) -> new Link(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).optional();
	}
}
