package org.gridlink.jurisdiction;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUsers;
import org.gridlink.platform.Role;
import org.gridlink.platform.BulkResult;
import org.gridlink.platform.RowError;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.JurisdictionLevel;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads or updates the jurisdiction tree of a real district from a GeoJSON FeatureCollection: one feature per node
 * with properties {@code code} (12-digit statistical code, 15 digits for a grid), {@code name}, optional
 * {@code kind} and {@code parentCode}, and a Polygon geometry (required for grids). Nodes are upserted by code,
 * parents before children; a bad feature is reported and never stops the good ones.
 */
@Service
public class JurisdictionImport {

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final GridLocator locator;
	private final AuditTrail audit;
	private final Accounts accounts;

	JurisdictionImport(JdbcClient jdbc, JsonMapper json, GridLocator locator, AuditTrail audit, Accounts accounts) {
		this.jdbc = jdbc;
		this.json = json;
		this.locator = locator;
		this.audit = audit;
		this.accounts = accounts;
	}

	record Feature(int index, String code, String name, String kind, String parentCode, String wkt) {
	}

	@Transactional
	public BulkResult importGeoJson(InputStream input) {
		List<RowError> errors = new ArrayList<>();
		JsonNode root;
		try {
			root = json.readTree(input);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			errors.add(new RowError(0, "file", "not JSON / 不是 JSON 文件"));
			return new BulkResult(0, 0, errors);
		}
		catch (RuntimeException ex) {
			errors.add(new RowError(0, "file", "unreadable file / 文件无法读取"));
			return new BulkResult(0, 0, errors);
		}
		JsonNode features = root == null ? null : root.get("features");
		if (features == null || !features.isArray()) {
			errors.add(new RowError(0, "features", "not a GeoJSON FeatureCollection / 不是 GeoJSON 要素集合"));
			return new BulkResult(0, 0, errors);
		}
		List<Feature> parsed = new ArrayList<>();
		for (int i = 0; i < features.size(); i++) {
			Feature feature = parse(i + 1, features.get(i), errors);
			if (feature != null) {
				parsed.add(feature);
			}
		}
		// parents first: district, streets, communities, grids
		parsed.sort((a, b) -> Integer.compare(JurisdictionCode.of(a.code()).level().ordinal(),
				JurisdictionCode.of(b.code()).level().ordinal()));
		Set<String> seen = new HashSet<>();
		int accepted = 0;
		for (Feature feature : parsed) {
			if (!seen.add(feature.code())) {
				errors.add(new RowError(feature.index(), "code", "duplicate code / 编码重复: " + feature.code()));
				continue;
			}
			if (feature.parentCode() != null && !exists(feature.parentCode())) {
				errors.add(new RowError(feature.index(), "parentCode",
						"parent not found / 上级不存在: " + feature.parentCode()));
				continue;
			}
			upsert(feature);
			accepted++;
		}
		locator.invalidate();
		grantDistrictsToUnscopedImporter();
		audit.record("JURISDICTION_IMPORT", "jurisdiction", null,
				errors.isEmpty() ? AuditTrail.SUCCESS : AuditTrail.FAILURE,
				"features=" + features.size() + " accepted=" + accepted + " errors=" + errors.size());
		return new BulkResult(features.size(), accepted, errors);
	}

	private Feature parse(int index, JsonNode feature, List<RowError> errors) {
		JsonNode properties = feature.path("properties");
		String code = properties.path("code").asString("").trim();
		String name = properties.path("name").asString("").trim();
		if (!JurisdictionCode.isValid(code)) {
			errors.add(new RowError(index, "code", "12 or 15 digits / 须为 12 或 15 位数字: " + code));
			return null;
		}
		if (name.isEmpty() || name.length() > 100) {
			errors.add(new RowError(index, "name", "name required, at most 100 / 名称必填，最多 100 字"));
			return null;
		}
		JurisdictionCode jurisdiction = JurisdictionCode.of(code);
		String parent = properties.path("parentCode").asString("").trim();
		if (parent.isEmpty()) {
			parent = defaultParent(jurisdiction);
		}
		String kind = properties.path("kind").asString("").trim();
		if (kind.isEmpty()) {
			kind = defaultKind(jurisdiction);
		}
		String wkt = null;
		JsonNode geometry = feature.get("geometry");
		if (geometry != null && !geometry.isNull()) {
			try {
				wkt = polygon(geometry).toText();
			}
			catch (IllegalArgumentException ex) {
				errors.add(new RowError(index, "geometry", ex.getMessage()));
				return null;
			}
		}
		else if (jurisdiction.level() == JurisdictionLevel.GRID) {
			errors.add(new RowError(index, "geometry", "a grid needs its boundary / 网格须有边界"));
			return null;
		}
		return new Feature(index, code, name, kind, parent, wkt);
	}

