package org.gridlink.command;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.notices.Notifications;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The daily summary (每日汇总): every morning at {@code gridlink.command.summary-at} (district time, default 07:00)
 * the district's summary of the day before, claimed by inserting its row (the day is the primary key, so of two
 * instances exactly one writes it, like {@code platform.Retention}'s runs) and stored; written again on demand;
 * listed and downloaded by the center and the leaders, whose inboxes get a note with the link (and an e-mail where
 * e-mail is configured and they have an address). Street and community staff download the summary of their own
 * place (their subtree only), written on demand for a day whose district summary exists.
 */
@Service
public class DailySummaries {

	private static final Logger log = LoggerFactory.getLogger(DailySummaries.class);

	/** One stored summary (the list's line). */
	public record SummaryLine(LocalDate date, OffsetDateTime created, String by) {
	}

	private final JdbcClient jdbc;
	private final ReadModel model;
	private final CommandCenter center;
	private final Jurisdictions jurisdictions;
	private final SummaryDocuments documents;
	private final Rebuild rebuild;
	private final Accounts accounts;
	private final Notifications notifications;
	private final MessageSource messages;
	private final AuditTrail audit;
	private final LocalTime at;
	private final SummarySections sections;
	private final String baseUrl;
	final String instanceId = "summary-" + UUID.randomUUID();

	DailySummaries(JdbcClient jdbc, ReadModel model, CommandCenter center, Jurisdictions jurisdictions,
			SummaryDocuments documents, Rebuild rebuild, Accounts accounts, Notifications notifications,
			MessageSource messages, AuditTrail audit, @Value("${gridlink.command.summary-at:07:00}") LocalTime at,
			SummarySections sections, @Value("${gridlink.public-base-url:}") String baseUrl) {
		this.sections = sections;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.jdbc = jdbc;
		this.model = model;
		this.center = center;
		this.jurisdictions = jurisdictions;
		this.documents = documents;
		this.rebuild = rebuild;
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
		this.audit = audit;
		this.at = at;
	}

