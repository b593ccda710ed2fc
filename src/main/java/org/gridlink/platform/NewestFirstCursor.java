package org.gridlink.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of a newest-first list ended (a time, then the higher id first): {@code <time in microseconds since
 * the epoch>-<id>}, the {@code next} of a {@link ListPage} and the {@code after=} of the API. The next page starts
 * after it, so a deep page costs what the first does and a row added meanwhile shifts nothing. A cursor that is not
 * one is bad input (400).
 */
@org.springframework.modulith.NamedInterface("api")
public record NewestFirstCursor(OffsetDateTime at, long id) {

	private static final Pattern FORM = Pattern.compile("(\\d{1,17})-(\\d{1,18})");

	public static NewestFirstCursor parse(String text) {
		Matcher m = FORM.matcher(text.strip());
		if (!m.matches()) {
			throw new InvalidInputException("error.cursor");
		}
		long micros = Long.parseLong(m.group(1));
		Instant at = Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1_000);
		return new NewestFirstCursor(at.atOffset(ZoneOffset.UTC), Long.parseLong(m.group(2)));
	}

	/** The condition for the rows after this cursor in {@code ORDER BY time DESC, id DESC}, its parameters added. */
	public String after(String timeColumn, String idColumn, List<Object> params) {
		params.add(at);
		params.add(at);
		params.add(id);
		return "(" + timeColumn + " < ? OR (" + timeColumn + " = ? AND " + idColumn + " < ?))";
	}

	@Override
	public String toString() {
		Instant instant = at.toInstant();
		return (instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000) + "-" + id;
	}
}
