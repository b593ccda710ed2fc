package org.gridlink.enterprise.support;

import java.util.List;

/**
 * The self-check questionnaire (自查问卷) of a legal check-up: questions by area, each answered yes, no or unsure with
 * an optional note. Codes are stable (stored); the words are in the message bundle ({@code support.question.<code>}).
 */
public final class CheckupQuestions {

	public enum Area {
		LABOUR, SOCIAL_INSURANCE, CONTRACTS, IP, SAFETY, ENVIRONMENT, TAX
	}

	public record Question(String code, Area area) {
	}

	public static final List<Question> ALL = List.of(
			new Question("LABOUR_CONTRACTS", Area.LABOUR),
			new Question("LABOUR_WAGES", Area.LABOUR),
			new Question("LABOUR_HOURS", Area.LABOUR),
			new Question("SOCIAL_INSURANCE_ALL", Area.SOCIAL_INSURANCE),
			new Question("SOCIAL_HOUSING_FUND", Area.SOCIAL_INSURANCE),
			new Question("CONTRACTS_REVIEW", Area.CONTRACTS),
			new Question("CONTRACTS_SEAL", Area.CONTRACTS),
			new Question("IP_TRADEMARK", Area.IP),
			new Question("IP_SOFTWARE", Area.IP),
			new Question("SAFETY_TRAINING", Area.SAFETY),
			new Question("SAFETY_FIRE", Area.SAFETY),
			new Question("ENVIRONMENT_PERMIT", Area.ENVIRONMENT),
			new Question("TAX_INVOICES", Area.TAX));

	public static final List<String> ANSWERS = List.of("YES", "NO", "UNSURE");

	private CheckupQuestions() {
	}
}
