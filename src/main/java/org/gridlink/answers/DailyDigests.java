package org.gridlink.answers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.gridlink.cases.CaseDayCounts;
import org.gridlink.cases.CaseManagement;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The facade of the daily digest ({@link DailyDigest}) for the center and leaders, within their scope; cases are
 * counted by the cases module ({@link CaseManagement#dayCounts}), answers here. A day is a calendar day in the
 * district's time zone; the default is yesterday; today is allowed (so far), a future day is not.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class DailyDigests {

	private final CaseManagement cases;
	private final PublicAnswers answers;
	private final Clock clock;
	private final ZoneId zone;

	DailyDigests(CaseManagement cases, PublicAnswers answers, Clock clock) {
		this.cases = cases;
		this.answers = answers;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	/** The center and leaders with a jurisdiction scope. */
	public static boolean canRead(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER) && !user.scope().isEmpty();
	}

	/** Yesterday in the district's time zone. */
	public LocalDate yesterday() {
		return LocalDate.now(clock).minusDays(1);
	}

	/** The day a text names ({@code yyyy-MM-dd}); blank: yesterday; malformed, future or before 2000: 400. */
	public LocalDate day(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return yesterday();
		}
		try {
			LocalDate day = LocalDate.parse(text.strip());
			if (day.isAfter(LocalDate.now(clock)) || day.getYear() < 2000) {
				throw new InvalidInputException("answers.digest.day.invalid", text.strip());
			}
			return day;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("answers.digest.day.invalid", text.strip());
		}
	}

	/** The digest of {@code day} over the caller's scope. */
	public DailyDigest of(CurrentUser user, LocalDate day) {
		if (!canRead(user)) {
			throw new AccessDeniedException("the digest is for the center and leaders");
		}
		OffsetDateTime from = day.atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
		CaseDayCounts counts = cases.dayCounts(user, from, to);
		return new DailyDigest(day, counts.reported(), counts.byCategory(), counts.bySource(), counts.answered(),
				counts.openOfThePeriod(), counts.openNow(), answers.publishedBetween(user, from, to));
	}
}
