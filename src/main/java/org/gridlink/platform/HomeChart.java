package org.gridlink.platform;

import java.time.LocalDate;
import java.util.List;

/**
 * A trend on a user's home page, where a line says more than a number: one value per day (district time) for each
 * series, e.g. cases reported and closed per day over the last 14 days. Modules contribute charts through
 * {@link HomeCards#chartsFor}, from their own facade and within the user's scope. The page draws it with ECharts and
 * also gives the figures as a table for screen readers.
 *
 * @param titleKey message key of the chart's title
 * @param href where the chart leads (the list behind the figures)
 * @param days the days, oldest first
 * @param series the lines, each with as many values as there are days
 */
@org.springframework.modulith.NamedInterface("api")
public record HomeChart(String titleKey, String href, List<LocalDate> days, List<Series> series) {

	/** The tones of {@code app.css}'s status colours a series may take. */
	public enum Tone {
		OPEN, NORMAL, WARNING, OVERDUE, CLOSED
	}

	/** One line: its label (message key), its colour and a value per day. */
	public record Series(String labelKey, Tone tone, List<Long> values) {

		public Series {
			values = List.copyOf(values);
		}
	}

	public HomeChart {
		days = List.copyOf(days);
		series = List.copyOf(series);
		for (Series s : series) {
			if (s.values().size() != days.size()) {
				throw new IllegalArgumentException("a value per day: " + s.labelKey());
			}
		}
	}
}
