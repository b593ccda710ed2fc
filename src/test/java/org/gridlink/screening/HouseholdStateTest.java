package org.gridlink.screening;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The household's state rule without Spring or a database: a visit's outcome becomes the state, a new person puts
 * the household back to "not yet screened", and the grid's counters move by the difference (screened households,
 * screened persons, abnormal households, abnormal persons, unreachable, moved out).
 */
class HouseholdStateTest {

	static final HouseholdState TO_DO = new HouseholdState(null, 0, 3);

	@Test
	void aVisitScreensTheHouseholdAndCountsItsMembers() {
		HouseholdState after = TO_DO.after(Outcome.ALL_NORMAL, 0);
		assertThat(after).isEqualTo(new HouseholdState(Outcome.ALL_NORMAL, 0, 3));
		assertThat(after.screened()).isTrue();
		assertThat(after.countersSince(TO_DO)).containsExactly(1, 3, 0, 0, 0, 0);
	}

	@Test
	void aNewPersonPutsAScreenedHouseholdBackToToDo() {
		HouseholdState normal = new HouseholdState(Outcome.ALL_NORMAL, 0, 3);
		HouseholdState after = normal.after(Outcome.NEW_PERSON, 0);
		assertThat(after).isEqualTo(new HouseholdState(null, 0, 3));
		assertThat(after.screened()).isFalse();
		assertThat(after.countersSince(normal)).containsExactly(-1, -3, 0, 0, 0, 0);
	}

	@Test
	void aNewPersonInAnAbnormalHouseholdTakesItsAbnormalCountsBackUntilTheNextVisit() {
		HouseholdState abnormal = new HouseholdState(Outcome.EXCEPTION, 2, 3);
		HouseholdState after = abnormal.after(Outcome.NEW_PERSON, 0);
		assertThat(after.outcome()).isNull();
		assertThat(after.countersSince(abnormal)).containsExactly(-1, -3, -1, -2, 0, 0);
		HouseholdState revisited = after.after(Outcome.EXCEPTION, 1);
		assertThat(revisited.countersSince(after)).containsExactly(1, 3, 1, 1, 0, 0);
	}

	@Test
	void aNewPersonInAHouseholdNotYetScreenedChangesNoCounter() {
		assertThat(TO_DO.after(Outcome.NEW_PERSON, 0)).isEqualTo(TO_DO);
		assertThat(TO_DO.after(Outcome.NEW_PERSON, 0).countersSince(TO_DO)).containsExactly(0, 0, 0, 0, 0, 0);
	}

	@Test
	void aNewPersonWhereNobodyWasReachedOrWhoMovedOut() {
		HouseholdState unreachable = new HouseholdState(Outcome.UNREACHABLE, 0, 3);
		assertThat(unreachable.after(Outcome.NEW_PERSON, 0).countersSince(unreachable))
				.containsExactly(0, 0, 0, 0, -1, 0);
		HouseholdState moved = new HouseholdState(Outcome.MOVED_OUT, 0, 3);
		assertThat(moved.after(Outcome.NEW_PERSON, 0).countersSince(moved)).containsExactly(-1, -3, 0, 0, 0, -1);
	}

	@Test
	void aLaterVisitReplacesTheEarlierOne() {
		HouseholdState abnormal = new HouseholdState(Outcome.EXCEPTION, 2, 4);
		HouseholdState normal = abnormal.after(Outcome.ALL_NORMAL, 0);
		assertThat(normal.countersSince(abnormal)).containsExactly(0, 0, -1, -2, 0, 0);
		HouseholdState unreachable = normal.after(Outcome.UNREACHABLE, 0);
		assertThat(unreachable.countersSince(normal)).containsExactly(-1, -4, 0, 0, 1, 0);
	}

	@Test
	void aStoredStateIsReadBackAndANewPersonIsNeverAState() {
		assertThat(HouseholdState.of("EXCEPTION", 1, 2)).isEqualTo(new HouseholdState(Outcome.EXCEPTION, 1, 2));
		assertThat(HouseholdState.of(null, 0, 2)).isEqualTo(new HouseholdState(null, 0, 2));
		assertThatThrownBy(() -> HouseholdState.of("NEW_PERSON", 0, 2)).isInstanceOf(IllegalArgumentException.class);
	}
}
