package org.gridlink.jurisdiction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.gridlink.jurisdiction.OrganizationViews.CompanyView;
import org.gridlink.jurisdiction.OrganizationViews.CompoundRow;
import org.gridlink.jurisdiction.OrganizationViews.PostView;
import org.gridlink.jurisdiction.OrganizationViews.StaffView;
import org.gridlink.jurisdiction.OrganizationViews.UnitDetail;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Like;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.Masked;
import org.gridlink.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of the district and their assignments: units, staff, grid workers to grids, officers to police grids,
 * property companies to compounds, and cadres to communities (挂包). Used by the admin pages; every change is
 * audited. Assigning a grid worker or an officer who has a user account also sets that account's scope.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Organization {

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Accounts accounts;
	private final Clock clock;
	private final PersonalDataCipher cipher;

	Organization(JdbcClient jdbc, AuditTrail audit, Accounts accounts, Clock clock, PersonalDataCipher cipher) {
		this.clock = clock;
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.audit = audit;
		this.accounts = accounts;
	}

	public Page<UnitView> units(@Nullable String q, Pageable pageable) {
		String like = like(q);
		long total = jdbc.sql("SELECT COUNT(*) FROM unit WHERE LOWER(name) LIKE ?" + Like.ESCAPE
				+ " OR LOWER(code) LIKE ?" + Like.ESCAPE)
				.params(like, like).query(Long.class).single();
		List<UnitView> units = jdbc.sql("""
				SELECT u.id, u.code, u.name, u.kind, (SELECT COUNT(*) FROM staff s WHERE s.unit_id = u.id) AS staff
				FROM unit u WHERE LOWER(u.name) LIKE ? ESCAPE '\\' OR LOWER(u.code) LIKE ? ESCAPE '\\'
				ORDER BY u.code LIMIT ? OFFSET ?""")
				.params(like, like, pageable.getPageSize(), pageable.getOffset())
				.query((rs, i) -> new UnitView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getLong(5)))
				.list();
		return new PageImpl<>(units, pageable, total);
	}

	/** The kinds a unit may have: the district's command center or a department/agency. */
	public static final List<String> UNIT_KINDS = List.of("DEPARTMENT", "COMMAND_CENTER");

	public List<UnitView> allUnits() {
		return units(null, Pageable.ofSize(1000)).getContent();
	}

	@Transactional
	public long createUnit(String code, String name, String kind) {
		if (code == null || !code.matches("[A-Za-z0-9_-]{1,20}")) {
			throw new InvalidInputException("unit.code.invalid");
		}
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInputException("unit.name.invalid");
		}
		if (kind != null && !kind.isBlank() && !UNIT_KINDS.contains(kind)) {
			throw new InvalidInputException("unit.kind.invalid", kind);
		}
		if (jdbc.sql("SELECT COUNT(*) FROM unit WHERE code = ?").param(code).query(Long.class).single() > 0) {
			throw new InvalidInputException("unit.code.taken", code);
		}
		jdbc.sql("INSERT INTO unit (code, name, kind, district_code) VALUES (?, ?, ?, ?)")
				.params(code, name.trim(), kind == null || kind.isBlank() ? "DEPARTMENT" : kind, districtCode()).update();
		audit.record("UNIT_CREATE", "unit", code, AuditTrail.SUCCESS, name.trim());
		return jdbc.sql("SELECT id FROM unit WHERE code = ?").param(code).query(Long.class).single();
	}

	/** One unit, its duty phone masked. 404 for an unknown unit. */
	public UnitDetail unit(long id) {
		return jdbc.sql("""
				SELECT u.id, u.code, u.name, u.kind, (SELECT COUNT(*) FROM staff s WHERE s.unit_id = u.id),
				u.duty_phone_enc FROM unit u WHERE u.id = ?""").param(id)
				.query((rs, i) -> new UnitDetail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getLong(5), rs.getString(6) == null ? null : Masked.phone(cipher.decrypt(rs.getString(6)))))
				.optional().orElseThrow(() -> new NotFoundException("unit.not.found", String.valueOf(id)));
	}

	/**
	 * Sets the unit's duty phone (值班电话), or clears it when {@code phone} is null or blank. It must be a mobile
	 * number (it receives SMS), normalised by {@link PhoneNumber}; stored sealed; audited with the number masked.
	 */
	@Transactional
	public void setDutyPhone(long unitId, @Nullable String phone) {
		UnitDetail unit = unit(unitId);
		String normalised = phone == null || phone.isBlank() ? null : PhoneNumber.normalise(phone);
		if (normalised != null && !PhoneNumber.isMobile(normalised)) {
			throw new InvalidInputException("unit.dutyPhone.invalid", phone.strip());
		}
		jdbc.sql("UPDATE unit SET duty_phone_enc = ? WHERE id = ?")
				.params(normalised == null ? null : cipher.encrypt(normalised), unitId).update();
		audit.record(normalised == null ? "UNIT_DUTY_PHONE_CLEAR" : "UNIT_DUTY_PHONE_SET", "unit", unit.code(),
				AuditTrail.SUCCESS, normalised == null ? null : Masked.phone(normalised));
	}

	/** The unit's duty phone in the open, for {@link UnitDutyPhoneDirectory} only. */
	java.util.Optional<String> dutyPhone(long unitId) {
		return jdbc.sql("SELECT duty_phone_enc FROM unit WHERE id = ? AND duty_phone_enc IS NOT NULL").param(unitId)
				.query(String.class).optional().map(cipher::decrypt);
	}

	public Page<StaffView> staff(@Nullable StaffKind kind, @Nullable String q, Pageable pageable) {
		String where = " WHERE (LOWER(s.name) LIKE ?" + Like.ESCAPE + " OR LOWER(COALESCE(s.username, '')) LIKE ?"
				+ Like.ESCAPE + ")"
				+ (kind == null ? "" : " AND s.kind = '" + kind.name() + "'");
		String like = like(q);
		long total = jdbc.sql("SELECT COUNT(*) FROM staff s" + where).params(like, like).query(Long.class).single();
		List<StaffView> rows = jdbc.sql("""
				SELECT s.id, s.name, s.kind, u.name AS unit_name, p.name AS company, s.username, s.active
				FROM staff s LEFT JOIN unit u ON u.id = s.unit_id LEFT JOIN property_company p ON p.id = s.property_company_id"""
				+ where + " ORDER BY s.kind, s.name, s.id LIMIT ? OFFSET ?")
				.params(like, like, pageable.getPageSize(), pageable.getOffset())
				.query((rs, i) -> new StaffView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getBoolean(7), List.of()))
				.list().stream()
				.map(s -> new StaffView(s.id(), s.name(), s.kind(), s.unitName(), s.propertyCompany(), s.username(),
						s.active(), assignmentsOf(s.id())))
				.toList();
		return new PageImpl<>(rows, pageable, total);
	}

	public StaffView staffMember(long id) {
		return jdbc.sql("""
				SELECT s.id, s.name, s.kind, u.name, p.name, s.username, s.active FROM staff s
				LEFT JOIN unit u ON u.id = s.unit_id LEFT JOIN property_company p ON p.id = s.property_company_id
				WHERE s.id = ?""").param(id)
				.query((rs, i) -> new StaffView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getBoolean(7), assignmentsOf(id)))
				.optional().orElseThrow(() -> new NotFoundException("staff.not.found", String.valueOf(id)));
	}

	@Transactional
	public long createStaff(String name, StaffKind kind, @Nullable Long unitId, @Nullable Long companyId,
			@Nullable String username) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInputException("staff.name.invalid");
		}
		String login = username == null || username.isBlank() ? null : username.trim().toLowerCase(Locale.ROOT);
		if (login != null && accounts.find(login).isEmpty()) {
			throw new InvalidInputException("account.not.found", login);
		}
		requireUnit(unitId);
		if (companyId != null && !exists("property_company", companyId)) {
			throw new InvalidInputException("company.unknown", companyId);
		}
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO staff (name, kind, unit_id, property_company_id, username, district_code)
				VALUES (?, ?, ?, ?, ?, ?)""").params(name.trim(), kind.name(), unitId, companyId, login, districtCode())
				.update(key, "id");
		long id = key.getKeyAs(Long.class);
		audit.record("STAFF_CREATE", "staff", String.valueOf(id), AuditTrail.SUCCESS, kind + " " + name.trim());
		return id;
	}

	@Transactional
	public void setStaffActive(long id, boolean active) {
		staffMember(id);
		jdbc.sql("UPDATE staff SET active = ? WHERE id = ?").params(active, id).update();
		audit.record(active ? "STAFF_ACTIVATE" : "STAFF_DEACTIVATE", "staff", String.valueOf(id), AuditTrail.SUCCESS,
				null);
	}

	/** Replaces the grids of a grid worker (one or more). Their account's scope becomes those grids. */
	@Transactional
	public void assignGrids(long staffId, Set<String> gridCodes) {
		StaffView staff = staffOfKind(staffId, StaffKind.GRID_WORKER);
		for (String code : gridCodes) {
			requireLevel(code, "GRID");
		}
		jdbc.sql("DELETE FROM grid_assignment WHERE staff_id = ?").param(staffId).update();
		for (String code : gridCodes) {
			jdbc.sql("INSERT INTO grid_assignment (staff_id, grid_code) VALUES (?, ?)").params(staffId, code).update();
		}
		if (staff.username() != null) {
			accounts.setScope(staff.username(), gridCodes);
		}
		audit.record("ASSIGN_GRIDS", "staff", String.valueOf(staffId), AuditTrail.SUCCESS,
				"grids=" + new TreeSet<>(gridCodes));
	}

	/** Replaces an officer's police grids; their account's scope becomes the grids linked to them. */
	@Transactional
	public void assignPoliceGrids(long staffId, Set<String> policeGridCodes) {
		StaffView staff = staffOfKind(staffId, StaffKind.OFFICER);
		for (String code : policeGridCodes) {
			if (jdbc.sql("SELECT COUNT(*) FROM police_grid WHERE code = ?").param(code).query(Long.class).single() == 0) {
				throw new InvalidInputException("policeGrid.unknown", code);
			}
		}
		jdbc.sql("DELETE FROM officer_assignment WHERE staff_id = ?").param(staffId).update();
		Set<String> grids = new TreeSet<>();
		for (String code : policeGridCodes) {
			jdbc.sql("INSERT INTO officer_assignment (staff_id, police_grid_code) VALUES (?, ?)").params(staffId, code)
					.update();
			grids.addAll(jdbc.sql("SELECT grid_code FROM police_grid_link WHERE police_grid_code = ?").param(code)
					.query(String.class).list());
		}
		if (staff.username() != null) {
			accounts.setScope(staff.username(), grids);
		}
		audit.record("ASSIGN_POLICE_GRIDS", "staff", String.valueOf(staffId), AuditTrail.SUCCESS,
				"policeGrids=" + new TreeSet<>(policeGridCodes));
	}

	public List<CompanyView> companies() {
		return jdbc.sql("""
				SELECT p.id, p.name, (SELECT COUNT(*) FROM compound c WHERE c.property_company_id = p.id)
				FROM property_company p ORDER BY p.name""")
				.query((rs, i) -> new CompanyView(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
	}

	public List<CompoundRow> compoundsUnder(String prefix) {
		return jdbc.sql("""
				SELECT c.id, c.name, c.grid_code, c.property_company_id, p.name FROM compound c
				LEFT JOIN property_company p ON p.id = c.property_company_id
				WHERE c.grid_code LIKE ? ORDER BY c.grid_code, c.name LIMIT 500""").param(prefix + "%")
				.query((rs, i) -> new CompoundRow(rs.getLong(1), rs.getString(2), rs.getString(3),
						(Long) rs.getObject(4, Long.class), rs.getString(5)))
				.list();
	}

	/** Compounds whose grid lies under the jurisdiction with code prefix {@code prefix}, by grid and name, paged. */
	public Page<CompoundRow> compoundsUnder(String prefix, Pageable pageable) {
		long total = jdbc.sql("SELECT COUNT(*) FROM compound WHERE grid_code LIKE ?").param(prefix + "%")
				.query(Long.class).single();
		List<CompoundRow> rows = jdbc.sql("""
				SELECT c.id, c.name, c.grid_code, c.property_company_id, p.name FROM compound c
				LEFT JOIN property_company p ON p.id = c.property_company_id
				WHERE c.grid_code LIKE ? ORDER BY c.grid_code, c.name, c.id LIMIT ? OFFSET ?""")
				.params(prefix + "%", pageable.getPageSize(), pageable.getOffset())
				.query((rs, i) -> new CompoundRow(rs.getLong(1), rs.getString(2), rs.getString(3),
						(Long) rs.getObject(4, Long.class), rs.getString(5)))
				.list();
		return new PageImpl<>(rows, pageable, total);
	}

	/** Puts a compound under a property company (or none). */
	@Transactional
	public void assignCompany(long compoundId, @Nullable Long companyId) {
		if (companyId != null && jdbc.sql("SELECT COUNT(*) FROM property_company WHERE id = ?").param(companyId)
				.query(Long.class).single() == 0) {
			throw new NotFoundException("company.not.found", String.valueOf(companyId));
		}
		int updated = jdbc.sql("UPDATE compound SET property_company_id = ? WHERE id = ?").params(companyId, compoundId)
				.update();
		if (updated == 0) {
			throw new NotFoundException("compound.not.found", String.valueOf(compoundId));
		}
		audit.record("ASSIGN_COMPANY", "compound", String.valueOf(compoundId), AuditTrail.SUCCESS,
				"company=" + companyId);
	}

	public List<PostView> posts(String communityCode) {
		return postsWhere("p.community_code = ?", communityCode, "s.name");
	}

	/** The communities a cadre is posted to, by community code. */
	public List<PostView> postsOf(long staffId) {
		return postsWhere("p.staff_id = ?", staffId, "p.community_code");
	}

	private List<PostView> postsWhere(String condition, Object key, String order) {
		return jdbc.sql("""
				SELECT p.id, s.name, u.name, p.community_code, j.name, p.since FROM post p
				JOIN staff s ON s.id = p.staff_id LEFT JOIN unit u ON u.id = p.unit_id
				JOIN jurisdiction j ON j.code = p.community_code WHERE\s""" + condition + " ORDER BY " + order)
				.param(key)
				.query((rs, i) -> new PostView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getObject(6, LocalDate.class)))
				.list();
	}

	/**
	 * Posts a cadre to a community (挂包) for a unit, by default the cadre's own; several cadres may share one
	 * community.
	 */
	@Transactional
	public void postCadre(long staffId, String communityCode, @Nullable Long unitId) {
		StaffView staff = staffMember(staffId);
		if (!StaffKind.CADRE.name().equals(staff.kind())) {
			throw new InvalidInputException("post.not.cadre", staff.name());
		}
		requireLevel(communityCode, "COMMUNITY");
		requireUnit(unitId);
		if (unitId == null) {
			unitId = jdbc.sql("SELECT unit_id FROM staff WHERE id = ?").param(staffId).query(Long.class).optional()
					.orElse(null);
		}
		if (jdbc.sql("SELECT COUNT(*) FROM post WHERE staff_id = ? AND community_code = ?")
				.params(staffId, communityCode).query(Long.class).single() > 0) {
			throw new InvalidInputException("post.exists", staff.name(), communityCode);
		}
		jdbc.sql("INSERT INTO post (staff_id, community_code, unit_id, since) VALUES (?, ?, ?, ?)")
				.params(staffId, communityCode, unitId, LocalDate.now(clock)).update();
		audit.record("POST_CREATE", "staff", String.valueOf(staffId), AuditTrail.SUCCESS,
				"community=" + communityCode);
	}

	@Transactional
	public void removePost(long postId) {
		int deleted = jdbc.sql("DELETE FROM post WHERE id = ?").param(postId).update();
		if (deleted == 0) {
			throw new NotFoundException("post.not.found", String.valueOf(postId));
		}
		audit.record("POST_REMOVE", "post", String.valueOf(postId), AuditTrail.SUCCESS, null);
	}

	private List<String> assignmentsOf(long staffId) {
		List<String> result = new ArrayList<>();
		result.addAll(jdbc.sql("SELECT grid_code FROM grid_assignment WHERE staff_id = ? ORDER BY grid_code")
				.param(staffId).query(String.class).list());
		result.addAll(jdbc.sql("SELECT police_grid_code FROM officer_assignment WHERE staff_id = ? ORDER BY 1")
				.param(staffId).query(String.class).list());
		result.addAll(jdbc.sql("SELECT community_code FROM post WHERE staff_id = ? ORDER BY 1").param(staffId)
				.query(String.class).list());
		return result;
	}

	private StaffView staffOfKind(long staffId, StaffKind kind) {
		StaffView staff = staffMember(staffId);
		if (!kind.name().equals(staff.kind())) {
			throw new InvalidInputException("staff.wrong.kind", staff.name(), kind.name());
		}
		return staff;
	}

	private void requireUnit(@Nullable Long unitId) {
		if (unitId != null && !exists("unit", unitId)) {
			throw new InvalidInputException("unit.unknown", unitId);
		}
	}

	private boolean exists(String table, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = ?").param(id).query(Long.class).single() > 0;
	}

	private void requireLevel(String code, String level) {
		String actual = jdbc.sql("SELECT level FROM jurisdiction WHERE code = ?").param(code).query(String.class)
				.optional().orElseThrow(() -> new InvalidInputException("jurisdiction.unknown", code));
		if (!actual.equals(level)) {
			throw new InvalidInputException("jurisdiction.wrong.level", code, level);
		}
	}

	private String districtCode() {
		return jdbc.sql("SELECT district_code FROM jurisdiction WHERE level = 'DISTRICT' ORDER BY code LIMIT 1")
				.query(String.class).optional().orElse("000000");
	}

	private static String like(@Nullable String q) {
		return Like.contains(q == null ? null : q.toLowerCase(Locale.ROOT));
	}
}
