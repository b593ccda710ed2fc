package org.gridlink.supplies.necessities;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Scope;
import org.gridlink.quarantine.QuarantineHouseholds;
import org.gridlink.residents.HouseholdFacts;
import org.gridlink.shared.JurisdictionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pick lists (one per compound and supplier for a delivery day, households under quarantine first, then vulnerable
 * households, then the rest) and the board of households left without a delivery.
 */
@Service
public class PickLists {

	/** Why a household is served first; NONE last. Ordered: the first constant comes first. */
	public enum Priority {
		QUARANTINE, VULNERABLE, NONE
	}

	public record Entry(long orderId, long householdId, String label, Priority priority, String status,
			int totalCents, List<NecessityOrders.OrderLine> lines) {

		public String total() {
			return Money.yuan(totalCents);
		}
	}

	public record ItemTotal(String name, String unit, int quantity) {
	}

	public record PickList(String gridCode, String compound, long supplierId, String supplierName, LocalDate date,
			List<Entry> entries, List<ItemTotal> totals) {
	}

	/** Why a household is watched for deliveries. */
	public enum Watch {
		SEALED, QUARANTINE
	}

	/** A household watched (sealed, or a resident under home quarantine) without a delivery for {@code days}. */
	public record Flag(long householdId, String gridCode, String label, Watch reason,
			@Nullable LocalDate lastDelivery, long days) {
	}

	private final JdbcClient jdbc;
	private final HouseholdFacts households;
	private final QuarantineHouseholds quarantine;
	private final NecessityOrders orders;
	private final List<String> priorityTags;
	private final int flagDays;

	PickLists(JdbcClient jdbc, HouseholdFacts households, QuarantineHouseholds quarantine, NecessityOrders orders,
			@Value("${gridlink.necessities.priority-tags:ELDERLY_ALONE,DISABLED,SPECIAL_HARDSHIP,LOW_INCOME,"
					+ "CHRONIC_ILLNESS,PREGNANT}") List<String> priorityTags,
			@Value("${gridlink.necessities.flag-days:3}") int flagDays) {
		this.jdbc = jdbc;
		this.households = households;
		this.quarantine = quarantine;
		this.orders = orders;
		this.priorityTags = List.copyOf(priorityTags);
		this.flagDays = flagDays;
	}

	/** Today in the district's time zone. */
	public LocalDate today() {
		return orders.today();
	}

	public int flagDays() {
		return flagDays;
	}

	/** The place a list covers: a code in the user's scope, or the user's whole scope when empty. */
	List<String> area(CurrentUser user, @Nullable String jurisdiction) {
		if (!NecessityAccess.canOrder(user) && !NecessityAccess.canDeliver(user)) {
			throw new AccessDeniedException("pick lists are not for this role");
		}
		if (jurisdiction == null || jurisdiction.isBlank()) {
			return List.copyOf(user.scope().codes());
		}
		if (!JurisdictionCode.isValid(jurisdiction.strip())) {
			throw new InvalidInputException("necessities.jurisdiction.invalid");
		}
		String code = jurisdiction.strip();
		if (!user.scope().covers(code)) {
			throw new OutOfScopeException("jurisdiction", code);
		}
		return List.of(code);
	}

