package org.gridlink.screening;

/** What a visit to a household found. */
public enum Outcome {
	/** Everyone at home answered, nothing abnormal. */
	ALL_NORMAL,
	/** Answers per person, some possibly abnormal. */
	EXCEPTION,
	/** Nobody could be reached; the household stays to do. */
	UNREACHABLE,
	/** The household no longer lives there. */
	MOVED_OUT,
	/** A person not in the registry was found: the household is to be screened again ({@link HouseholdState}). */
	NEW_PERSON;

	/** True when a household whose latest record has this outcome counts as screened. */
	boolean screened() {
		return this == ALL_NORMAL || this == EXCEPTION || this == MOVED_OUT;
	}

	static boolean isValid(String name) {
		for (Outcome o : values()) {
			if (o.name().equals(name)) {
				return true;
			}
		}
		return false;
	}
}
