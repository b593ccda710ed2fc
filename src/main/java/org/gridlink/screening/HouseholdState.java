package org.gridlink.screening;

import org.jspecify.annotations.Nullable;

/**
 * What a household of a campaign stands at, as its records left it, and how one more record moves it and its grid's
 * counters. Pure: no Spring, no database ({@code HouseholdStateTest}).
 * <p>
 * A visit's outcome becomes the household's state. A new person found there ({@link Outcome#NEW_PERSON}) puts the
 * household back to "not yet screened": the person has answered nothing yet, so the household has to be screened
 * again with everyone in it. The grid's counters move by the difference between before and after, so a household
 * is never counted twice.
 *
 * @param outcome the latest visit's outcome, {@code null} while not yet screened (never {@code NEW_PERSON})
 * @param abnormal abnormal persons of that visit (EXCEPTION only)
 * @param members the household's members when the campaign started
 */
record HouseholdState(@Nullable Outcome outcome, int abnormal, int members) {

	HouseholdState {
		if (outcome == Outcome.NEW_PERSON) {
			throw new IllegalArgumentException("a new person is not a household state");
		}
	}

	/** The state as stored ({@code screening_household.outcome}). */
	static HouseholdState of(@Nullable String outcome, int abnormal, int members) {
		return new HouseholdState(outcome == null ? null : Outcome.valueOf(outcome), abnormal, members);
	}

	/** The household after a record with this outcome ({@code abnormal} persons for an EXCEPTION). */
	HouseholdState after(Outcome recorded, int abnormalPersons) {
		return switch (recorded) {
			case NEW_PERSON -> new HouseholdState(null, 0, members);
			case EXCEPTION -> new HouseholdState(recorded, abnormalPersons, members);
			default -> new HouseholdState(recorded, 0, members);
		};
	}

	boolean screened() {
		return outcome != null && outcome.screened();
	}

	boolean abnormalHousehold() {
		return outcome == Outcome.EXCEPTION && abnormal > 0;
	}

	/**
	 * How the grid's counters move from {@code before} to this state: screened households, screened persons,
	 * abnormal households, abnormal persons, unreachable, moved out (in that order).
	 */
	long[] countersSince(HouseholdState before) {
		long screened = (screened() ? 1 : 0) - (before.screened() ? 1 : 0);
		return new long[] { screened, screened * members,
				(abnormalHousehold() ? 1 : 0) - (before.abnormalHousehold() ? 1 : 0),
				abnormalPersons() - before.abnormalPersons(),
				(outcome == Outcome.UNREACHABLE ? 1 : 0) - (before.outcome == Outcome.UNREACHABLE ? 1 : 0),
				(outcome == Outcome.MOVED_OUT ? 1 : 0) - (before.outcome == Outcome.MOVED_OUT ? 1 : 0) };
	}

	private int abnormalPersons() {
		return outcome == Outcome.EXCEPTION ? abnormal : 0;
	}
}
