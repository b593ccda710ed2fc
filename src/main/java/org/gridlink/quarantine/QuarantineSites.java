package org.gridlink.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.shared.JurisdictionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Centralized quarantine sites, their rooms and beds, and the occupancy board. Center and street staff set up sites
 * in their scope; every quarantine reader sees the sites of the district (capacity is no personal data, and any
 * community may admit to any site), while occupants are shown only where the caller may see their order.
 */
@Service
public class QuarantineSites {

	static final int MAX_BEDS_PER_ROOM = 10;
	static final int BOARD_DAYS = 7;
	private static final String SITE_SELECT = """
			SELECT s.id, s.name, s.address, s.jurisdiction_code,
			(SELECT COUNT(*) FROM quarantine_room r WHERE r.site_id = s.id) AS rooms,
			(SELECT COUNT(*) FROM quarantine_bed b WHERE b.site_id = s.id AND b.in_service = TRUE) AS capacity,
			(SELECT COUNT(*) FROM quarantine_order o WHERE o.site_id = s.id AND o.occupied_bed_id IS NOT NULL) AS occupied
			FROM quarantine_site s""";

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Jurisdictions jurisdictions;
	private final Clock clock;
	private final org.springframework.context.ApplicationEventPublisher events;

	QuarantineSites(JdbcClient jdbc, AuditTrail audit, Jurisdictions jurisdictions, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.audit = audit;
		this.jurisdictions = jurisdictions;
		this.clock = clock;
	}

