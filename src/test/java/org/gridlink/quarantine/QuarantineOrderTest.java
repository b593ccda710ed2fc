package org.gridlink.quarantine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.quarantine.QuarantineOrder.Bed;
import org.gridlink.quarantine.QuarantineOrder.Entry;
import org.gridlink.quarantine.QuarantineOrder.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a quarantine order's steps, without Spring or a database. */
class QuarantineOrderTest {

	static final LocalDate END = LocalDate.of(2030, 5, 20);
	static final OffsetDateTime NOW = OffsetDateTime.of(2030, 5, 14, 9, 0, 0, 0, ZoneOffset.ofHours(8));
	static final Bed BED_A = new Bed(11, 1, 2, "A", "101", "江滨隔离点", true);
	static final Bed BED_B = new Bed(12, 1, 2, "B", "101", "江滨隔离点", true);

	static QuarantineOrder home() {
		return new QuarantineOrder(7, 3, OrderStatus.ACTIVE, OrderType.HOME, null, null, null, "HOME", END, 70, 700L,
				"320819001001001", null);
	}

	static QuarantineOrder inBed(Bed bed) {
		return new QuarantineOrder(8, 1, OrderStatus.ACTIVE, OrderType.CENTRALIZED, bed.siteId(), bed.roomId(),
				bed.id(), bed.describe(), END, 80, null, "320819001001002", null);
	}

	@Test
	void anExtensionMovesThePlannedEndLaterByAtMostThirtyDaysWithAReason() {
		Step step = home().extend(END.plusDays(3), " 复查阳性 ");
		assertThat(step.order().plannedEnd()).isEqualTo(END.plusDays(3));
		assertThat(step.order().version()).as("the write raises it, not the rule").isEqualTo(3);
		assertThat(step.entries()).containsExactly(new Entry("EXTENDED", null, END + " → " + END.plusDays(3), "复查阳性"));
		assertThat(step.event()).isNull();

		assertThat(home().extend(END.plusDays(30), "复查").order().plannedEnd()).isEqualTo(END.plusDays(30));
		for (LocalDate bad : new LocalDate[] { END, END.minusDays(1), END.plusDays(31), null }) {
			assertThatThrownBy(() -> home().extend(bad, "复查")).isInstanceOf(InvalidInputException.class)
					.hasMessageContaining("quarantine.extend.invalid");
		}
		assertThatThrownBy(() -> home().extend(END.plusDays(1), " x")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("quarantine.reason.invalid");
	}

	@Test
	void aTransferLeavesTheOldPlaceEntersTheNewOneAndRecordsTheMove() {
		Step toBed = home().transfer(OrderType.CENTRALIZED, BED_A, "家中不具备条件");
		assertThat(toBed.order().type()).isEqualTo(OrderType.CENTRALIZED);
		assertThat(toBed.order().bedId()).isEqualTo(11L);
		assertThat(toBed.order().occupiedBedId()).isEqualTo(11L);
		assertThat(toBed.entries()).extracting(Entry::action).containsExactly("ADMITTED", "TRANSFERRED");
		assertThat(toBed.entries().get(1).detail()).isEqualTo("HOME → 江滨隔离点 101-A");

		Step otherBed = inBed(BED_A).transfer(OrderType.CENTRALIZED, BED_B, "调整房间");
		assertThat(otherBed.entries()).extracting(Entry::action).containsExactly("DISCHARGED", "ADMITTED",
				"TRANSFERRED");
		assertThat(otherBed.entries().get(0)).isEqualTo(new Entry("DISCHARGED", 1L, "江滨隔离点 101-A", "调整房间"));

		Step backHome = inBed(BED_A).transfer(OrderType.HOME, null, "转居家");
		assertThat(backHome.order().siteId()).isNull();
		assertThat(backHome.order().occupiedBedId()).isNull();
		assertThat(backHome.entries()).extracting(Entry::action).containsExactly("DISCHARGED", "TRANSFERRED");
	}

	@Test
	void aTransferToWhereTheOrderAlreadyIsIsRefused() {
		assertThatThrownBy(() -> home().transfer(OrderType.HOME, null, "原地")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("quarantine.transfer.same");
		assertThatThrownBy(() -> inBed(BED_A).transfer(OrderType.CENTRALIZED, BED_A, "原床"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("quarantine.transfer.same");
	}

	@Test
	void aReleaseBeforeThePlannedEndIsEarlyAndNeedsAReasonAtOrAfterItCompleted() {
		assertThatThrownBy(() -> home().release(END.minusDays(1), "", "center", NOW))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("quarantine.reason.invalid");
		Step early = inBed(BED_A).release(END.minusDays(1), "转院治疗", "center", NOW);
		assertThat(early.order().status()).isEqualTo(OrderStatus.RELEASED);
		assertThat(early.order().release()).isEqualTo(
				new QuarantineOrder.Release(ReleaseKind.EARLY, "转院治疗", NOW, "center"));
		assertThat(early.order().occupiedBedId()).as("the bed is free").isNull();
		assertThat(early.order().bedId()).as("the history keeps where it was").isEqualTo(11L);
		assertThat(early.entries()).extracting(Entry::action).containsExactly("DISCHARGED", "RELEASED");
		assertThat(early.event()).isEqualTo(new QuarantineReleased(8, 80, null, "320819001001002",
				OrderType.CENTRALIZED, true, NOW));

		Step completed = home().release(END, null, "center", NOW);
		assertThat(completed.order().release().kind()).isEqualTo(ReleaseKind.COMPLETED);
		assertThat(completed.order().release().reason()).isEmpty();
		assertThat(completed.entries()).containsExactly(new Entry("RELEASED", null, "COMPLETED → 320819001001001", ""));
		assertThat(completed.event().early()).isFalse();
		assertThat(completed.event().residentId()).isEqualTo(700L);
	}

	@Test
	void aReleasedOrderTakesNoFurtherStep() {
		QuarantineOrder released = home().release(END, null, "center", NOW).order();
		assertThatThrownBy(() -> released.extend(END.plusDays(1), "复查")).isInstanceOf(ConflictException.class)
				.hasMessageContaining("quarantine.order.notActive");
		assertThatThrownBy(() -> released.transfer(OrderType.CENTRALIZED, BED_A, "转入"))
				.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> released.release(END, null, "center", NOW)).isInstanceOf(ConflictException.class);
	}
}