	/** The pick lists of a day below {@code jurisdiction} (the user's scope when empty). */
	@Transactional(readOnly = true)
	public List<PickList> lists(CurrentUser user, @Nullable String jurisdiction, LocalDate date) {
		List<String> area = area(user, jurisdiction);
		String where = " o.delivery_date = ? AND o.status <> 'CANCELLED' AND " + Scope.of(area)
				.sqlCondition("o.grid_code") + " AND " + user.scope().sqlCondition("o.grid_code");
		Map<Long, List<NecessityOrders.OrderLine>> lines = new HashMap<>();
		jdbc.sql("SELECT l.order_id, l.item_id, l.name, l.unit, l.price_cents, l.quantity FROM necessity_order_line l"
				+ " JOIN necessity_order o ON o.id = l.order_id WHERE" + where + " ORDER BY l.order_id, l.line_no")
				.param(date).query(rs -> {
					lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new NecessityOrders.OrderLine(
							rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6)));
				});
		Set<Long> quarantined = quarantinedHouseholds(area);
		Set<Long> vulnerable = households.taggedHouseholds(area, priorityTags);
		Map<String, PickListBuilder> lists = new TreeMap<>();
		jdbc.sql("SELECT o.id, o.household_id, o.grid_code, o.compound, o.label, o.supplier_id, s.name, o.status,"
				+ " o.total_cents FROM necessity_order o JOIN necessity_supplier s ON s.id = o.supplier_id WHERE" + where)
				.param(date).query(rs -> {
					long household = rs.getLong(2);
					Priority priority = quarantined.contains(household) ? Priority.QUARANTINE
							: vulnerable.contains(household) ? Priority.VULNERABLE : Priority.NONE;
					String key = rs.getString(3) + "\u0000" + rs.getString(4) + "\u0000" + rs.getString(7) + "\u0000"
							+ rs.getLong(6);
					lists.computeIfAbsent(key, k -> {
						try {
							return new PickListBuilder(rs.getString(3), rs.getString(4), rs.getLong(6), rs.getString(7));
						}
						catch (java.sql.SQLException ex) {
							throw new IllegalStateException(ex);
						}
					}).entries.add(new Entry(rs.getLong(1), household, rs.getString(5), priority, rs.getString(8),
							rs.getInt(9), lines.getOrDefault(rs.getLong(1), List.of())));
				});
		List<PickList> out = new ArrayList<>(lists.size());
		for (PickListBuilder b : lists.values()) {
			out.add(b.build(date));
		}
		return out;
	}

	private static final class PickListBuilder {
		final String grid;
		final String compound;
		final long supplierId;
		final String supplier;
		final List<Entry> entries = new ArrayList<>();

		PickListBuilder(String grid, String compound, long supplierId, String supplier) {
			this.grid = grid;
			this.compound = compound;
			this.supplierId = supplierId;
			this.supplier = supplier;
		}

		PickList build(LocalDate date) {
			entries.sort(Comparator.comparing(Entry::priority).thenComparing(Entry::label)
					.thenComparingLong(Entry::orderId));
			Map<String, int[]> totals = new LinkedHashMap<>();
			Map<String, String[]> names = new HashMap<>();
			for (Entry e : entries) {
				for (NecessityOrders.OrderLine l : e.lines()) {
					String key = l.name() + "\u0000" + l.unit();
					totals.computeIfAbsent(key, k -> new int[1])[0] += l.quantity();
					names.putIfAbsent(key, new String[] { l.name(), l.unit() });
				}
			}
			List<ItemTotal> itemTotals = new ArrayList<>();
			totals.forEach((k, v) -> itemTotals.add(new ItemTotal(names.get(k)[0], names.get(k)[1], v[0])));
			return new PickList(grid, compound, supplierId, supplier, date, List.copyOf(entries), itemTotals);
		}
	}

	/** How many of today's orders in the user's scope wait to be handed over. */
	public long toHandOver(CurrentUser user) {
		return jdbc.sql("SELECT COUNT(*) FROM necessity_order o WHERE o.delivery_date = ? AND o.status = 'PLACED' AND "
				+ user.scope().sqlCondition("o.grid_code")).param(today()).query(Long.class).single();
	}

	/** Households (residents' ids) with a resident under active home quarantine below the area. */
	Set<Long> quarantinedHouseholds(List<String> area) {
		List<QuarantineHouseholds.AtHome> atHome = quarantine.atHome(area);
		if (atHome.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(households.householdsOf(atHome.stream().map(QuarantineHouseholds.AtHome::residentId)
				.toList()).values());
	}

	/**
	 * The watched households (sealed, or with a resident under home quarantine) below the area without a delivery for
	 * at least the configured days (counted from the last delivery, or from when the watch began), longest first.
	 */
	@Transactional(readOnly = true)
	public List<Flag> flags(CurrentUser user, @Nullable String jurisdiction) {
		List<String> area = area(user, jurisdiction);
		LocalDate today = orders.today();
		String scope = Scope.of(area).sqlCondition("h.grid_code") + " AND " + user.scope().sqlCondition("h.grid_code");
		Map<Long, Flag> watched = new LinkedHashMap<>();
		Map<Long, LocalDate> last = new HashMap<>();
		jdbc.sql("SELECT o.household_id, MAX(o.delivered_at) FROM necessity_order o JOIN necessity_household h"
				+ " ON h.household_id = o.household_id WHERE o.status = 'DELIVERED' AND " + scope
				+ " GROUP BY o.household_id").query(rs -> {
					OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
					last.put(rs.getLong(1), at.atZoneSameInstant(orders.zone()).toLocalDate());
				});
		jdbc.sql("SELECT h.household_id, h.grid_code, h.label, h.sealed_since FROM necessity_household h WHERE"
				+ " h.sealed_since IS NOT NULL AND " + scope).query(rs -> {
					long id = rs.getLong(1);
					flag(watched, id, rs.getString(2), rs.getString(3), Watch.SEALED,
							rs.getObject(4, LocalDate.class), last.get(id), today);
				});
		Map<Long, LocalDate> since = new HashMap<>();
		List<QuarantineHouseholds.AtHome> atHome = quarantine.atHome(area);
		Map<Long, Long> householdOf = households.householdsOf(atHome.stream()
				.map(QuarantineHouseholds.AtHome::residentId).toList());
		for (QuarantineHouseholds.AtHome a : atHome) {
			Long household = householdOf.get(a.residentId());
			if (household != null) {
				since.merge(household, a.startDate(), (x, y) -> x.isBefore(y) ? x : y);
			}
		}
		Map<Long, LocalDate> lastOfQuarantined = new HashMap<>();
		if (!since.isEmpty()) {
			List<Long> ids = List.copyOf(since.keySet());
			jdbc.sql("SELECT household_id, MAX(delivered_at) FROM necessity_order WHERE status = 'DELIVERED' AND"
					+ " household_id IN (" + "?, ".repeat(ids.size() - 1) + "?) GROUP BY household_id")
					.params(ids.toArray()).query(rs -> {
						lastOfQuarantined.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)
								.atZoneSameInstant(orders.zone()).toLocalDate());
					});
		}
		for (var e : since.entrySet()) {
			households.household(e.getKey()).ifPresent(h -> {
				watched.remove(h.id());
				flag(watched, h.id(), h.gridCode(), h.label(), Watch.QUARANTINE, e.getValue(),
						lastOfQuarantined.get(h.id()), today);
			});
		}
		return watched.values().stream().sorted(Comparator.comparingLong(Flag::days).reversed()
				.thenComparing(Flag::gridCode).thenComparing(Flag::label)).toList();
	}

	private void flag(Map<Long, Flag> out, long id, String grid, String label, Watch reason, LocalDate watchedSince,
			@Nullable LocalDate lastDelivery, LocalDate today) {
		LocalDate from = lastDelivery != null && lastDelivery.isAfter(watchedSince) ? lastDelivery : watchedSince;
		long days = ChronoUnit.DAYS.between(from, today);
		if (days >= flagDays) {
			out.put(id, new Flag(id, grid, label, reason, lastDelivery, days));
		}
	}
}
