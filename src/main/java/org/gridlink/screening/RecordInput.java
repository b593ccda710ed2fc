package org.gridlink.screening;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One record as a phone or an API client sends it. {@code clientId} is a UUID made by the client: sending the same
 * record again (after a lost answer, or from an offline queue) is recognised and not counted twice.
 */
public record RecordInput(@Nullable String clientId, @Nullable Long householdId, @Nullable String outcome,
		@Nullable Map<String, Object> answers, @Nullable List<PersonAnswer> persons, @Nullable NewPerson newPerson) {

	/** One person's answers in an EXCEPTION record. */
	public record PersonAnswer(@Nullable Long residentId, @Nullable Double temperature, @Nullable List<String> symptoms,
			@Nullable Boolean travel, @Nullable Boolean contact, @Nullable String note) {

		boolean abnormal() {
			return (temperature != null && temperature >= Questionnaire.FEVER)
					|| (symptoms != null && !symptoms.isEmpty()) || Boolean.TRUE.equals(travel)
					|| Boolean.TRUE.equals(contact);
		}

		String reasons() {
			StringBuilder out = new StringBuilder();
			if (temperature != null && temperature >= Questionnaire.FEVER) {
				out.append("TEMPERATURE ").append(temperature).append("; ");
			}
			if (symptoms != null && !symptoms.isEmpty()) {
				out.append("SYMPTOMS ").append(String.join(",", symptoms)).append("; ");
			}
			if (Boolean.TRUE.equals(travel)) {
				out.append("TRAVEL; ");
			}
			if (Boolean.TRUE.equals(contact)) {
				out.append("CONTACT; ");
			}
			return out.toString().strip();
		}
	}

	/** A person found in the household who is not registered: becomes a pending resident. */
	public record NewPerson(@Nullable String name, @Nullable String idNumber, @Nullable String phone) {
	}
}
