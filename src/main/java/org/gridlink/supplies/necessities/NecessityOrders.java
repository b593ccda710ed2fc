package org.gridlink.supplies.necessities;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.quarantine.QuarantineHouseholds;
import org.gridlink.residents.HouseholdFacts;
import org.gridlink.residents.HouseholdView;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders of necessities for households: placed by the resident through the household's link or their check-in link,
 * or by the grid worker; one order per {@code clientId} (a retried submission returns the same order); delivered
 * once at the compound gate (a retried delivery changes nothing). Also the households' links and the sealed mark.
 */
@Service
public class NecessityOrders {

	/** How the order came in. */
	public enum Via {
		LINK, CHECKIN, STAFF
	}

	public record OrderItem(@Nullable Long itemId, @Nullable Integer quantity) {
	}

	/** An order as typed: the household by id (staff) or by a link token (the resident), items, day, client id. */
	public record NewOrder(@Nullable Long householdId, @Nullable String token, @Nullable List<OrderItem> items,
			@Nullable String deliveryDate, @Nullable String clientId) {
	}

	public record OrderLine(long itemId, String name, String unit, int priceCents, int quantity) {

		public String price() {
			return Money.yuan(priceCents);
		}
	}

	public record OrderView(long id, String clientId, long householdId, String gridCode, String compound,
			String label, long supplierId, String supplierName, LocalDate deliveryDate, int totalCents, String status,
			Via placedVia, OffsetDateTime placedAt, @Nullable OffsetDateTime deliveredAt, @Nullable String deliveredBy,
			boolean photo, @Nullable Long deliveredVolunteerId, List<OrderLine> lines) {

		public String total() {
			return Money.yuan(totalCents);
		}

		public boolean delivered() {
			return "DELIVERED".equals(status);
		}
	}

	/** The order and whether this call created it (false: the same clientId had placed it before). */
	public record Placed(OrderView order, boolean created) {
	}

	/** The order and whether this call recorded the delivery (false: it was recorded before). */
	public record Delivered(OrderView order, boolean recorded) {
	}

	/** A household link just issued: the only moment its token is known. */
	public record IssuedLink(long householdId, String token, String path) {
	}

	/** The household behind a link, for the public ordering page (address only, no names). */
	public record LinkedHousehold(long householdId, String gridCode, String label, Via via) {
	}

	public static final String PATH = "/n/";
	static final int MAX_PHOTO = 5 * 1024 * 1024;
	static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");
	static final int DAYS_AHEAD = 14;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Suppliers suppliers;
	private final HouseholdFacts households;
	private final QuarantineHouseholds quarantine;
	private final AuditTrail audit;
	private final Clock clock;

	NecessityOrders(JdbcClient jdbc, Suppliers suppliers, HouseholdFacts households, QuarantineHouseholds quarantine,
			AuditTrail audit, Clock clock, org.gridlink.mobilization.volunteers.Volunteers volunteers) {
		this.volunteers = volunteers;
		this.jdbc = jdbc;
		this.suppliers = suppliers;
		this.households = households;
		this.quarantine = quarantine;
		this.audit = audit;
		this.clock = clock;
	}

	private final org.gridlink.mobilization.volunteers.Volunteers volunteers;

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	java.time.ZoneId zone() {
		return clock.getZone();
	}

