package org.gridlink.supplies;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.gridlink.shared.JurisdictionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and editing warehouses (docs/supplies.md, "Warehouses"): the center for district warehouses, a street for
 * its street's, a community for its own. The jurisdiction must exist and be of the warehouse's level and in the
 * editor's scope; only the center names a keeping unit (an existing unit). Every change is audited (a refusal by the API's exception handler, ACCESS_DENIED).
 */
@Service
public class WarehouseAdmin {

	static final int MAX_NAME = 100;
	static final int MAX_ADDRESS = 200;

	private final JdbcClient jdbc;
	private final Reserves reserves;
	private final JurisdictionDirectory places;
	private final Organization organization;
	private final AuditTrail audit;

	WarehouseAdmin(JdbcClient jdbc, Reserves reserves, JurisdictionDirectory places, Organization organization,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.reserves = reserves;
		this.places = places;
		this.organization = organization;
		this.audit = audit;
	}

	/** Creates or edits warehouses of some level at all (menus, the "new warehouse" button). */
	public boolean managesAny(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.STREET, Role.COMMUNITY) && !user.scope().isEmpty();
	}

	/** May the user edit this warehouse (its level's staff in scope). */
	public boolean manages(CurrentUser user, Warehouse w) {
		return SupplyAccess.managesWarehouse(user, w.level(), w.jurisdictionCode());
	}

	/** The units a center may name as keepers, by id (name). */
	public Map<Long, String> units() {
		Map<Long, String> names = new LinkedHashMap<>();
		for (UnitView u : organization.allUnits()) {
			names.put(u.id(), u.name());
		}
		return names;
	}

	private record Valid(String name, String level, String code, @Nullable Long unitId, @Nullable String address) {
	}

	/**
	 * Checks the input; {@code field -> problem} for a form. The first problem per field is kept; the message keys
	 * are those of {@link InvalidInputException}s thrown by the API.
	 */
	public Map<String, InvalidInputException> problems(CurrentUser user, WarehouseInput in, @Nullable Warehouse old) {
		Map<String, InvalidInputException> problems = new LinkedHashMap<>();
		String name = in.name() == null ? "" : in.name().strip();
		if (name.isEmpty() || name.length() > MAX_NAME) {
			problems.put("name", new InvalidInputException("supplies.warehouse.name.invalid", MAX_NAME));
		}
		String level = in.level() == null ? "" : in.level().strip().toUpperCase(Locale.ROOT);
		if (!level.equals("DISTRICT") && !level.equals("STREET") && !level.equals("COMMUNITY")) {
			problems.put("level", new InvalidInputException("supplies.warehouse.level.invalid"));
		}
		String code = in.jurisdictionCode() == null ? "" : in.jurisdictionCode().strip();
		if (!JurisdictionCode.isValid(code) || !places.exists(code)) {
			problems.put("jurisdictionCode", new InvalidInputException("supplies.warehouse.place.invalid", code));
		}
		else if (!problems.containsKey("level") && !JurisdictionCode.of(code).level().name().equals(level)) {
			problems.put("jurisdictionCode", new InvalidInputException("supplies.warehouse.place.level", code));
		}
		if (in.address() != null && in.address().strip().length() > MAX_ADDRESS) {
			problems.put("address", new InvalidInputException("supplies.warehouse.address.invalid", MAX_ADDRESS));
		}
		Long unit = in.unitId();
		Long oldUnit = old == null ? null : old.unitId();
		if (unit != null && !units().containsKey(unit)) {
			problems.put("unitId", new InvalidInputException("supplies.warehouse.unit.invalid", unit));
		}
		else if (!java.util.Objects.equals(unit, oldUnit) && !user.has(Role.CENTER)) {
			problems.put("unitId", new InvalidInputException("supplies.warehouse.unit.center"));
		}
		return problems;
	}

	private Valid valid(CurrentUser user, WarehouseInput in, @Nullable Warehouse old) {
		Map<String, InvalidInputException> problems = problems(user, in, old);
		if (!problems.containsKey("level") && !problems.containsKey("jurisdictionCode")
				&& !SupplyAccess.managesWarehouse(user, in.level().strip().toUpperCase(Locale.ROOT),
						in.jurisdictionCode().strip())) {
			throw new OutOfScopeException("warehouse", in.jurisdictionCode().strip());
		}
		if (!problems.isEmpty()) {
			throw problems.values().iterator().next();
		}
		String address = in.address() == null || in.address().isBlank() ? null : in.address().strip();
		Valid v = new Valid(in.name().strip(), in.level().strip().toUpperCase(Locale.ROOT),
				in.jurisdictionCode().strip(), in.unitId(), address);
		if (!SupplyAccess.managesWarehouse(user, v.level(), v.code())) {
			throw new OutOfScopeException("warehouse", v.code());
		}
		return v;
	}

	@Transactional
	public Warehouse create(CurrentUser user, WarehouseInput in) {
		Valid v = valid(user, in, null);
		boolean active = in.active() == null || in.active();
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO supply_warehouse (name, level, jurisdiction_code, unit_id, address, active)"
				+ " VALUES (?, ?, ?, ?, ?, ?)")
				.params(v.name(), v.level(), v.code(), v.unitId(), v.address(), active).update(keys, "id");
		long id = java.util.Objects.requireNonNull(keys.getKey()).longValue();
		audit.record("supplies.warehouse.create", "warehouse", String.valueOf(id), AuditTrail.SUCCESS,
				v.level() + " " + v.code() + " " + v.name() + (v.unitId() == null ? "" : " unit " + v.unitId()));
		return reserves.warehouse(id);
	}

	@Transactional
	public Warehouse update(CurrentUser user, long id, WarehouseInput in) {
		Warehouse old = reserves.warehouse(id);
		if (!manages(user, old)) {
			throw new OutOfScopeException("warehouse", String.valueOf(id));
		}
		Valid v = valid(user, in, old);
		boolean active = in.active() == null ? old.active() : in.active();
		jdbc.sql("UPDATE supply_warehouse SET name = ?, level = ?, jurisdiction_code = ?, unit_id = ?, address = ?,"
				+ " active = ? WHERE id = ?")
				.params(v.name(), v.level(), v.code(), v.unitId(), v.address(), active, id).update();
		audit.record("supplies.warehouse.update", "warehouse", String.valueOf(id), AuditTrail.SUCCESS,
				v.level() + " " + v.code() + " " + v.name() + (v.unitId() == null ? "" : " unit " + v.unitId())
						+ (active ? "" : " inactive"));
		return reserves.warehouse(id);
	}
}
