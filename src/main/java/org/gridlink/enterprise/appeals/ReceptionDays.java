package org.gridlink.enterprise.appeals;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gridlink.enterprise.EnterpriseDirectory;
import org.gridlink.enterprise.EnterpriseRef;
import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.Role;
import org.gridlink.shared.Masked;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reception days (领导接待日): the center or a leader sets a date with a leader, a place and slots; an enterprise
 * books a free slot online with its credit code and a contact phone (sealed); on the day the leader (or the center)
 * records each matter raised, which is filed as an appeal on the spot (channel RECEPTION, with the booking's phone).
 */
@Service
public class ReceptionDays {

	static final int MAX_SLOTS = 40;

	private final JdbcClient jdbc;
	private final EnterpriseDirectory directory;
	private final Appeals appeals;
	private final Accounts accounts;
	private final PersonalDataCipher cipher;
	private final AuditTrail audit;
	private final Clock clock;

	ReceptionDays(JdbcClient jdbc, EnterpriseDirectory directory, Appeals appeals, Accounts accounts,
			PersonalDataCipher cipher, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.appeals = appeals;
		this.accounts = accounts;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** A reception day: when, slot length and count, where, the receiving leader, the topic; free slots' numbers. */
	public record Day(long id, OffsetDateTime startsAt, int slotMinutes, int slots, String place,
			String leaderUsername, String leaderName, String topic, List<Integer> freeSlots) {

		public OffsetDateTime slotStart(int slot) {
			return startsAt.plusMinutes((long) (slot - 1) * slotMinutes);
		}
	}

	/** A booking as staff see it (the phone masked), with the appeals filed from it. */
	public record Booking(long id, long dayId, int slotNo, long enterpriseId, String enterpriseName,
			String creditCode, String phoneMasked, String subject, OffsetDateTime bookedAt,
			@Nullable OffsetDateTime receivedAt, List<AppealLine> matters) {
	}

	/** The center and leaders manage reception days. */
	public static boolean mayManage(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER);
	}

	@Transactional
	public long create(CurrentUser user, @Nullable OffsetDateTime startsAt, int slotMinutes, int slots,
			@Nullable String place, @Nullable String leaderUsername, @Nullable String topic) {
		if (!mayManage(user)) {
			throw new AccessDeniedException("center or leader only");
		}
		if (startsAt == null || startsAt.isBefore(OffsetDateTime.now(clock))) {
			throw new InvalidInputException("enterprise.reception.start.invalid");
		}
		if (slotMinutes < 10 || slotMinutes > 120) {
			throw new InvalidInputException("enterprise.reception.slot-minutes.invalid");
		}
		if (slots < 1 || slots > MAX_SLOTS) {
			throw new InvalidInputException("enterprise.reception.slots.invalid", MAX_SLOTS);
		}
		String where = place == null ? "" : place.strip();
		if (where.isEmpty() || where.length() > 200) {
			throw new InvalidInputException("enterprise.reception.place.invalid");
		}
		String about = topic == null ? "" : topic.strip();
		if (about.length() > 200) {
			throw new InvalidInputException("enterprise.reception.topic.invalid");
		}
		String leader = leaderUsername == null ? "" : leaderUsername.strip();
		AccountView account = accounts.find(leader).filter(a -> a.enabled() && a.roles().contains(Role.LEADER))
				.orElseThrow(() -> new InvalidInputException("enterprise.reception.leader.invalid", leader));
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO reception_day (starts_at, slot_minutes, slots, place, leader_username, topic,"
				+ " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(startsAt, slotMinutes, slots, where, account.username(), about, OffsetDateTime.now(clock),
						user.username())
				.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record("ENTERPRISE_RECEPTION_DAY_CREATE", "reception-day", String.valueOf(id), AuditTrail.SUCCESS,
				startsAt + " " + account.username());
		return id;
	}

	/** The days from today on (public: with free slots), earliest first. */
	public List<Day> upcoming() {
		OffsetDateTime since = OffsetDateTime.now(clock).toLocalDate().atStartOfDay(clock.getZone()).toOffsetDateTime();
		return days("WHERE d.starts_at >= ? ORDER BY d.starts_at", since);
	}

	/** Every day, latest first (staff). */
	public List<Day> all(CurrentUser user) {
		if (!mayManage(user)) {
			throw new AccessDeniedException("center or leader only");
		}
		return days("ORDER BY d.starts_at DESC LIMIT 200");
	}

	public Day day(long id) {
		return days("WHERE d.id = ?", id).stream().findFirst()
				.orElseThrow(() -> new NotFoundException("enterprise.reception.not.found", String.valueOf(id)));
	}

	private List<Day> days(String tail, Object... params) {
		record Row(long id, OffsetDateTime startsAt, int slotMinutes, int slots, String place, String leader,
				String topic) {
		}
		List<Row> rows = jdbc.sql("SELECT d.id, d.starts_at, d.slot_minutes, d.slots, d.place, d.leader_username,"
				+ " d.topic FROM reception_day d " + tail).params(List.of(params))
				.query((rs, i) -> new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getInt(3),
						rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7)))
				.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		String ids = rows.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(","));
		Map<Long, List<Integer>> taken = jdbc.sql("SELECT day_id, slot_no FROM reception_booking WHERE day_id IN ("
				+ ids + ")").query((rs, i) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
				.collect(Collectors.groupingBy(Map.Entry::getKey,
						Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		List<Day> out = new ArrayList<>();
		for (Row r : rows) {
			List<Integer> used = taken.getOrDefault(r.id(), List.of());
			List<Integer> free = new ArrayList<>();
			for (int s = 1; s <= r.slots(); s++) {
				if (!used.contains(s)) {
					free.add(s);
				}
			}
			String name = accounts.find(r.leader()).map(AccountView::displayName).orElse(r.leader());
			out.add(new Day(r.id(), r.startsAt(), r.slotMinutes(), r.slots(), r.place(), r.leader(), name, r.topic(),
					free));
		}
		return out;
	}

	/**
	 * An enterprise books a slot (public): its credit code (unknown: 404), a contact phone, the slot (a free one of a
	 * day not yet begun) and its subject. A slot taken meanwhile answers 409.
	 */
	@Transactional
	public long book(long dayId, @Nullable String creditCode, @Nullable String phone, @Nullable Integer slot,
			@Nullable String subject) {
		Day day = day(dayId);
		EnterpriseRef enterprise = appeals.publicEnterprise(creditCode)
				.orElseThrow(() -> new InvalidInputException("enterprise.reception.credit-code.invalid"));
		String normalised = Appeals.phone(phone);
		if (slot == null || slot < 1 || slot > day.slots()) {
			throw new InvalidInputException("enterprise.reception.slot.invalid");
		}
		if (!day.slotStart(slot).isAfter(OffsetDateTime.now(clock))) {
			throw new ConflictException("enterprise.reception.slot.past");
		}
		String text = subject == null ? "" : subject.strip();
		if (text.isEmpty() || text.length() > 500) {
			throw new InvalidInputException("enterprise.reception.subject.invalid");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("INSERT INTO reception_booking (day_id, slot_no, enterprise_id, contact_phone_sealed,"
					+ " contact_phone_masked, subject, booked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
					.params(dayId, slot, enterprise.id(), cipher.encrypt(normalised), Masked.phone(normalised), text,
							OffsetDateTime.now(clock))
					.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("enterprise.reception.slot.taken", slot);
		}
		long id = keys.getKey().longValue();
		audit.recordAs("enterprise:" + enterprise.creditCode(), "ENTERPRISE_RECEPTION_BOOK", "reception-booking",
				String.valueOf(id), AuditTrail.SUCCESS, dayId + " slot " + slot);
		return id;
	}

	/** The day's bookings of the enterprises the user sees, by slot, each with the appeals filed from it. */
	public List<Booking> bookings(CurrentUser user, long dayId) {
		if (!mayManage(user)) {
			throw new AccessDeniedException("center or leader only");
		}
		day(dayId);
		record Row(long id, int slot, long enterpriseId, String name, String code, String phone, String subject,
				OffsetDateTime bookedAt, @Nullable OffsetDateTime receivedAt) {
		}
		List<Row> rows = jdbc.sql("SELECT b.id, b.slot_no, b.enterprise_id, e.name, e.credit_code,"
				+ " b.contact_phone_masked, b.subject, b.booked_at, b.received_at FROM reception_booking b"
				+ " JOIN enterprise e ON e.id = b.enterprise_id WHERE b.day_id = ? AND "
				+ directory.visibleSql(user, "e") + " ORDER BY b.slot_no").param(dayId)
				.query((rs, i) -> new Row(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
						rs.getObject(9, OffsetDateTime.class)))
				.list();
		Map<Long, List<AppealLine>> matters = rows.isEmpty() ? Map.of()
				: jdbc.sql("SELECT " + Appeals.COLUMNS + ", a.booking_id FROM enterprise_appeal a JOIN enterprise e"
						+ " ON e.id = a.enterprise_id WHERE a.booking_id IN (" + rows.stream()
								.map(r -> String.valueOf(r.id())).collect(Collectors.joining(","))
						+ ") ORDER BY a.id")
						.query((rs, i) -> Map.entry(rs.getLong(23), Appeals.line(rs, i))).list().stream()
						.collect(Collectors.groupingBy(Map.Entry::getKey,
								Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return rows.stream().map(r -> new Booking(r.id(), dayId, r.slot(), r.enterpriseId(), r.name(), r.code(),
				r.phone(), r.subject(), r.bookedAt(), r.receivedAt(), matters.getOrDefault(r.id(), List.of())))
				.toList();
	}

	/**
	 * The leader records a matter raised at the reception: it is filed at once as an appeal of the booking's
	 * enterprise (with the booking's phone), and the booking is marked received.
	 */
	public AppealFiled recordMatter(CurrentUser user, long bookingId, @Nullable String categoryCode,
			@Nullable String description) {
		if (!mayManage(user)) {
			throw new AccessDeniedException("center or leader only");
		}
		record Row(long enterpriseId, String phoneSealed) {
		}
		Row row = jdbc.sql("SELECT enterprise_id, contact_phone_sealed FROM reception_booking WHERE id = ?")
				.param(bookingId).query((rs, i) -> new Row(rs.getLong(1), rs.getString(2))).optional()
				.orElseThrow(() -> new NotFoundException("enterprise.reception.booking.not.found",
						String.valueOf(bookingId)));
		EnterpriseRef enterprise = directory.require(user, row.enterpriseId());
		AppealFiled filed = appeals.fileFor(enterprise, "RECEPTION", categoryCode, description,
				cipher.decrypt(row.phoneSealed()), bookingId, user.username());
		jdbc.sql("UPDATE reception_booking SET received_at = ? WHERE id = ? AND received_at IS NULL")
				.params(OffsetDateTime.now(clock), bookingId).update();
		return filed;
	}
}