	private static Polygon polygon(JsonNode geometry) {
		if (!"Polygon".equals(geometry.path("type").asString(""))) {
			throw new IllegalArgumentException("geometry must be a Polygon / 边界须为 Polygon");
		}
		JsonNode rings = geometry.path("coordinates");
		if (!rings.isArray() || rings.isEmpty()) {
			throw new IllegalArgumentException("Polygon without coordinates / 边界无坐标");
		}
		LinearRing shell = ring(rings.get(0));
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i));
		}
		Polygon polygon = GEOMETRY.createPolygon(shell, holes);
		if (!polygon.isValid()) {
			throw new IllegalArgumentException("invalid polygon (self-intersecting?) / 边界无效（自相交？）");
		}
		return polygon;
	}

	private static LinearRing ring(JsonNode points) {
		List<Coordinate> coordinates = new ArrayList<>();
		for (JsonNode point : points) {
			if (!point.isArray() || point.size() < 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
				throw new IllegalArgumentException("coordinates must be [lng, lat] numbers / 坐标须为 [经度, 纬度]");
			}
			double lng = point.get(0).asDouble();
			double lat = point.get(1).asDouble();
			if (Math.abs(lng) > 180 || Math.abs(lat) > 90) {
				throw new IllegalArgumentException("coordinate out of range / 坐标超出范围: " + lng + "," + lat);
			}
			coordinates.add(new Coordinate(lng, lat));
		}
		if (coordinates.size() < 4 || !coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
			throw new IllegalArgumentException("a ring needs 4+ points and must be closed / 边界环须闭合且至少 4 点");
		}
		return GEOMETRY.createLinearRing(coordinates.toArray(Coordinate[]::new));
	}

	private static String defaultParent(JurisdictionCode code) {
		String value = code.value();
		return switch (code.level()) {
			case DISTRICT -> null;
			case STREET -> value.substring(0, 6) + "000000";
			case COMMUNITY -> value.substring(0, 9) + "000";
			case GRID -> value.substring(0, 12);
		};
	}

	/** Kinds from the statistical code ranges: town 100-399 of the 3 town digits, village 200-399 of the last 3. */
	private static String defaultKind(JurisdictionCode code) {
		String value = code.value();
		return switch (code.level()) {
			case DISTRICT -> "DISTRICT";
			case STREET -> Integer.parseInt(value.substring(6, 9)) >= 100 ? "TOWN" : "STREET";
			case COMMUNITY -> Integer.parseInt(value.substring(9, 12)) >= 200 ? "VILLAGE" : "COMMUNITY";
			case GRID -> "GRID";
		};
	}

	/** A fresh installation's admin has no scope yet: the districts they import become it. */
	private void grantDistrictsToUnscopedImporter() {
		CurrentUsers.find().filter(user -> user.has(Role.ADMIN) && user.scope().isEmpty()).ifPresent(user -> {
			List<String> districts = jdbc.sql("SELECT code FROM jurisdiction WHERE level = 'DISTRICT'")
					.query(String.class).list();
			if (!districts.isEmpty()) {
				accounts.setScope(user.username(), Set.copyOf(districts));
			}
		});
	}

	private boolean exists(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM jurisdiction WHERE code = ?").param(code).query(Long.class).single() > 0;
	}

	private void upsert(Feature f) {
		JurisdictionCode code = JurisdictionCode.of(f.code());
		Double lat = null;
		Double lng = null;
		if (f.wkt() != null) {
			var centre = Wkt.read(f.wkt()).getInteriorPoint();
			lat = centre.getY();
			lng = centre.getX();
		}
		int updated = jdbc.sql("""
				UPDATE jurisdiction SET name = ?, kind = ?, parent_code = ?, boundary = COALESCE(?, boundary),
				center_lat = COALESCE(?, center_lat), center_lng = COALESCE(?, center_lng) WHERE code = ?""")
				.params(f.name(), f.kind(), f.parentCode(), f.wkt(), lat, lng, f.code()).update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO jurisdiction (code, prefix, name, level, kind, parent_code, district_code, boundary,
					center_lat, center_lng) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(f.code(), code.prefix(), f.name(), code.level().name(), f.kind(), f.parentCode(),
							code.districtCode(), f.wkt(), lat, lng)
					.update();
		}
	}
}
