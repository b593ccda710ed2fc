package org.gridlink.cases;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A major class (大类, {@code majorCode} null) or a minor class (小类) with its filing condition, handling time limit
 * and closing condition. Open311's {@code service_code} is a minor class code.
 */
public record CaseCategory(String code, @Nullable String majorCode, String family, String nameZh, String nameEn,
		String filingCondition, String closingCondition, @Nullable Integer timeLimit, @Nullable String timeUnit,
		boolean active) {

	public static final String WORK_HOURS = "WORK_HOURS";
	public static final String WORK_DAYS = "WORK_DAYS";

	public boolean isMinor() {
		return majorCode != null;
	}

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
	}

	/** The time limit in working minutes, given the minutes of a working day; null for a major class. */
	@Nullable
	public Integer limitMinutes(long minutesPerDay) {
		if (timeLimit == null || timeUnit == null) {
			return null;
		}
		return (int) (WORK_DAYS.equals(timeUnit) ? timeLimit * minutesPerDay : timeLimit * 60L);
	}
}
