package org.gridlink.quarantine.web;

import java.time.LocalDate;

import org.gridlink.quarantine.OrderType;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of an order's page as posted (bound by Spring); the module checks their values. */
final class OrderForms {

	private OrderForms() {
	}

	/** A new order: home, or a site (its first free bed) or a bed of it. */
	record OrderForm(@Nullable OrderType type, @Nullable Long siteId, @Nullable Long bedId,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startDate) {

		@Nullable
		Long site() {
			return type == OrderType.HOME ? null : siteId;
		}

		@Nullable
		Long bed() {
			return type == OrderType.HOME ? null : bedId;
		}
	}

	record ExtendForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate plannedEnd,
			@Nullable String reason, @Nullable Integer version) {
	}

	/** A transfer: a home transfer ignores the site and bed fields left in the page. */
	record TransferForm(@Nullable OrderType type, @Nullable Long siteId, @Nullable Long bedId, @Nullable String reason,
			@Nullable Integer version) {

		@Nullable
		Long site() {
			return type == OrderType.HOME ? null : siteId;
		}

		@Nullable
		Long bed() {
			return type == OrderType.HOME ? null : bedId;
		}
	}

	record ReleaseForm(@Nullable String reason, @Nullable Integer version) {
	}

	record EventForm(@Nullable String name, @Nullable String place,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate occurredOn,
			@Nullable String jurisdictionCode) {
	}
}
