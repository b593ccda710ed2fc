package org.gridlink.answers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Like;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.Role;
import org.gridlink.platform.Word;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public facade of public answers (权威解读). The center's duty desk (CENTER role, in its district) writes an
 * answer, publishes it and may withdraw its own answers (audited; a withdrawn answer stays in the table and leaves the
 * public page). The public reads and searches the published ones without login. Nothing here touches a resident's
 * report: answers are only ever added next to them.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class PublicAnswers {

	static final int MAX_QUESTION = 500;
	static final int MAX_ANSWER = 8000;
	static final int MAX_SOURCE = 200;
	static final int MAX_NOTE = 500;

	private static final String COLUMNS = "id, question, answer, source, answer_date, theme, status, published_at,"
			+ " created_by, withdraw_note, version";

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final MessageSource messages;
	private final Clock clock;

	PublicAnswers(JdbcClient jdbc, AuditTrail audit, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** Today in the district's time zone ({@code yyyy-MM-dd}), the default date of a new answer. */
	public String today() {
		return LocalDate.now(clock).toString();
	}

	/** True for the duty desk: the CENTER role with a jurisdiction scope. */
	public static boolean canWrite(CurrentUser user) {
		return user.has(Role.CENTER) && !user.scope().isEmpty();
	}

	/** Writes an answer (a draft, or published at once with {@code publish}); its id. */
	@Transactional
	public long create(CurrentUser user, NewAnswer input) {
		requireDesk(user);
		String question = text(input.question(), MAX_QUESTION, "answers.question.invalid");
		String answer = text(input.answer(), MAX_ANSWER, "answers.answer.invalid");
		String source = text(input.source(), MAX_SOURCE, "answers.source.invalid");
		LocalDate date = date(input.date());
		AnswerTheme theme = AnswerTheme.parse(input.theme())
				.orElseThrow(() -> new InvalidInputException("answers.theme.invalid"));
		boolean publish = Boolean.TRUE.equals(input.publish());
		OffsetDateTime now = OffsetDateTime.now(clock);
		org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO public_answer (district_code, question, answer, source, answer_date, theme, status,
				created_by, created_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(district(user), question, answer, source, date, theme.name(),
						publish ? PublicAnswer.PUBLISHED : PublicAnswer.DRAFT, user.username(), now,
						publish ? now : null)
				.update(key, "id");
		long id = key.getKeyAs(Long.class);
		audit.record("ANSWER_CREATE", "answer", String.valueOf(id), AuditTrail.SUCCESS,
				publish ? PublicAnswer.PUBLISHED : PublicAnswer.DRAFT);
		return id;
	}

	/** Publishes a draft of the desk's district; 409 if it is not a draft (or changed since {@code version}). */
	@Transactional
	public PublicAnswer publish(CurrentUser user, long id, @Nullable Integer version) {
		PublicAnswer a = own(user, id);
		if (!PublicAnswer.DRAFT.equals(a.status())) {
			throw new ConflictException("answers.publish.impossible", new Word("answers.status." + a.status()));
		}
		change(a, version, "status = 'PUBLISHED', published_at = ?", OffsetDateTime.now(clock));
		audit.record("ANSWER_PUBLISH", "answer", String.valueOf(id), AuditTrail.SUCCESS, null);
		return own(user, id);
	}

	/**
	 * Withdraws one of the desk's own answers (its district's) with a note why: it leaves the public page and the
	 * offers on case pages; the cases that pointed to it keep their history line. Audited.
	 */
	@Transactional
	public PublicAnswer withdraw(CurrentUser user, long id, @Nullable String note, @Nullable Integer version) {
		PublicAnswer a = own(user, id);
		String why = text(note, MAX_NOTE, "answers.withdraw.note.invalid");
		if (PublicAnswer.WITHDRAWN.equals(a.status())) {
			throw new ConflictException("answers.withdraw.impossible", new Word("answers.status." + a.status()));
		}
		change(a, version, "status = 'WITHDRAWN', withdrawn_at = ?, withdrawn_by = ?, withdraw_note = ?",
				OffsetDateTime.now(clock), user.username(), why);
		audit.record("ANSWER_WITHDRAW", "answer", String.valueOf(id), AuditTrail.SUCCESS, a.status());
		return own(user, id);
	}

	private void change(PublicAnswer a, @Nullable Integer version, String set, Object... values) {
		if (version != null && version != a.version()) {
			throw new ConflictException("answers.stale");
		}
		List<Object> params = new ArrayList<>(List.of(values));
		params.add(a.id());
		params.add(a.version());
		int n = jdbc.sql("UPDATE public_answer SET " + set + ", version = version + 1 WHERE id = ? AND version = ?")
				.params(params).update();
		if (n != 1) {
			throw new ConflictException("answers.stale");
		}
	}

	/** One answer of the desk's district, whatever its status (the desk's view). */
	public PublicAnswer own(CurrentUser user, long id) {
		requireDesk(user);
		return jdbc.sql("SELECT " + COLUMNS + " FROM public_answer WHERE id = ? AND district_code IN ("
				+ districts(user) + ")").param(id).query((rs, i) -> map(rs, true)).optional()
				.orElseThrow(() -> new NotFoundException("answers.not.found", String.valueOf(id)));
	}

	/** The desk's answers (its districts'), all statuses, newest first, optionally searched. */
	public Page<PublicAnswer> desk(CurrentUser user, @Nullable String q, @Nullable String theme, Pageable pageable) {
		requireDesk(user);
		return page("district_code IN (" + districts(user) + ")", q, theme, pageable, true,
				"created_at DESC, id DESC");
	}

	/** The published answers, newest answer date first, searched in question, answer and source, by theme. */
	public Page<PublicAnswer> published(@Nullable String q, @Nullable String theme, Pageable pageable) {
		return page("status = 'PUBLISHED'", q, theme, pageable, false, "answer_date DESC, published_at DESC, id DESC");
	}

	/** One published answer (public); empty when unknown, a draft or withdrawn. */
	public Optional<PublicAnswer> findPublished(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM public_answer WHERE id = ? AND status = 'PUBLISHED'").param(id)
				.query((rs, i) -> map(rs, false)).optional();
	}

	/** How many answers of the user's districts were published in {@code [from, to)}. */
	public long publishedBetween(CurrentUser user, OffsetDateTime from, OffsetDateTime to) {
		if (user.scope().isEmpty()) {
			return 0;
		}
		return jdbc.sql("SELECT COUNT(*) FROM public_answer WHERE district_code IN (" + districts(user)
				+ ") AND published_at >= ? AND published_at < ?").params(from, to).query(Long.class).single();
	}

	private Page<PublicAnswer> page(String condition, @Nullable String q, @Nullable String theme, Pageable pageable,
			boolean staff, String order) {
		StringBuilder where = new StringBuilder(" WHERE ").append(condition);
		List<Object> params = new ArrayList<>();
		if (theme != null && !theme.isBlank()) {
			AnswerTheme t = AnswerTheme.parse(theme).orElseThrow(() -> new InvalidInputException("answers.theme.invalid"));
			where.append(" AND theme = ?");
			params.add(t.name());
		}
		if (q != null && !q.isBlank()) {
			if (q.strip().length() > 100) {
				throw new InvalidInputException("answers.q.invalid");
			}
			where.append(" AND (question LIKE ?" + Like.ESCAPE + " OR answer LIKE ?" + Like.ESCAPE
					+ " OR source LIKE ?" + Like.ESCAPE + ")");
			String like = Like.contains(q);
			params.add(like);
			params.add(like);
			params.add(like);
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM public_answer" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<PublicAnswer> content = jdbc.sql("SELECT " + COLUMNS + " FROM public_answer" + where + " ORDER BY "
				+ order + " LIMIT ? OFFSET ?").params(pageParams).query((rs, i) -> map(rs, staff)).list();
		return new PageImpl<>(content, pageable, total);
	}

	private PublicAnswer map(java.sql.ResultSet rs, boolean staff) throws java.sql.SQLException {
		AnswerTheme theme = AnswerTheme.parse(rs.getString("theme")).orElse(AnswerTheme.OTHER);
		Locale locale = LocaleContextHolder.getLocale();
		return new PublicAnswer(rs.getLong("id"), rs.getString("question"), rs.getString("answer"),
				rs.getString("source"), rs.getObject("answer_date", LocalDate.class), theme,
				messages.getMessage("answers.theme." + theme.name(), null, theme.name(), locale),
				rs.getString("status"), rs.getObject("published_at", OffsetDateTime.class),
				staff ? rs.getString("created_by") : null, staff ? rs.getString("withdraw_note") : null,
				rs.getInt("version"));
	}

	private static String text(@Nullable String raw, int max, String key) {
		String text = raw == null ? "" : raw.strip();
		if (text.isEmpty() || text.length() > max) {
			throw new InvalidInputException(key, max);
		}
		return text;
	}

	private LocalDate date(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return LocalDate.now(clock);
		}
		try {
			LocalDate date = LocalDate.parse(raw.strip());
			if (date.isAfter(LocalDate.now(clock)) || date.getYear() < 2000) {
				throw new InvalidInputException("answers.date.invalid", raw.strip());
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("answers.date.invalid", raw.strip());
		}
	}

	private static void requireDesk(CurrentUser user) {
		if (!canWrite(user)) {
			throw new AccessDeniedException("public answers are the duty desk's");
		}
	}

	/** The district an answer of the user belongs to: the first district of their scope. */
	static String district(CurrentUser user) {
		return districtSet(user).iterator().next();
	}

	private static Set<String> districtSet(CurrentUser user) {
		Set<String> districts = new TreeSet<>();
		user.scope().codes().forEach(c -> districts.add(c.substring(0, Math.min(6, c.length()))));
		if (districts.isEmpty()) {
			throw new AccessDeniedException("no jurisdiction scope");
		}
		return districts;
	}

	/** The user's districts as SQL literals (digits only, from the validated scope). */
	private static String districts(CurrentUser user) {
		return String.join(", ", districtSet(user).stream().filter(d -> d.matches("\\d{1,6}"))
				.map(d -> "'" + d + "'").toList());
	}
}