	/** Places an order for a household in the staff member's scope, or through a link token. */
	@Transactional
	public Placed place(@Nullable CurrentUser user, NewOrder input) {
		LinkedHousehold household;
		if (input.token() != null && !input.token().isBlank()) {
			household = linked(input.token())
					.orElseThrow(() -> new InvalidInputException("necessities.link.invalid"));
		}
		else {
			if (user == null) {
				throw new AccessDeniedException("ordering by household needs a signed-in user");
			}
			if (!NecessityAccess.canOrder(user)) {
				throw new AccessDeniedException("this role does not order necessities");
			}
			if (input.householdId() == null) {
				throw new InvalidInputException("necessities.field.required", "householdId");
			}
			HouseholdView view = households.household(input.householdId()).orElseThrow(
					() -> new InvalidInputException("necessities.household.unknown", input.householdId()));
			if (!user.scope().covers(view.gridCode())) {
				throw new OutOfScopeException("household", String.valueOf(view.id()));
			}
			register(view, user.username(), null);
			household = new LinkedHousehold(view.id(), view.gridCode(), view.label(), Via.STAFF);
		}
		String clientId = input.clientId() == null ? "" : input.clientId().strip();
		if (!clientId.matches("[A-Za-z0-9_-]{8,64}")) {
			throw new InvalidInputException("necessities.order.clientId");
		}
		Optional<OrderView> earlier = byClientId(clientId);
		if (earlier.isPresent()) {
			return same(earlier.get(), household);
		}
		LocalDate day = deliveryDate(input.deliveryDate());
		List<OrderItem> items = input.items() == null ? List.of() : input.items();
		if (items.isEmpty() || items.size() > 30) {
			throw new InvalidInputException("necessities.order.items");
		}
		Map<Long, Integer> quantities = new LinkedHashMap<>();
		for (OrderItem item : items) {
			if (item == null || item.itemId() == null || item.quantity() == null || item.quantity() < 1
					|| item.quantity() > 99) {
				throw new InvalidInputException("necessities.order.quantity");
			}
			quantities.merge(item.itemId(), item.quantity(), Integer::sum);
			if (quantities.get(item.itemId()) > 99) {
				throw new InvalidInputException("necessities.order.quantity");
			}
		}
		Map<Long, Suppliers.Item> found = suppliers.items(List.copyOf(quantities.keySet()));
		if (found.size() != quantities.size()) {
			throw new InvalidInputException("necessities.order.itemUnknown");
		}
		long supplierId = found.values().iterator().next().supplierId();
		if (found.values().stream().anyMatch(i -> i.supplierId() != supplierId)) {
			throw new InvalidInputException("necessities.order.oneSupplier");
		}
		if (!suppliers.servesStreet(supplierId, Suppliers.streetOf(household.gridCode()))) {
			throw new InvalidInputException("necessities.order.notServed");
		}
		int total = 0;
		for (var e : quantities.entrySet()) {
			total += found.get(e.getKey()).priceCents() * e.getValue();
		}
		String compound = households.household(household.householdId()).map(HouseholdView::compound).orElse("");
		OffsetDateTime now = OffsetDateTime.now(clock);
		int inserted = jdbc.sql("""
				INSERT INTO necessity_order (client_id, household_id, district_code, grid_code, compound, label,
				supplier_id, delivery_date, total_cents, placed_via, placed_by, placed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(clientId, household.householdId(), household.gridCode().substring(0, 6), household.gridCode(),
						compound, household.label(), supplierId, day, total, household.via().name(),
						user == null ? "link" : user.username(), now)
				.update();
		OrderView placed;
		if (inserted == 0) {
			return same(byClientId(clientId).orElseThrow(), household);
		}
		long id = jdbc.sql("SELECT id FROM necessity_order WHERE client_id = ?").param(clientId).query(Long.class)
				.single();
		int no = 0;
		for (var e : quantities.entrySet()) {
			Suppliers.Item item = found.get(e.getKey());
			jdbc.sql("INSERT INTO necessity_order_line (order_id, line_no, item_id, name, unit, price_cents, quantity)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?)").params(id, ++no, item.id(), item.name(), item.unit(),
							item.priceCents(), e.getValue()).update();
		}
		if (user == null) {
			audit.recordAs("link", "NECESSITY_ORDER_PLACE", "necessityOrder", String.valueOf(id), AuditTrail.SUCCESS,
					household.via().name());
		}
		else {
			audit.record("NECESSITY_ORDER_PLACE", "necessityOrder", String.valueOf(id), AuditTrail.SUCCESS,
					household.via().name());
		}
		placed = get(id);
		return new Placed(placed, true);
	}

	private static Placed same(OrderView earlier, LinkedHousehold household) {
		if (earlier.householdId() != household.householdId()) {
			throw new ConflictException("necessities.order.clientIdUsed");
		}
		return new Placed(earlier, false);
	}

	LocalDate deliveryDate(@Nullable String text) {
		LocalDate day;
		try {
			day = LocalDate.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("necessities.order.date");
		}
		if (day.isBefore(today()) || day.isAfter(today().plusDays(DAYS_AHEAD))) {
			throw new InvalidInputException("necessities.order.dateRange", DAYS_AHEAD);
		}
		return day;
	}

	/** The household behind a household link or a check-in link; empty for anything else. */
	public Optional<LinkedHousehold> linked(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		Optional<LinkedHousehold> own = jdbc.sql("SELECT household_id, grid_code, label FROM necessity_household"
				+ " WHERE token_hash = ?").param(hash(token))
				.query((rs, i) -> new LinkedHousehold(rs.getLong(1), rs.getString(2), rs.getString(3), Via.LINK))
				.optional();
		if (own.isPresent()) {
			return own;
		}
		return quarantine.residentOfCheckInLink(token)
				.flatMap(resident -> Optional.ofNullable(households.householdsOf(List.of(resident)).get(resident)))
				.flatMap(households::household)
				.map(h -> new LinkedHousehold(h.id(), h.gridCode(), h.label(), Via.CHECKIN));
	}

	private void register(HouseholdView view, String by, @Nullable LocalDate sealedSince) {
		jdbc.sql("""
				INSERT INTO necessity_household (household_id, district_code, grid_code, compound, label, sealed_since,
				registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(view.id(), view.gridCode().substring(0, 6), view.gridCode(), view.compound(), view.label(),
						sealedSince, by, OffsetDateTime.now(clock))
				.update();
	}

	private HouseholdView householdInScope(CurrentUser user, long householdId) {
		if (!NecessityAccess.canOrder(user)) {
			throw new AccessDeniedException("this role does not serve households");
		}
		HouseholdView view = households.household(householdId)
				.orElseThrow(() -> new NotFoundException("necessities.household.notFound", String.valueOf(householdId)));
		if (!user.scope().covers(view.gridCode())) {
			throw new OutOfScopeException("household", String.valueOf(householdId));
		}
		return view;
	}

	/** Issues (or replaces) the ordering link of a household in the user's scope. */
	@Transactional
	public IssuedLink issueLink(CurrentUser user, long householdId) {
		HouseholdView view = householdInScope(user, householdId);
		register(view, user.username(), null);
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		jdbc.sql("UPDATE necessity_household SET token_hash = ?, token_issued_at = ? WHERE household_id = ?")
				.params(hash(token), OffsetDateTime.now(clock), householdId).update();
		audit.record("NECESSITY_LINK_ISSUE", "household", String.valueOf(householdId), AuditTrail.SUCCESS, null);
		return new IssuedLink(householdId, token, PATH + token);
	}

	/** Marks a household sealed (served and watched from today) or no longer sealed. */
	@Transactional
	public void seal(CurrentUser user, long householdId, boolean sealed) {
		HouseholdView view = householdInScope(user, householdId);
		register(view, user.username(), null);
		jdbc.sql("UPDATE necessity_household SET sealed_since = ? WHERE household_id = ?")
				.params(sealed ? today() : null, householdId).update();
		audit.record(sealed ? "NECESSITY_HOUSEHOLD_SEAL" : "NECESSITY_HOUSEHOLD_UNSEAL", "household",
				String.valueOf(householdId), AuditTrail.SUCCESS, null);
	}

	/** Records the hand-over at the gate once; a retry returns the recorded delivery and changes nothing. */
	@Transactional
	public Delivered deliver(CurrentUser user, long orderId, byte @Nullable [] photo, @Nullable String photoType) {
		if (!NecessityAccess.canDeliver(user)) {
			throw new AccessDeniedException("this role does not record deliveries");
		}
		OrderView order = get(orderId);
		if (!user.scope().covers(order.gridCode())) {
			throw new OutOfScopeException("necessityOrder", String.valueOf(orderId));
		}
		if ("CANCELLED".equals(order.status())) {
			throw new ConflictException("necessities.order.cancelled");
		}
		if (photo != null && photo.length > 0) {
			if (photo.length > MAX_PHOTO || photoType == null || !PHOTO_TYPES.contains(photoType)) {
				throw new InvalidInputException("necessities.delivery.photo");
			}
		}
		else {
			photo = null;
			photoType = null;
		}
		// a volunteer's hand-over records which volunteer (the mobilization module's record of the account)
		Long volunteer = user.has(org.gridlink.platform.Role.VOLUNTEER)
				? volunteers.mine(user).map(org.gridlink.mobilization.volunteers.Volunteer::id).orElse(null) : null;
		int changed = jdbc.sql("UPDATE necessity_order SET status = 'DELIVERED', delivered_by = ?, delivered_at = ?,"
				+ " photo = ?, photo_type = ?, delivered_volunteer_id = ? WHERE id = ? AND status = 'PLACED'")
				.params(user.username(), OffsetDateTime.now(clock), photo, photoType, volunteer, orderId).update();
		if (changed == 1) {
			audit.record("NECESSITY_ORDER_DELIVER", "necessityOrder", String.valueOf(orderId), AuditTrail.SUCCESS,
					volunteer == null ? null : "volunteer " + volunteer);
		}
		return new Delivered(get(orderId), changed == 1);
	}

	public record Cancelled(OrderView order, boolean cancelled) {
	}

	/**
	 * Cancels an order before its delivery (those who order, in scope): a conditional update PLACED -> CANCELLED, so a
	 * retry changes nothing ({@code cancelled: false}); a delivered order is a 409.
	 */
	@Transactional
	public Cancelled cancel(CurrentUser user, long orderId) {
		if (!NecessityAccess.canOrder(user)) {
			throw new AccessDeniedException("this role does not cancel orders");
		}
		OrderView order = get(orderId);
		if (!user.scope().covers(order.gridCode())) {
			throw new OutOfScopeException("necessityOrder", String.valueOf(orderId));
		}
		int changed = jdbc.sql("UPDATE necessity_order SET status = 'CANCELLED' WHERE id = ? AND status = 'PLACED'")
				.param(orderId).update();
		OrderView now = get(orderId);
		if (changed == 0 && "DELIVERED".equals(now.status())) {
			throw new ConflictException("necessities.order.delivered");
		}
		if (changed == 1) {
			audit.record("NECESSITY_ORDER_CANCEL", "necessityOrder", String.valueOf(orderId), AuditTrail.SUCCESS,
					null);
		}
		return new Cancelled(now, changed == 1);
	}

	/** One order in the user's scope (any role that orders or delivers). */
	public OrderView get(CurrentUser user, long id) {
		if (!NecessityAccess.canOrder(user) && !NecessityAccess.canDeliver(user)) {
			throw new AccessDeniedException("necessities are not for this role");
		}
		OrderView order = get(id);
		if (!user.scope().covers(order.gridCode())) {
			throw new OutOfScopeException("necessityOrder", String.valueOf(id));
		}
		return order;
	}

	/** The delivery photo of an order in the user's scope, if any. */
	public Optional<Photo> photo(CurrentUser user, long id) {
		get(user, id);
		return jdbc.sql("SELECT photo, photo_type FROM necessity_order WHERE id = ? AND photo IS NOT NULL").param(id)
				.query((rs, i) -> new Photo(rs.getBytes(1), rs.getString(2))).optional();
	}

	public record Photo(byte[] bytes, String type) {
	}

	/** The orders of a household (newest first), for the public page and the grid worker. */
	public List<OrderView> ofHousehold(long householdId, int limit) {
		return jdbc.sql("SELECT id FROM necessity_order WHERE household_id = ? ORDER BY delivery_date DESC, id DESC")
				.param(householdId).query(Long.class).list().stream().limit(limit).map(this::get).toList();
	}

	Optional<OrderView> byClientId(String clientId) {
		return jdbc.sql("SELECT id FROM necessity_order WHERE client_id = ?").param(clientId).query(Long.class)
				.optional().map(this::get);
	}

	OrderView get(long id) {
		List<OrderLine> lines = jdbc.sql("SELECT item_id, name, unit, price_cents, quantity FROM necessity_order_line"
				+ " WHERE order_id = ? ORDER BY line_no").param(id).query((rs, i) -> new OrderLine(rs.getLong(1),
						rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
				.list();
		return jdbc.sql("""
				SELECT o.id, o.client_id, o.household_id, o.grid_code, o.compound, o.label, o.supplier_id, s.name,
				o.delivery_date, o.total_cents, o.status, o.placed_via, o.placed_at, o.delivered_at, o.delivered_by,
				o.photo_type, o.delivered_volunteer_id FROM necessity_order o JOIN necessity_supplier s ON s.id = o.supplier_id WHERE o.id = ?""")
				.param(id).query((rs, i) -> new OrderView(rs.getLong(1), rs.getString(2), rs.getLong(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
						rs.getObject(9, LocalDate.class), rs.getInt(10), rs.getString(11), Via.valueOf(rs.getString(12)),
						rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class),
						rs.getString(15), rs.getString(16) != null, rs.getObject(17, Long.class), lines))
				.optional().orElseThrow(() -> new NotFoundException("necessities.order.notFound", String.valueOf(id)));
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<Long> ids(List<OrderView> orders) {
		List<Long> out = new ArrayList<>();
		orders.forEach(o -> out.add(o.id()));
		return out;
	}
}
