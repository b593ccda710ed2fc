package org.gridlink.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridlink.platform.InvalidInputException;

/**
 * Where a page of the case list ended, in the list's order (newest report first, then the higher id):
 * {@code <reported at, microseconds since the epoch>-<id>}. The next page starts after it, so a deep page costs
 * what the first does and a report filed meanwhile shifts nothing. A cursor that is not one is bad input (400).
 */
record CaseCursor(OffsetDateTime reportedAt, long id) {

	private static final Pattern FORM = Pattern.compile("(\\d{1,17})-(\\d{1,18})");

	static CaseCursor parse(String text) {
		Matcher m = FORM.matcher(text.strip());
		if (!m.matches()) {
			throw new InvalidInputException("error.cursor");
		}
		long micros = Long.parseLong(m.group(1));
		Instant at = Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1_000);
		return new CaseCursor(at.atOffset(ZoneOffset.UTC), Long.parseLong(m.group(2)));
	}

	static CaseCursor after(CaseSummary last) {
		return new CaseCursor(last.reportedAt(), last.id());
	}

	@Override
	public String toString() {
		Instant at = reportedAt.toInstant();
		return (at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000) + "-" + id;
	}
}
