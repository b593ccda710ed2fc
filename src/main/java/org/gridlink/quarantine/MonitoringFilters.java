package org.gridlink.quarantine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.gridlink.platform.InvalidInputException;

/**
 * The filters of the monitoring board and the alert list as typed values, for the page and the API alike: a value
 * that does not parse is refused with the filter's own message.
 */
public final class MonitoringFilters {

	private MonitoringFilters() {
	}

	public static MonitoringBoard.Figure figure(String value) {
		try {
			return MonitoringBoard.Figure.valueOf(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("checkins.figure.invalid", value);
		}
	}

	public static QuarantineAlerts.Kind kind(String value) {
		try {
			return QuarantineAlerts.Kind.valueOf(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("checkins.kind.invalid", value);
		}
	}

	public static LocalDate day(String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("checkins.day.invalid", value);
		}
	}
}
