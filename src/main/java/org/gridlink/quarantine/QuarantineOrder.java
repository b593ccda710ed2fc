package org.gridlink.quarantine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A quarantine order as an aggregate: its state and the rules of its steps. Each step (extend, transfer, release)
 * checks the state and returns a {@link Step}: the order after it, the history entries it writes and the event it
 * raises. No Spring, no database: {@link QuarantineOrders} loads the order, runs a step and writes the result once,
 * under the version it read.
 *
 * @param place where the person stays, for the history: HOME, or "site room-bed"
 */
record QuarantineOrder(long id, int version, OrderStatus status, OrderType type, @Nullable Long siteId,
		@Nullable Long roomId, @Nullable Long bedId, String place, LocalDate plannedEnd, long personId,
		@Nullable Long residentId, String gridCode, @Nullable Release release) {

	static final int MAX_EXTENSION_DAYS = 30;

	/** How an order ended. */
	record Release(ReleaseKind kind, String reason, OffsetDateTime at, String by) {
	}

	/** A bed of a centralized site to admit to. */
	record Bed(long id, long siteId, long roomId, String label, String room, String site, boolean inService) {

		String describe() {
			return site + " " + room + "-" + label;
		}
	}

	/** One row of the order's history. */
	record Entry(String action, @Nullable Long siteId, String detail, String reason) {
	}

	/** What a step did: the order after it, its history entries, and the event it raises (if any). */
	record Step(QuarantineOrder order, List<Entry> entries, @Nullable QuarantineReleased event) {
	}

	static QuarantineOrder of(OrderView view) {
		String place = view.type() == OrderType.HOME ? "HOME"
				: view.siteName() + " " + view.roomNumber() + "-" + view.bedLabel();
		Release release = view.releaseKind() == null ? null
				: new Release(view.releaseKind(), String.valueOf(view.releaseReason()), view.releasedAt(),
						String.valueOf(view.releasedBy()));
		return new QuarantineOrder(view.id(), view.version(), view.status(), view.type(), view.siteId(), view.roomId(),
				view.bedId(), place, view.plannedEnd(), view.personId(), view.residentId(), view.gridCode(), release);
	}

	/** Refuses every step of an order that is no longer active. */
	QuarantineOrder requireActive() {
		if (status != OrderStatus.ACTIVE) {
			throw new ConflictException("quarantine.order.notActive", String.valueOf(id));
		}
		return this;
	}

	/** Extends the planned end to a later day, at most {@value #MAX_EXTENSION_DAYS} days later, with a reason. */
	Step extend(@Nullable LocalDate newEnd, @Nullable String reason) {
		requireActive();
		String why = reason(reason);
		if (newEnd == null || !newEnd.isAfter(plannedEnd) || newEnd.isAfter(plannedEnd.plusDays(MAX_EXTENSION_DAYS))) {
			throw new InvalidInputException("quarantine.extend.invalid", MAX_EXTENSION_DAYS);
		}
		QuarantineOrder after = new QuarantineOrder(id, version, status, type, siteId, roomId, bedId, place, newEnd,
				personId, residentId, gridCode, release);
		return new Step(after, List.of(new Entry("EXTENDED", null, plannedEnd + " → " + newEnd, why)), null);
	}

	/**
	 * Moves the order home ({@code bed} null) or to a bed, with a reason: leaves the current site (DISCHARGED), enters
	 * the new one (ADMITTED), and records the move (TRANSFERRED). Moving to where it is is refused.
	 */
	Step transfer(OrderType to, @Nullable Bed bed, @Nullable String reason) {
		requireActive();
		String why = reason(reason);
		if ((to == OrderType.HOME) != (bed == null)) {
			throw new InvalidInputException(to == OrderType.HOME ? "quarantine.home.noBed" : "quarantine.bed.required");
		}
		if (to == type && (bed == null || bedId != null && bed.id() == bedId)) {
			throw new InvalidInputException("quarantine.transfer.same");
		}
		String newPlace = bed == null ? "HOME" : bed.describe();
		List<Entry> entries = new ArrayList<>();
		if (siteId != null) {
			entries.add(new Entry("DISCHARGED", siteId, place, why));
		}
		if (bed != null) {
			entries.add(new Entry("ADMITTED", bed.siteId(), newPlace, why));
		}
		entries.add(new Entry("TRANSFERRED", null, place + " → " + newPlace, why));
		QuarantineOrder after = new QuarantineOrder(id, version, status, to, bed == null ? null : bed.siteId(),
				bed == null ? null : bed.roomId(), bed == null ? null : bed.id(), newPlace, plannedEnd, personId,
				residentId, gridCode, release);
		return new Step(after, List.copyOf(entries), null);
	}

	/**
	 * Releases the order on {@code today}: at or after the planned end COMPLETED (a reason optional), before it EARLY
	 * (a reason required). Frees the bed and hands the person back to their grid ({@link QuarantineReleased}).
	 */
	Step release(LocalDate today, @Nullable String reason, String by, OffsetDateTime now) {
		requireActive();
		boolean early = today.isBefore(plannedEnd);
		String why = reason == null ? "" : reason.strip();
		if (early || !why.isEmpty()) {
			why = reason(reason);
		}
		ReleaseKind kind = early ? ReleaseKind.EARLY : ReleaseKind.COMPLETED;
		List<Entry> entries = new ArrayList<>();
		if (siteId != null) {
			entries.add(new Entry("DISCHARGED", siteId, place, why));
		}
		entries.add(new Entry("RELEASED", null, kind + " → " + gridCode, why));
		QuarantineOrder after = new QuarantineOrder(id, version, OrderStatus.RELEASED, type, siteId, roomId, bedId,
				place, plannedEnd, personId, residentId, gridCode, new Release(kind, why, now, by));
		return new Step(after, List.copyOf(entries),
				new QuarantineReleased(id, personId, residentId, gridCode, type, early, now));
	}

	/** The bed the order holds: none once released (the bed is free again). */
	@Nullable
	Long occupiedBedId() {
		return status == OrderStatus.ACTIVE ? bedId : null;
	}

	static String reason(@Nullable String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 2 || why.length() > 200) {
			throw new InvalidInputException("quarantine.reason.invalid");
		}
		return why;
	}
}
