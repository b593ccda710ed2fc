package org.gridlink.quarantine;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.quarantine.MonitoredOrders.MonitoredOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal check-in links of home quarantine orders: {@code /q/<token>}, the token 32 random bytes (base64url), of
 * which only the SHA-256 is stored — so a link is shown once, when issued, and issuing again replaces it. A link
 * opens the check-in page while its order is active and until the end of the order's planned last day; after that,
 * and for any unknown token, there is nothing behind it.
 */
@Service
public class CheckInLinks {

	/** The path of the public check-in page. */
	public static final String PATH = "/q/";

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final int TOKEN_BYTES = 32;

	/** A link just issued: the only moment its token is known. */
	public record IssuedLink(long orderId, String token, String path, OffsetDateTime expiresAt) {
	}

	/** An order's current link: when it was issued and until when it works (the end of the order's planned last day). */
	public record LinkInfo(OffsetDateTime issuedAt, OffsetDateTime expiresAt) {
	}

	private final JdbcClient jdbc;
	private final MonitoredOrders orders;
	private final AuditTrail audit;
	private final Clock clock;
	private final ZoneId zone;

	CheckInLinks(JdbcClient jdbc, MonitoredOrders orders, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.audit = audit;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	/** Issues (or replaces) the link of an active home order in the caller's scope. */
	@Transactional
	public IssuedLink issue(CurrentUser user, long orderId) {
		MonitoredOrder order = recordable(user, orderId);
		if (!order.isHome() || !"ACTIVE".equals(order.status())) {
			throw new ConflictException("checkins.link.notActive");
		}
		byte[] random = new byte[TOKEN_BYTES];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime expires = endOf(order.plannedEnd());
		jdbc.sql("DELETE FROM quarantine_checkin_link WHERE order_id = ?").param(orderId).update();
		jdbc.sql("""
				INSERT INTO quarantine_checkin_link (order_id, token_hash, district_code, issued_by, issued_at)
				VALUES (?, ?, ?, ?, ?)""").params(orderId, hash(token), order.districtCode(), user.username(), now)
				.update();
		audit.record("QUARANTINE_LINK_ISSUE", "quarantineOrder", String.valueOf(orderId), AuditTrail.SUCCESS, null);
		return new IssuedLink(orderId, token, PATH + token, expires);
	}

	/** When the caller's order has a link: when it was issued and until when it works (never the token). */
	public Optional<LinkInfo> current(CurrentUser user, long orderId) {
		MonitoredOrder order = readable(user, orderId);
		return jdbc.sql("SELECT issued_at FROM quarantine_checkin_link WHERE order_id = ?").param(orderId)
				.query(OffsetDateTime.class).optional().map(issued -> new LinkInfo(issued, endOf(order.plannedEnd())));
	}

	/**
	 * The order behind a token, if the token is known, the order is an active home order and the link has not
	 * expired at {@code now}. Empty in every other case, without telling which.
	 */
	Optional<MonitoredOrder> resolve(String token, OffsetDateTime now) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT order_id FROM quarantine_checkin_link WHERE token_hash = ?").param(hash(token))
				.query(Long.class).optional().flatMap(orders::find)
				.filter(o -> o.isHome() && "ACTIVE".equals(o.status()) && now.isBefore(endOf(o.plannedEnd())));
	}

	/** The first instant after the order's planned last day, in the district's time zone. */
	OffsetDateTime endOf(LocalDate plannedEnd) {
		return plannedEnd.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
	}

	MonitoredOrder readable(CurrentUser user, long orderId) {
		if (!MonitoringAccess.canRead(user)) {
			throw new AccessDeniedException("quarantine monitoring is not for this role");
		}
		return inScope(user, orderId);
	}

	MonitoredOrder recordable(CurrentUser user, long orderId) {
		if (!MonitoringAccess.canRecord(user)) {
			throw new AccessDeniedException("this role does not record quarantine monitoring");
		}
		return inScope(user, orderId);
	}

	private MonitoredOrder inScope(CurrentUser user, long orderId) {
		MonitoredOrder order = orders.find(orderId)
				.orElseThrow(() -> new NotFoundException("checkins.order.notFound", String.valueOf(orderId)));
		if (!user.scope().covers(order.gridCode())) {
			throw new OutOfScopeException("quarantineOrder", String.valueOf(orderId));
		}
		return order;
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
}
