package org.gridlink.screening.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.screening.NewCampaign;
import org.gridlink.screening.Questionnaire;
import org.jspecify.annotations.Nullable;

/**
 * The new-campaign form as posted: texts as typed (a date that is not one reaches the module as missing, which
 * refuses it with its own message), the ticked questions, symptoms and travel areas one a line or comma-separated.
 */
record CampaignForm(@Nullable String name, @Nullable String jurisdictionCode, @Nullable String from,
		@Nullable String to, @Nullable String symptomList, @Nullable String travelAreas,
		@Nullable List<String> questions) {

	static final List<String> QUESTIONS = List.of("temperature", "symptoms", "travel", "contact", "note");

	/** The form for a new campaign: in {@code jurisdictionCode}, from today for three days, every question. */
	static CampaignForm blank(String jurisdictionCode, LocalDate today) {
		return new CampaignForm("", jurisdictionCode, today.toString(), today.plusDays(2).toString(),
				String.join("\n", Questionnaire.standard().symptomList()), "", QUESTIONS);
	}

	List<String> checked() {
		return questions == null ? List.of() : questions;
	}

	NewCampaign campaign() {
		List<String> on = checked();
		Questionnaire questionnaire = new Questionnaire(on.contains("temperature"), on.contains("symptoms"),
				lines(symptomList), on.contains("travel"), lines(travelAreas), on.contains("contact"),
				on.contains("note"));
		return new NewCampaign(name, jurisdictionCode, date(from), date(to), questionnaire);
	}

	/** The texts as typed, by field name, to show the form again. */
	Map<String, @Nullable String> fields() {
		Map<String, @Nullable String> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("jurisdictionCode", jurisdictionCode);
		fields.put("from", from);
		fields.put("to", to);
		fields.put("symptomList", symptomList);
		fields.put("travelAreas", travelAreas);
		return fields;
	}

	private static List<String> lines(@Nullable String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n,，、]+")).map(String::strip)
				.filter(s -> !s.isEmpty()).toList();
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
