package org.gridlink.screening;

import java.util.List;

/**
 * Which questions a campaign asks of each person: temperature, a symptom checklist, travel from one of the listed
 * areas, contact with a case, a free note. Stored with the campaign as JSON.
 */
public record Questionnaire(boolean temperature, boolean symptoms, List<String> symptomList, boolean travel,
		List<String> travelAreas, boolean contact, boolean note) {

	/** Temperatures at or above this are abnormal (°C). */
	public static final double FEVER = 37.3;
	public static final double MIN_TEMPERATURE = 34.0;
	public static final double MAX_TEMPERATURE = 43.0;

	public Questionnaire {
		symptomList = symptomList == null ? List.of() : symptomList.stream().map(String::strip)
				.filter(s -> !s.isEmpty()).distinct().toList();
		travelAreas = travelAreas == null ? List.of() : travelAreas.stream().map(String::strip)
				.filter(s -> !s.isEmpty()).distinct().toList();
	}

	/** Every question on, with the usual symptom checklist. */
	public static Questionnaire standard() {
		return new Questionnaire(true, true, List.of("发热", "干咳", "乏力", "咽痛", "嗅觉味觉减退", "腹泻"), true,
				List.of(), true, true);
	}
}
