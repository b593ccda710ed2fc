package org.gridlink.cases;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What anyone who knows a case number may see of a report made from outside the staff (the public page, Open311):
 * its class, status and steps with times, and the notes the center wrote for the reporter (why it was not filed,
 * how it was closed, why it was voided). Never who acted, the description, the address or the reporter.
 */
@Service
public class PublicCaseStatus {

	/** The steps whose note is an answer to the reporter. */
	static final Set<String> PUBLIC_NOTES = Set.of("reject", "close", "void");
	private static final Set<CaseSource> PUBLIC_SOURCES = EnumSet.of(CaseSource.RESIDENT, CaseSource.OPEN311);

	public record Status(String number, CaseStatus status, String categoryName, OffsetDateTime reportedAt,
			@Nullable OffsetDateTime closedAt, List<Step> steps) {
	}

	public record Step(String action, CaseStatus status, @Nullable String note, OffsetDateTime at) {
	}

	private final JdbcClient jdbc;
	private final CaseCategories categories;

	PublicCaseStatus(JdbcClient jdbc, CaseCategories categories) {
		this.jdbc = jdbc;
		this.categories = categories;
	}

	/** The public status of a resident's or Open311 report; empty for an unknown number or a staff report. */
	public Optional<Status> find(String number, Locale locale) {
		if (!number.matches("\\d{14}")) {
			return Optional.empty();
		}
		record Row(long id, String source, String status, String category, OffsetDateTime reportedAt,
				@Nullable OffsetDateTime closedAt) {
		}
		return jdbc.sql("SELECT id, source, status, category_code, reported_at, closed_at FROM case_file WHERE number = ?")
				.param(number)
				.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
				.optional().filter(r -> PUBLIC_SOURCES.contains(CaseSource.valueOf(r.source())))
				.map(r -> new Status(number, CaseStatus.valueOf(r.status()),
						categories.find(r.category()).map(c -> c.name(locale)).orElse(r.category()), r.reportedAt(),
						r.closedAt(), steps(r.id())));
	}

	/** The number of a case, for the answer to a report just made. */
	public String numberOf(long caseId) {
		return jdbc.sql("SELECT number FROM case_file WHERE id = ?").param(caseId).query(String.class).single();
	}

	private List<Step> steps(long caseId) {
		return jdbc.sql("SELECT action, to_status, note, occurred_at FROM case_event WHERE case_id = ? ORDER BY id")
				.param(caseId)
				.query((rs, i) -> {
					String action = rs.getString(1);
					String note = rs.getString(3);
					return new Step(action, CaseStatus.valueOf(rs.getString(2)),
							PUBLIC_NOTES.contains(action) && note != null && !note.isBlank() ? note.strip() : null,
							rs.getObject(4, OffsetDateTime.class));
				}).list();
	}
}