	/** Creates a site in a jurisdiction of the caller's scope. */
	@Transactional
	public SiteView create(CurrentUser user, @Nullable String name, @Nullable String address,
			@Nullable String jurisdictionCode) {
		QuarantineAccess.require(user, QuarantineAccess.SITE_KEEPERS, "site");
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > 100) {
			throw new InvalidInputException("quarantine.site.name.invalid");
		}
		String a = address == null ? "" : address.strip();
		if (a.length() > 200) {
			throw new InvalidInputException("quarantine.address.invalid");
		}
		String code = jurisdictionCode == null ? "" : jurisdictionCode.strip();
		if (!JurisdictionCode.isValid(code) || !jurisdictions.exists(code)) {
			throw new InvalidInputException("quarantine.jurisdiction.unknown", code);
		}
		if (!user.scope().covers(code)) {
			throw new OutOfScopeException("jurisdiction", code);
		}
		jdbc.sql("INSERT INTO quarantine_site (name, address, jurisdiction_code, created_by, created_at)"
				+ " VALUES (?, ?, ?, ?, ?)").params(n, a, code, user.username(), OffsetDateTime.now(clock)).update();
		long id = jdbc.sql("SELECT MAX(id) FROM quarantine_site WHERE name = ? AND created_by = ?")
				.params(n, user.username()).query(Long.class).single();
		audit.record("QUARANTINE_SITE", "quarantineSite", String.valueOf(id), AuditTrail.SUCCESS, "jurisdiction=" + code);
		events.publishEvent(new QuarantineSitesChanged(id));
		return site(user, id);
	}

	/** Adds a room with {@code beds} beds labelled 1..n to a site the caller keeps. */
	@Transactional
	public SiteView addRoom(CurrentUser user, long siteId, @Nullable String number, @Nullable Integer floor,
			@Nullable Integer beds) {
		SiteView site = kept(user, siteId);
		String room = number == null ? "" : number.strip();
		if (room.isEmpty() || room.length() > 20) {
			throw new InvalidInputException("quarantine.room.number.invalid");
		}
		if (floor == null || floor < -5 || floor > 100) {
			throw new InvalidInputException("quarantine.room.floor.invalid");
		}
		if (beds == null || beds < 1 || beds > MAX_BEDS_PER_ROOM) {
			throw new InvalidInputException("quarantine.room.beds.invalid", MAX_BEDS_PER_ROOM);
		}
		if (jdbc.sql("SELECT COUNT(*) FROM quarantine_room WHERE site_id = ? AND room_number = ?").params(siteId, room)
				.query(Long.class).single() > 0) {
			throw new InvalidInputException("quarantine.room.exists", room);
		}
		jdbc.sql("INSERT INTO quarantine_room (site_id, room_number, floor_no) VALUES (?, ?, ?)")
				.params(siteId, room, floor).update();
		long roomId = jdbc.sql("SELECT id FROM quarantine_room WHERE site_id = ? AND room_number = ?")
				.params(siteId, room).query(Long.class).single();
		for (int i = 1; i <= beds; i++) {
			jdbc.sql("INSERT INTO quarantine_bed (site_id, room_id, label) VALUES (?, ?, ?)")
					.params(siteId, roomId, String.valueOf(i)).update();
		}
		events.publishEvent(new QuarantineSitesChanged(siteId));
		audit.record("QUARANTINE_ROOM", "quarantineSite", String.valueOf(siteId), AuditTrail.SUCCESS,
				"room=" + room + " beds=" + beds);
		return site(user, site.id());
	}

	/** Takes a free bed out of service (repairs, cleaning) or back; an occupied bed cannot be taken out. */
	@Transactional
	public void setInService(CurrentUser user, long bedId, boolean inService) {
		Long siteId = jdbc.sql("SELECT site_id FROM quarantine_bed WHERE id = ?").param(bedId).query(Long.class)
				.optional().orElseThrow(() -> new NotFoundException("quarantine.not.found", String.valueOf(bedId)));
		kept(user, siteId);
		int updated = jdbc.sql("UPDATE quarantine_bed SET in_service = ? WHERE id = ? AND NOT EXISTS"
				+ " (SELECT 1 FROM quarantine_order o WHERE o.occupied_bed_id = ?)").params(inService, bedId, bedId)
				.update();
		if (updated == 0) {
			throw new ConflictException("quarantine.bed.taken");
		}
		events.publishEvent(new QuarantineSitesChanged(siteId));
		audit.record("QUARANTINE_BED", "quarantineBed", String.valueOf(bedId), AuditTrail.SUCCESS,
				"inService=" + inService);
	}

	/** The district's sites with capacity and occupancy. */
	public List<SiteView> list(CurrentUser user) {
		QuarantineAccess.require(user, QuarantineAccess.READERS, "read");
		return jdbc.sql(SITE_SELECT + " ORDER BY s.name, s.id").query(QuarantineSites::siteRow).list();
	}

	public SiteView site(CurrentUser user, long id) {
		QuarantineAccess.require(user, QuarantineAccess.READERS, "read");
		return jdbc.sql(SITE_SELECT + " WHERE s.id = ?").param(id).query(QuarantineSites::siteRow).optional()
				.orElseThrow(() -> new NotFoundException("quarantine.not.found", String.valueOf(id)));
	}

	/** True when the caller may set up sites (center, street staff). */
	public boolean canKeep(CurrentUser user) {
		return QuarantineAccess.has(user, QuarantineAccess.SITE_KEEPERS);
	}

	/** The occupancy board of a site. */
	public SiteBoard board(CurrentUser user, long siteId) {
		SiteView site = site(user, siteId);
		Set<Long> visible = jdbc.sql("SELECT o.id FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id"
				+ " WHERE o.site_id = ? AND o.occupied_bed_id IS NOT NULL AND " + QuarantineAccess.personVisible(user))
				.param(siteId).query(Long.class).list().stream().collect(Collectors.toSet());
		Map<Long, Object[]> occupants = new HashMap<>();
		jdbc.sql("SELECT o.occupied_bed_id, o.id, p.name_masked, o.planned_end FROM quarantine_order o"
				+ " JOIN quarantine_person p ON p.id = o.person_id WHERE o.site_id = ? AND o.occupied_bed_id IS NOT NULL")
				.param(siteId).query((rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3),
						rs.getObject(4, LocalDate.class) })
				.list().forEach(o -> occupants.put((Long) o[0], o));
		Map<Long, SiteBoard.Room> rooms = new LinkedHashMap<>();
		jdbc.sql("SELECT id, room_number, floor_no FROM quarantine_room WHERE site_id = ? ORDER BY floor_no, room_number")
				.param(siteId).query((rs, i) -> new SiteBoard.Room(rs.getLong(1), rs.getString(2), rs.getInt(3),
						new ArrayList<>()))
				.list().forEach(r -> rooms.put(r.id(), r));
		jdbc.sql("SELECT id, room_id, label, in_service FROM quarantine_bed WHERE site_id = ? ORDER BY label, id")
				.param(siteId).query((rs, i) -> {
					long bed = rs.getLong(1);
					Object[] o = occupants.get(bed);
					boolean shown = o != null && visible.contains((Long) o[1]);
					SiteBoard.Bed view = new SiteBoard.Bed(bed, rs.getString(3), rs.getBoolean(4), o != null,
							shown ? (Long) o[1] : null, shown ? (String) o[2] : null, shown ? (LocalDate) o[3] : null);
					rooms.get(rs.getLong(2)).beds().add(view);
					return view;
				}).list();
		return new SiteBoard(site, List.copyOf(rooms.values()), days(siteId));
	}

	/** Free beds of a site in service, for the admission and transfer forms. */
	public List<SiteBoard.Bed> freeBeds(CurrentUser user, long siteId) {
		site(user, siteId);
		return jdbc.sql("""
				SELECT b.id, r.room_number, b.label FROM quarantine_bed b JOIN quarantine_room r ON r.id = b.room_id
				WHERE b.site_id = ? AND b.in_service = TRUE
				AND NOT EXISTS (SELECT 1 FROM quarantine_order o WHERE o.occupied_bed_id = b.id)
				ORDER BY r.floor_no, r.room_number, b.label""").param(siteId)
				.query((rs, i) -> new SiteBoard.Bed(rs.getLong(1), rs.getString(2) + "-" + rs.getString(3), true, false,
						null, null, null))
				.list();
	}

	private List<SiteBoard.Day> days(long siteId) {
		LocalDate today = LocalDate.now(clock);
		LocalDate first = today.minusDays(BOARD_DAYS - 1);
		Map<LocalDate, int[]> counts = new LinkedHashMap<>();
		for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
			counts.put(d, new int[2]);
		}
		jdbc.sql("SELECT action, occurred_at FROM quarantine_order_event WHERE site_id = ? AND occurred_at >= ?"
				+ " AND action IN ('ADMITTED', 'DISCHARGED')")
				.params(siteId, first.atStartOfDay(QuarantineOrders.ZONE).toOffsetDateTime())
				.query((rs, i) -> new Object[] { rs.getString(1), rs.getObject(2, OffsetDateTime.class) }).list()
				.forEach(e -> {
					LocalDate day = ((OffsetDateTime) e[1]).atZoneSameInstant(QuarantineOrders.ZONE).toLocalDate();
					int[] c = counts.get(day);
					if (c != null) {
						c["ADMITTED".equals(e[0]) ? 0 : 1]++;
					}
				});
		return counts.entrySet().stream().map(e -> new SiteBoard.Day(e.getKey(), e.getValue()[0], e.getValue()[1]))
				.toList();
	}

	private SiteView kept(CurrentUser user, long siteId) {
		QuarantineAccess.require(user, QuarantineAccess.SITE_KEEPERS, "site");
		SiteView site = site(user, siteId);
		if (!user.scope().covers(site.jurisdictionCode())) {
			throw new OutOfScopeException("quarantineSite", String.valueOf(siteId));
		}
		return site;
	}

	private static SiteView siteRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new SiteView(rs.getLong("id"), rs.getString("name"), rs.getString("address"),
				rs.getString("jurisdiction_code"), rs.getInt("rooms"), rs.getInt("capacity"), rs.getInt("occupied"));
	}
}
