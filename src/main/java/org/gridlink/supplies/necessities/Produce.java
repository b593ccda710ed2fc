package org.gridlink.supplies.necessities;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.shared.JurisdictionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Produce matching: farmers' and cooperatives' offers, buyers' needs, suggestions by item and distance (haversine
 * between the coordinates; without coordinates, the same street or district comes first), agreed deals (each takes
 * its quantity off the offer's remaining quantity, which never goes below zero) and the quantities moved.
 * Managed by the center (whole district) and streets (their street).
 */
@Service
public class Produce {

	public enum SellerKind {
		FARMER, COOPERATIVE
	}

	public enum BuyerKind {
		SUPERMARKET, CANTEEN, COMMUNITY
	}

	public record NewOffer(@Nullable String seller, @Nullable String sellerKind, @Nullable String item,
			@Nullable String unit, @Nullable BigDecimal quantity, @Nullable Integer priceCents, @Nullable String place,
			@Nullable Double lat, @Nullable Double lng, @Nullable String jurisdictionCode,
			@Nullable String availableUntil) {
	}

	public record NewNeed(@Nullable String buyer, @Nullable String buyerKind, @Nullable String item,
			@Nullable String unit, @Nullable BigDecimal quantity, @Nullable String place, @Nullable Double lat,
			@Nullable Double lng, @Nullable String jurisdictionCode, @Nullable String neededBy) {
	}

	public record Offer(long id, String seller, SellerKind sellerKind, String item, String unit, BigDecimal quantity,
			BigDecimal remaining, int priceCents, String place, @Nullable Double lat, @Nullable Double lng,
			String jurisdictionCode, LocalDate availableUntil) {

		public String price() {
			return Money.yuan(priceCents);
		}
	}

	public record Need(long id, String buyer, BuyerKind buyerKind, String item, String unit, BigDecimal quantity,
			BigDecimal agreed, String place, @Nullable Double lat, @Nullable Double lng, String jurisdictionCode,
			LocalDate neededBy) {
	}

	/** A suggested offer for a need; {@code km} null when either side has no coordinates. */
	public record Suggestion(Offer offer, @Nullable Double km, boolean sameStreet) {
	}

	public record Deal(long id, long offerId, long needId, String item, String unit, BigDecimal quantity,
			int priceCents, BigDecimal moved, String seller, String buyer, OffsetDateTime agreedAt) {
	}

	private final JdbcClient jdbc;
	private final JurisdictionDirectory directory;
	private final AuditTrail audit;
	private final Clock clock;

	Produce(JdbcClient jdbc, JurisdictionDirectory directory, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	private static void check(CurrentUser user) {
		if (!NecessityAccess.canManageProduce(user)) {
			throw new AccessDeniedException("produce matching is for the center and streets");
		}
	}

	private String place(CurrentUser user, @Nullable String code) {
		String c = code == null ? "" : code.strip();
		if (!JurisdictionCode.isValid(c) || !directory.exists(c)) {
			throw new InvalidInputException("necessities.jurisdiction.invalid");
		}
		if (!user.scope().covers(c)) {
			throw new OutOfScopeException("jurisdiction", c);
		}
		return c;
	}

	private static BigDecimal quantity(@Nullable BigDecimal q) {
		if (q == null || q.signum() <= 0 || q.compareTo(new BigDecimal("10000000")) > 0 || q.scale() > 2) {
			throw new InvalidInputException("necessities.produce.quantity.invalid");
		}
		return q;
	}

	private static void coordinates(@Nullable Double lat, @Nullable Double lng) {
		if ((lat == null) != (lng == null) || (lat != null && (lat < -90 || lat > 90 || lng < -180 || lng > 180
				|| lat.isNaN() || lng.isNaN()))) {
			throw new InvalidInputException("necessities.produce.coordinates");
		}
	}

	private LocalDate date(String field, @Nullable String text) {
		try {
			LocalDate d = LocalDate.parse(text == null ? "" : text.strip());
			if (d.isBefore(LocalDate.now(clock)) || d.isAfter(LocalDate.now(clock).plusYears(1))) {
				throw new InvalidInputException("necessities.produce.date", field);
			}
			return d;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("necessities.produce.date", field);
		}
	}

	@Transactional
	public Offer offer(CurrentUser user, NewOffer in) {
		check(user);
		String seller = Text.required("seller", in.seller(), 100);
		SellerKind kind = Text.oneOf("sellerKind", in.sellerKind(), SellerKind.class);
		String item = Text.required("item", in.item(), 50);
		String unit = Text.required("unit", in.unit(), 20);
		BigDecimal q = quantity(in.quantity());
		if (in.priceCents() == null || in.priceCents() < 0 || in.priceCents() > 10_000_000) {
			throw new InvalidInputException("necessities.item.price");
		}
		coordinates(in.lat(), in.lng());
		String code = place(user, in.jurisdictionCode());
		LocalDate until = date("availableUntil", in.availableUntil());
		jdbc.sql("""
				INSERT INTO produce_offer (seller, seller_kind, item, unit, quantity, remaining, price_cents, place, lat,
				lng, jurisdiction_code, available_until, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(seller, kind.name(), item, unit, q, q, in.priceCents(), Text.optional("place", in.place(), 200),
						in.lat(), in.lng(), code, until, user.username(), OffsetDateTime.now(clock))
				.update();
		long id = jdbc.sql("SELECT MAX(id) FROM produce_offer WHERE created_by = ?").param(user.username())
				.query(Long.class).single();
		audit.record("PRODUCE_OFFER_CREATE", "produceOffer", String.valueOf(id), AuditTrail.SUCCESS, null);
		return offer(id);
	}

	@Transactional
	public Need need(CurrentUser user, NewNeed in) {
		check(user);
		String buyer = Text.required("buyer", in.buyer(), 100);
		BuyerKind kind = Text.oneOf("buyerKind", in.buyerKind(), BuyerKind.class);
		String item = Text.required("item", in.item(), 50);
		String unit = Text.required("unit", in.unit(), 20);
		BigDecimal q = quantity(in.quantity());
		coordinates(in.lat(), in.lng());
		String code = place(user, in.jurisdictionCode());
		LocalDate by = date("neededBy", in.neededBy());
		jdbc.sql("""
				INSERT INTO produce_need (buyer, buyer_kind, item, unit, quantity, place, lat, lng, jurisdiction_code,
				needed_by, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(buyer, kind.name(), item, unit, q, Text.optional("place", in.place(), 200), in.lat(), in.lng(),
						code, by, user.username(), OffsetDateTime.now(clock))
				.update();
		long id = jdbc.sql("SELECT MAX(id) FROM produce_need WHERE created_by = ?").param(user.username())
				.query(Long.class).single();
		audit.record("PRODUCE_NEED_CREATE", "produceNeed", String.valueOf(id), AuditTrail.SUCCESS, null);
		return need(id);
	}

	/** Offers still available (remaining, not expired) in the user's scope, by item. */
	public List<Offer> offers(CurrentUser user) {
		check(user);
		return jdbc.sql("SELECT * FROM produce_offer WHERE remaining > 0 AND available_until >= ? AND "
				+ user.scope().sqlCondition("jurisdiction_code") + " ORDER BY item, available_until, id")
				.param(LocalDate.now(clock)).query(Produce::offerRow).list();
	}

	public List<Need> needs(CurrentUser user) {
		check(user);
		return jdbc.sql(NEED + " WHERE n.needed_by >= ? AND " + user.scope().sqlCondition("n.jurisdiction_code")
				+ " ORDER BY n.needed_by, n.id").param(LocalDate.now(clock)).query(Produce::needRow).list();
	}

	private static final String NEED = "SELECT n.*, (SELECT COALESCE(SUM(d.quantity), 0) FROM produce_deal d"
			+ " WHERE d.need_id = n.id) AS agreed FROM produce_need n";

	/**
	 * Offers of the need's item that are still available, nearest first: by distance when both have coordinates,
	 * then the same street, then the rest. Offers from anywhere in the district are suggested (a street's buyer may buy
	 * from another street's farmer).
	 */
	public List<Suggestion> suggestions(CurrentUser user, long needId) {
		Need need = need(user, needId);
		List<Suggestion> out = new ArrayList<>();
		String street = need.jurisdictionCode().substring(0, 9);
		jdbc.sql("SELECT * FROM produce_offer WHERE item = ? AND remaining > 0 AND available_until >= ?")
				.params(need.item(), LocalDate.now(clock)).query(Produce::offerRow).list().forEach(o -> {
					Double km = need.lat() == null || o.lat() == null ? null
							: Haversine.km(need.lat(), need.lng(), o.lat(), o.lng());
					out.add(new Suggestion(o, km, o.jurisdictionCode().startsWith(street)));
				});
		out.sort(Comparator.comparing((Suggestion s) -> s.km() == null ? Double.MAX_VALUE : s.km())
				.thenComparing(s -> !s.sameStreet()).thenComparingInt(s -> s.offer().priceCents())
				.thenComparingLong(s -> s.offer().id()));
		return out;
	}

	/** Records a deal: takes the quantity off the offer (409 when it has not that much left). */
	@Transactional
	public Deal agree(CurrentUser user, long offerId, long needId, @Nullable BigDecimal quantity) {
		Need need = need(user, needId);
		Offer offer = offer(offerId);
		if (!offer.item().equals(need.item())) {
			throw new InvalidInputException("necessities.produce.otherItem");
		}
		BigDecimal q = quantity(quantity);
		int changed = jdbc.sql("UPDATE produce_offer SET remaining = remaining - ? WHERE id = ? AND remaining >= ?")
				.params(q, offerId, q).update();
		if (changed == 0) {
			throw new ConflictException("necessities.produce.notEnough", offer.remaining().toPlainString());
		}
		jdbc.sql("INSERT INTO produce_deal (offer_id, need_id, quantity, price_cents, agreed_by, agreed_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?)").params(offerId, needId, q, offer.priceCents(), user.username(),
						OffsetDateTime.now(clock))
				.update();
		long id = jdbc.sql("SELECT MAX(id) FROM produce_deal WHERE offer_id = ? AND need_id = ?")
				.params(offerId, needId).query(Long.class).single();
		audit.record("PRODUCE_DEAL_AGREE", "produceDeal", String.valueOf(id), AuditTrail.SUCCESS, null);
		return deal(id);
	}

	/** Records the quantity moved so far for a deal (at most the agreed quantity). */
	@Transactional
	public Deal moved(CurrentUser user, long dealId, @Nullable BigDecimal moved) {
		Deal deal = deal(dealId);
		need(user, deal.needId());
		if (moved == null || moved.signum() < 0 || moved.compareTo(deal.quantity()) > 0) {
			throw new InvalidInputException("necessities.produce.moved.invalid");
		}
		jdbc.sql("UPDATE produce_deal SET moved = ?, moved_at = ? WHERE id = ?")
				.params(moved, OffsetDateTime.now(clock), dealId).update();
		audit.record("PRODUCE_DEAL_MOVED", "produceDeal", String.valueOf(dealId), AuditTrail.SUCCESS,
				moved.toPlainString());
		return deal(dealId);
	}

	public List<Deal> deals(CurrentUser user) {
		check(user);
		return jdbc.sql(DEAL + " WHERE " + user.scope().sqlCondition("n.jurisdiction_code") + " ORDER BY d.id DESC")
				.query(Produce::dealRow).list();
	}

	private static final String DEAL = "SELECT d.*, o.item, o.unit, o.seller, n.buyer FROM produce_deal d"
			+ " JOIN produce_offer o ON o.id = d.offer_id JOIN produce_need n ON n.id = d.need_id";

	Deal deal(long id) {
		return jdbc.sql(DEAL + " WHERE d.id = ?").param(id).query(Produce::dealRow).optional()
				.orElseThrow(() -> new NotFoundException("necessities.produce.notFound", String.valueOf(id)));
	}

	Offer offer(long id) {
		return jdbc.sql("SELECT * FROM produce_offer WHERE id = ?").param(id).query(Produce::offerRow).optional()
				.orElseThrow(() -> new NotFoundException("necessities.produce.notFound", String.valueOf(id)));
	}

	/** A need in the user's scope. */
	public Need need(CurrentUser user, long id) {
		check(user);
		Need need = need(id);
		if (!user.scope().covers(need.jurisdictionCode())) {
			throw new OutOfScopeException("produceNeed", String.valueOf(id));
		}
		return need;
	}

	Need need(long id) {
		return jdbc.sql(NEED + " WHERE n.id = ?").param(id).query(Produce::needRow).optional()
				.orElseThrow(() -> new NotFoundException("necessities.produce.notFound", String.valueOf(id)));
	}

	private static @Nullable Double dbl(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	static Offer offerRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Offer(rs.getLong("id"), rs.getString("seller"), SellerKind.valueOf(rs.getString("seller_kind")),
				rs.getString("item"), rs.getString("unit"), rs.getBigDecimal("quantity"), rs.getBigDecimal("remaining"),
				rs.getInt("price_cents"), rs.getString("place"), dbl(rs, "lat"), dbl(rs, "lng"),
				rs.getString("jurisdiction_code"), rs.getObject("available_until", LocalDate.class));
	}

	static Need needRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Need(rs.getLong("id"), rs.getString("buyer"), BuyerKind.valueOf(rs.getString("buyer_kind")),
				rs.getString("item"), rs.getString("unit"), rs.getBigDecimal("quantity"), rs.getBigDecimal("agreed"),
				rs.getString("place"), dbl(rs, "lat"), dbl(rs, "lng"), rs.getString("jurisdiction_code"),
				rs.getObject("needed_by", LocalDate.class));
	}

	static Deal dealRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Deal(rs.getLong("id"), rs.getLong("offer_id"), rs.getLong("need_id"), rs.getString("item"),
				rs.getString("unit"), rs.getBigDecimal("quantity"), rs.getInt("price_cents"), rs.getBigDecimal("moved"),
				rs.getString("seller"), rs.getString("buyer"), rs.getObject("agreed_at", OffsetDateTime.class));
	}
}
