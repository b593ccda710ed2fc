package org.gridlink.quarantine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a check-in says about a person's health: a temperature (°C, one decimal), the listed symptoms ticked, a
 * note. Parsed from what was typed, with one problem per field. Stored encrypted as one text.
 */
public record HealthReport(@Nullable BigDecimal temperature, List<String> symptoms, String note) {

	/**
	 * Checks what was typed: {@code temperatureRequired} for a self-report and a visit that saw the person. Returns the
	 * report, or the problems by field ({@code temperature}, {@code symptoms}, {@code note}).
	 */
	static Parsed parse(@Nullable String temperature, @Nullable List<String> symptoms, @Nullable String note,
			boolean temperatureRequired, MonitoringRules rules) {
		Map<String, InvalidInputException> problems = new LinkedHashMap<>();
		BigDecimal reading = null;
		String t = temperature == null ? "" : temperature.strip().replace('，', '.').replace(',', '.');
		if (t.isEmpty()) {
			if (temperatureRequired) {
				problems.put("temperature", new InvalidInputException("checkins.temperature.required"));
			}
		}
		else if (!t.matches("\\d{2}(\\.\\d)?")) {
			problems.put("temperature", new InvalidInputException("checkins.temperature.invalid",
					MonitoringRules.MIN_TEMPERATURE.toPlainString(), MonitoringRules.MAX_TEMPERATURE.toPlainString()));
		}
		else {
			reading = new BigDecimal(t).setScale(1);
			if (reading.compareTo(MonitoringRules.MIN_TEMPERATURE) < 0
					|| reading.compareTo(MonitoringRules.MAX_TEMPERATURE) > 0) {
				problems.put("temperature", new InvalidInputException("checkins.temperature.invalid",
						MonitoringRules.MIN_TEMPERATURE.toPlainString(), MonitoringRules.MAX_TEMPERATURE.toPlainString()));
				reading = null;
			}
		}
		LinkedHashSet<String> ticked = new LinkedHashSet<>();
		for (String s : symptoms == null ? List.<String>of() : symptoms) {
			String code = s == null ? "" : s.strip();
			if (code.isEmpty()) {
				continue;
			}
			if (!rules.symptoms().contains(code)) {
				problems.putIfAbsent("symptoms", new InvalidInputException("checkins.symptom.unknown",
						code.length() > 30 ? code.substring(0, 30) + "…" : code));
			}
			else {
				ticked.add(code);
			}
		}
		String n = note == null ? "" : note.strip();
		if (n.length() > MonitoringRules.MAX_NOTE) {
			problems.put("note", new InvalidInputException("checkins.note.invalid", MonitoringRules.MAX_NOTE));
		}
		List<String> ordered = new ArrayList<>(rules.symptoms());
		ordered.retainAll(ticked);
		return new Parsed(problems.isEmpty() ? new HealthReport(reading, List.copyOf(ordered), n) : null, problems);
	}

	/** The parsed report, or the problems by field. */
	record Parsed(@Nullable HealthReport report, Map<String, InvalidInputException> problems) {

		HealthReport orThrow() {
			if (report == null) {
				throw problems.values().iterator().next();
			}
			return report;
		}
	}

	boolean fever(MonitoringRules rules) {
		return temperature != null && rules.isFever(temperature);
	}

	/** FEVER, SYMPTOM, FEVER_SYMPTOM, or null when neither. */
	@Nullable
	String alertReason(MonitoringRules rules) {
		boolean fever = fever(rules);
		boolean symptom = !symptoms.isEmpty();
		return fever && symptom ? "FEVER_SYMPTOM" : fever ? "FEVER" : symptom ? "SYMPTOM" : null;
	}

	/** The stored form (encrypted by the caller): version, temperature, symptoms, note. */
	String encode() {
		return "1|" + (temperature == null ? "" : temperature.toPlainString()) + "|" + String.join(",", symptoms) + "|"
				+ note;
	}

	static HealthReport decode(String stored) {
		String[] parts = stored.split("\\|", 4);
		return new HealthReport(parts[1].isEmpty() ? null : new BigDecimal(parts[1]),
				parts[2].isEmpty() ? List.of() : List.of(parts[2].split(",")), parts[3]);
	}
}
