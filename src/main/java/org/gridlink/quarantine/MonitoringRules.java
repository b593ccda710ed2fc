package org.gridlink.quarantine;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rules of home quarantine monitoring, from configuration: the hour by which a person must have checked in
 * ({@code gridlink.quarantine.checkin.deadline}, default 10:00 district time), the fever threshold (default 37.3 °C,
 * "≥ threshold" is a fever), the symptoms a person can tick (codes; names in i18n {@code checkins.symptom.<CODE>}),
 * and the plausible range of a temperature reading.
 */
@Component
public class MonitoringRules {

	/** Lowest and highest temperature accepted as a reading (°C). */
	public static final BigDecimal MIN_TEMPERATURE = new BigDecimal("34.0");
	public static final BigDecimal MAX_TEMPERATURE = new BigDecimal("43.0");
	public static final int MAX_NOTE = 500;

	private final LocalTime deadline;
	private final BigDecimal feverThreshold;
	private final List<String> symptoms;

	MonitoringRules(@Value("${gridlink.quarantine.checkin.deadline:10:00}") LocalTime deadline,
			@Value("${gridlink.quarantine.checkin.fever-threshold:37.3}") BigDecimal feverThreshold,
			@Value("${gridlink.quarantine.checkin.symptoms:COUGH,SORE_THROAT,FATIGUE,SHORT_BREATH,TASTE_SMELL_LOSS,DIARRHEA,MUSCLE_ACHE}") List<String> symptoms) {
		if (feverThreshold.compareTo(MIN_TEMPERATURE) <= 0 || feverThreshold.compareTo(MAX_TEMPERATURE) >= 0) {
			throw new IllegalArgumentException("gridlink.quarantine.checkin.fever-threshold out of range: " + feverThreshold);
		}
		Set<String> codes = new LinkedHashSet<>();
		for (String code : symptoms) {
			String c = code.strip();
			if (!c.matches("[A-Z][A-Z_]{1,29}")) {
				throw new IllegalArgumentException("gridlink.quarantine.checkin.symptoms: not a code: " + code);
			}
			codes.add(c);
		}
		this.deadline = deadline;
		this.feverThreshold = feverThreshold;
		this.symptoms = List.copyOf(codes);
	}

	/** The local time by which a counted check-in is due each day. */
	public LocalTime deadline() {
		return deadline;
	}

	public BigDecimal feverThreshold() {
		return feverThreshold;
	}

	/** The symptom codes in the order shown. */
	public List<String> symptoms() {
		return symptoms;
	}

	public boolean isFever(BigDecimal temperature) {
		return temperature.compareTo(feverThreshold) >= 0;
	}
}