	/** The center, leaders and administrator (the district's summary); street and community staff (their own). */
	public static boolean mayRead(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER, Role.ADMIN)
				|| user.hasAny(Role.STREET, Role.COMMUNITY) && !user.scope().isEmpty();
	}

	/** Who writes a summary again: the center, leaders and administrator. */
	public static boolean mayWrite(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER, Role.ADMIN);
	}

	private void requireRead(CurrentUser user) {
		if (!mayRead(user)) {
			throw new AccessDeniedException("daily summaries: center, leaders, street and community staff only");
		}
	}

	/** The district's code (the summary's place when no other is asked for). */
	String district() {
		return jurisdictions.districtCodes().stream().findFirst()
				.orElseThrow(() -> new NotFoundException("jurisdiction.not.found", "district"));
	}

	/** True when the user reads the district's stored summary (not only a street's or community's). */
	boolean readsDistrict(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER, Role.ADMIN)
				&& (user.scope().isEmpty() && user.has(Role.ADMIN) || user.scope().covers(district()));
	}

	/**
	 * The place whose summary {@code user} gets: {@code jurisdiction} when given (within the scope: otherwise 403,
	 * unknown 404), else the district for those who read it, else the widest place of the user's scope.
	 */
	public String placeOf(CurrentUser user, @Nullable String jurisdiction) {
		requireRead(user);
		String district = district();
		if (jurisdiction == null || jurisdiction.isBlank()) {
			return readsDistrict(user) ? district : center.home(user);
		}
		String code = jurisdiction.strip();
		if (code.equals(district)) {
			if (!readsDistrict(user)) {
				throw new AccessDeniedException("daily summaries: the district's is for the center and leaders");
			}
			return code;
		}
		jurisdictions.node(user, code);
		return code;
	}

	@Scheduled(initialDelayString = "${gridlink.command.first-check-after:PT20S}",
			fixedDelayString = "${gridlink.command.summary-check-every:PT5M}")
	public void tick() {
		seed();
		runIfDue(instanceId);
	}

	private volatile boolean seeded;

	/**
	 * At the first check after a start, builds the read model when it is empty (a new installation, the demo district
	 * loaded in bulk without events). Two instances doing it at once: one transaction wins, the other is logged.
	 */
	void seed() {
		if (seeded) {
			return;
		}
		seeded = true;
		if (jdbc.sql("SELECT COUNT(*) FROM command_item").query(Long.class).single() == 0) {
			try {
				rebuild.rebuild();
			}
			catch (RuntimeException ex) {
				log.warn("First build of the command read model failed (another instance may have built it): {}",
						ex.toString());
			}
		}
	}

	/** Writes yesterday's summary if it is time and no instance has claimed it; answers whether {@code claimer} wrote it. */
	public boolean runIfDue(String claimer) {
		ZonedDateTime now = model.now().atZoneSameInstant(model.zone);
		if (now.toLocalTime().isBefore(at)) {
			return false;
		}
		LocalDate day = now.toLocalDate().minusDays(1);
		if (!claim(day, claimer, "system")) {
			return false;
		}
		// written from the read model as the modules' events keep it (a rebuild of a year's cases takes longer than
		// the summary may; it is the repair tool: POST /api/v1/command/rebuild, and the first start)
		write(day);
		tellLeaders(day);
		return true;
	}

	/** Inserts the day's row; false when another instance (or an earlier run) has it. */
	boolean claim(LocalDate day, String claimer, String by) {
		try {
			return jdbc.sql("INSERT INTO daily_summary (summary_day, claimed_by, created_by, created_at) VALUES (?, ?, ?, ?)")
					.params(day, claimer, by, model.now()).update() == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Writes (again) the summary of a past day on demand (center, leaders). */
	public SummaryLine regenerate(CurrentUser user, LocalDate day) {
		if (!mayWrite(user)) {
			throw new AccessDeniedException("daily summaries: written again by the center and leaders");
		}
		if (!day.isBefore(model.today())) {
			throw new InvalidInputException("command.date.future");
		}
		if (!claim(day, instanceId, user.username())) {
			jdbc.sql("UPDATE daily_summary SET created_by = ?, created_at = ? WHERE summary_day = ?")
					.params(user.username(), model.now(), day).update();
		}
		write(day);
		audit.record("DAILY_SUMMARY", "dailySummary", day.toString(), AuditTrail.SUCCESS, "regenerated");
		return line(day).orElseThrow();
	}

	private void write(LocalDate day) {
		long started = System.nanoTime();
		SummaryContent content = content(day);
		long gathered = System.nanoTime();
		byte[] pdf = documents.pdf(content);
		long drawn = System.nanoTime();
		byte[] xlsx = documents.xlsx(content);
		jdbc.sql("UPDATE daily_summary SET pdf = ?, xlsx = ? WHERE summary_day = ?").params(pdf, xlsx, day).update();
		log.info("Daily summary of {} written in {} ms (content {} ms, PDF {} ms, workbook {} ms)", day,
				(System.nanoTime() - started) / 1_000_000, (gathered - started) / 1_000_000,
				(drawn - gathered) / 1_000_000, (System.nanoTime() - drawn) / 1_000_000);
	}

	SummarySections sections() {
		return sections;
	}

	/** The district's summary content of a day. */
	SummaryContent content(LocalDate day) {
		return sections.content(district(), day);
	}

	/**
	 * Tells the district's leaders and center that the day's summary is ready: an inbox note and, where e-mail is
	 * configured and the person has an address, an e-mail with the PDF's link; each once per day and person (the
	 * messages' idempotency keys).
	 */
	void tellLeaders(LocalDate day) {
		String title = messages.getMessage("command.summary.title", null, SummaryDocuments.ZH) + " " + day;
		String body = messages.getMessage("command.summary.notice", new Object[] { day.toString() }, SummaryDocuments.ZH);
		String path = "/api/v1/daily-summaries/" + day + ".pdf";
		boolean email = notifications.emailConfigured();
		for (String district : jurisdictions.districtCodes()) {
			for (var account : accounts.staffWithin(Set.of(Role.LEADER, Role.CENTER), null, Scope.of(Set.of(district)))) {
				notifications.toUser(account.id(), title, body, path, "daily-summary-" + day + "-" + account.id());
				if (email) {
					notifications.toUserByEmail(account.id(), title, body + "\n" + baseUrl + path,
							"daily-summary-mail-" + day + "-" + account.id());
				}
			}
		}
	}

	public Page<SummaryLine> list(CurrentUser user, Pageable page) {
		requireRead(user);
		long total = jdbc.sql("SELECT COUNT(*) FROM daily_summary").query(Long.class).single();
		List<SummaryLine> lines = jdbc.sql("""
				SELECT summary_day, created_at, created_by FROM daily_summary ORDER BY summary_day DESC LIMIT ? OFFSET ?""")
				.params(page.getPageSize(), page.getOffset())
				.query((rs, i) -> new SummaryLine(rs.getObject(1, LocalDate.class), rs.getObject(2, OffsetDateTime.class),
						rs.getString(3)))
				.list();
		return new PageImpl<>(lines, page, total);
	}

	java.util.Optional<SummaryLine> line(LocalDate day) {
		return jdbc.sql("SELECT summary_day, created_at, created_by FROM daily_summary WHERE summary_day = ?").param(day)
				.query((rs, i) -> new SummaryLine(rs.getObject(1, LocalDate.class), rs.getObject(2, OffsetDateTime.class),
						rs.getString(3)))
				.optional();
	}

	/** The district's stored PDF or workbook ({@code kind}: pdf or xlsx) of a day; 404 when not written. */
	public byte[] file(CurrentUser user, LocalDate day, String kind) {
		return file(user, day, kind, null);
	}

	/**
	 * The PDF or workbook ({@code kind}: pdf or xlsx) of a day for a place ({@link #placeOf}): the district's as
	 * stored; a street's or community's written now from the same sources, scoped to that place. 404 when the day's
	 * summary was not written.
	 */
	public byte[] file(CurrentUser user, LocalDate day, String kind, @Nullable String jurisdiction) {
		String place = placeOf(user, jurisdiction);
		String column = switch (kind) {
			case "pdf" -> "pdf";
			case "xlsx" -> "xlsx";
			default -> throw new NotFoundException("command.summary.missing", day.toString());
		};
		@Nullable byte[] bytes = jdbc.sql("SELECT " + column + " FROM daily_summary WHERE summary_day = ?").param(day)
				.query((rs, i) -> rs.getBytes(1)).optional().orElse(null);
		if (bytes == null) {
			throw new NotFoundException("command.summary.missing", day.toString());
		}
		if (!place.equals(district())) {
			SummaryContent content = sections.content(place, day);
			bytes = kind.equals("pdf") ? documents.pdf(content) : documents.xlsx(content);
		}
		audit.record("DAILY_SUMMARY_DOWNLOAD", "dailySummary", place + "/" + day + "." + kind, AuditTrail.SUCCESS, "");
		return bytes;
	}
}
