package org.gridlink.jurisdiction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.JurisdictionLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads of the jurisdiction tree, always filtered by the caller's scope in the query. Asking for a node outside
 * the scope throws {@link OutOfScopeException} before anything is read about it.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Jurisdictions implements JurisdictionDirectory {

	static final String NODE_COLUMNS = "code, name, level, kind, parent_code";

	private final JdbcClient jdbc;
	private final GridLocator locator;

	Jurisdictions(JdbcClient jdbc, GridLocator locator) {
		this.jdbc = jdbc;
		this.locator = locator;
	}

	@Override
	public boolean exists(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM jurisdiction WHERE code = ?").param(code).query(Long.class).single() > 0;
	}

	@Override
	public Map<String, String> names(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		List<String> list = List.copyOf(new java.util.TreeSet<>(codes));
		Map<String, String> names = new HashMap<>();
		jdbc.sql("SELECT code, name FROM jurisdiction WHERE code IN (:codes)"
				+ " UNION ALL SELECT code, name FROM police_grid WHERE code IN (:codes)").param("codes", list)
				.query((rs, i) -> names.put(rs.getString(1), rs.getString(2))).list();
		return names;
	}

	@Override
	public List<String> districtCodes() {
		return jdbc.sql("SELECT code FROM jurisdiction WHERE level = 'DISTRICT' ORDER BY code").query(String.class)
				.list();
	}

	/** Nodes in the caller's scope, optionally of one level and under one parent, ordered by code. */
	public Page<JurisdictionNode> list(CurrentUser user, @Nullable JurisdictionLevel level, @Nullable String parent,
			Pageable pageable) {
		StringBuilder where = new StringBuilder(" WHERE " + user.scope().sqlCondition("code"));
		List<Object> params = new ArrayList<>();
		if (level != null) {
			where.append(" AND level = ?");
			params.add(level.name());
		}
		if (parent != null && !parent.isBlank()) {
			where.append(" AND parent_code = ?");
			params.add(parent.trim());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM jurisdiction" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<JurisdictionNode> content = jdbc
				.sql("SELECT " + NODE_COLUMNS + " FROM jurisdiction" + where + " ORDER BY code LIMIT ? OFFSET ?")
				.params(pageParams).query(Jurisdictions::node).list();
		return new PageImpl<>(content, pageable, total);
	}

	/** One node with its children counts and visible ancestors. */
	public JurisdictionDetail get(CurrentUser user, String code) {
		JurisdictionNode node = node(user, code);
		String prefix = JurisdictionCode.of(code).prefix();
		Map<String, Long> below = jdbc.sql("""
				SELECT level, COUNT(*) AS n FROM jurisdiction WHERE code LIKE ? AND code <> ? GROUP BY level""")
				.params(prefix + "%", code)
				.query((rs, i) -> Map.entry(rs.getString("level"), rs.getLong("n"))).list().stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		long children = jdbc.sql("SELECT COUNT(*) FROM jurisdiction WHERE parent_code = ?").param(code)
				.query(Long.class).single();
		return new JurisdictionDetail(node.code(), node.name(), node.level().name(), node.kind(), node.parentCode(),
				children, below.getOrDefault("STREET", 0L), below.getOrDefault("COMMUNITY", 0L),
				below.getOrDefault("GRID", 0L), path(user, node));
	}

	/** The node itself, scope-checked. */
	public JurisdictionNode node(CurrentUser user, String code) {
		if (!JurisdictionCode.isValid(code)) {
			throw new NotFoundException("jurisdiction.not.found", code);
		}
		if (!user.scope().covers(code)) {
			throw new OutOfScopeException("jurisdiction", code);
		}
		return find(code).orElseThrow(() -> new NotFoundException("jurisdiction.not.found", code));
	}

	/** A node by code, not scope-checked: names and places are not personal data. */
	public Optional<JurisdictionNode> find(String code) {
		return jdbc.sql("SELECT " + NODE_COLUMNS + " FROM jurisdiction WHERE code = ?").param(code)
				.query(Jurisdictions::node).optional();
	}

	/** The top nodes of the caller's scope (their own district, street, community or grids). */
	public List<TreeRow> roots(CurrentUser user) {
		List<String> codes = new ArrayList<>(user.scope().codes());
		List<TreeRow> rows = new ArrayList<>();
		for (String code : codes.stream().sorted().toList()) {
			if (codes.stream().anyMatch(other -> !other.equals(code) && JurisdictionCode.isValid(other)
					&& JurisdictionCode.isValid(code) && JurisdictionCode.of(other).contains(JurisdictionCode.of(code)))) {
				continue;
			}
			rows.addAll(treeRows("c.code = ?", code));
		}
		return rows;
	}

	/** The children of a node with their counts, scope-checked. */
	public List<TreeRow> children(CurrentUser user, String code) {
		node(user, code);
		return treeRows("c.parent_code = ? AND " + user.scope().sqlCondition("c.code"), code);
	}

	private List<TreeRow> treeRows(String condition, String param) {
		return jdbc.sql("""
				SELECT c.code, c.name, c.level, c.kind, c.parent_code,
				  (SELECT COUNT(*) FROM jurisdiction d WHERE d.level = 'COMMUNITY' AND d.code LIKE c.prefix || '%') AS communities,
				  (SELECT COUNT(*) FROM jurisdiction d WHERE d.level = 'GRID' AND d.code LIKE c.prefix || '%') AS grids
				FROM jurisdiction c WHERE """ + " " + condition + " ORDER BY c.code")
				.param(param)
				.query((rs, i) -> new TreeRow(node(rs, i), rs.getLong("communities"), rs.getLong("grids")))
				.list();
	}

	/** Ancestors of a node that the caller's scope covers, root first. */
	private List<JurisdictionNode> path(CurrentUser user, JurisdictionNode node) {
		List<JurisdictionNode> path = new ArrayList<>();
		String parent = node.parentCode();
		while (parent != null && user.scope().covers(parent)) {
			Optional<JurisdictionNode> ancestor = find(parent);
			if (ancestor.isEmpty()) {
				break;
			}
			path.add(0, ancestor.get());
			parent = ancestor.get().parentCode();
		}
		return path;
	}

	/** The grid containing a point (WGS 84), if any. Not scope-filtered: a location is not personal data. */
	public Optional<JurisdictionNode> locate(double lat, double lng) {
		return locator.locate(lat, lng).flatMap(this::find);
	}

	/** Grid boundaries under {@code parent} within the caller's scope as a GeoJSON FeatureCollection. */
	public String gridsGeoJson(CurrentUser user, @Nullable String parent) {
		StringBuilder where = new StringBuilder(" WHERE level = 'GRID' AND " + user.scope().sqlCondition("code"));
		List<Object> params = new ArrayList<>();
		if (parent != null && !parent.isBlank()) {
			node(user, parent);
			where.append(" AND code LIKE ?");
			params.add(JurisdictionCode.of(parent).prefix() + "%");
		}
		StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
		List<String[]> rows = jdbc.sql("SELECT code, name, parent_code, boundary FROM jurisdiction" + where
				+ " ORDER BY code").params(params)
				.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
				.list();
		for (int i = 0; i < rows.size(); i++) {
			String[] row = rows.get(i);
			if (i > 0) {
				json.append(',');
			}
			json.append("{\"type\":\"Feature\",\"properties\":{\"code\":\"").append(row[0])
					.append("\",\"name\":\"").append(Wkt.escape(row[1])).append("\",\"parentCode\":\"")
					.append(row[2]).append("\"},\"geometry\":").append(Wkt.toGeoJson(row[3])).append('}');
		}
		return json.append("]}").toString();
	}

	/**
	 * Streets or communities (with villages) in the caller's scope as a GeoJSON FeatureCollection, each with its
	 * label point ({@code lat}, {@code lng}: a point inside it) for the map's labels; areas without a boundary are left
	 * out.
	 */
	public String areasGeoJson(CurrentUser user, JurisdictionLevel level) {
		if (level != JurisdictionLevel.STREET && level != JurisdictionLevel.COMMUNITY) {
			throw new org.gridlink.platform.InvalidInputException("map.level.invalid", level.name());
		}
		StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
		List<String[]> rows = jdbc.sql("SELECT code, name, level, center_lat, center_lng, boundary FROM jurisdiction"
				+ " WHERE level = ? AND boundary IS NOT NULL AND " + user.scope().sqlCondition("code") + " ORDER BY code")
				.param(level.name())
				.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6) })
				.list();
		for (int i = 0; i < rows.size(); i++) {
			String[] row = rows.get(i);
			json.append(i > 0 ? "," : "").append("{\"type\":\"Feature\",\"properties\":{\"code\":\"").append(row[0])
					.append("\",\"name\":\"").append(Wkt.escape(row[1])).append("\",\"level\":\"").append(row[2])
					.append("\",\"lat\":").append(row[3] == null ? "null" : Double.parseDouble(row[3]))
					.append(",\"lng\":").append(row[4] == null ? "null" : Double.parseDouble(row[4]))
					.append("},\"geometry\":").append(Wkt.toGeoJson(row[5])).append('}');
		}
		return json.append("]}").toString();
	}

	static JurisdictionNode node(ResultSet rs, int row) throws SQLException {
		return new JurisdictionNode(rs.getString("code"), rs.getString("name"),
				JurisdictionLevel.valueOf(rs.getString("level")), rs.getString("kind"), rs.getString("parent_code"));
	}

	/** The grid page's content: boundary, workers, police grids with officers, compounds with buildings. */
	public GridDetail grid(CurrentUser user, String code) {
		JurisdictionNode grid = node(user, code);
		if (grid.level() != JurisdictionLevel.GRID) {
			throw new NotFoundException("jurisdiction.not.found", code);
		}
		String boundary = jdbc.sql("SELECT boundary FROM jurisdiction WHERE code = ?").param(code).query(String.class)
				.optional().orElse(null);
		List<String> workers = jdbc.sql("""
				SELECT s.name FROM staff s JOIN grid_assignment a ON a.staff_id = s.id
				WHERE a.grid_code = ? AND s.active = TRUE ORDER BY s.name""").param(code).query(String.class).list();
		List<GridDetail.PoliceGridView> police = jdbc.sql("""
				SELECT p.code, p.name FROM police_grid p JOIN police_grid_link l ON l.police_grid_code = p.code
				WHERE l.grid_code = ? ORDER BY p.code""").param(code)
				.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).list().stream()
				.map(p -> new GridDetail.PoliceGridView(p[0], p[1], jdbc.sql("""
						SELECT s.name FROM staff s JOIN officer_assignment o ON o.staff_id = s.id
						WHERE o.police_grid_code = ? AND s.active = TRUE ORDER BY s.name""").param(p[0])
						.query(String.class).list()))
				.toList();
		List<GridDetail.CompoundView> compounds = jdbc.sql("""
				SELECT c.id, c.name, COALESCE(p.name, '') AS company FROM compound c
				LEFT JOIN property_company p ON p.id = c.property_company_id
				WHERE c.grid_code = ? ORDER BY c.name""").param(code)
				.query((rs, i) -> new GridDetail.CompoundView(rs.getLong(1), rs.getString(2), rs.getString(3),
						List.of()))
				.list().stream()
				.map(c -> new GridDetail.CompoundView(c.id(), c.name(), c.propertyCompany(),
						jdbc.sql("SELECT name FROM building WHERE compound_id = ? ORDER BY code").param(c.id())
								.query(String.class).list()))
				.toList();
		return new GridDetail(grid, Wkt.toGeoJson(boundary), workers, police, compounds);
	}

	/**
	 * Every grid with the buildings of its compounds, ordered by code; for bulk imports (which grids exist) and the
	 * demo residents generator. Not scope-filtered: it holds no personal data.
	 */
	public List<ResidentialGrid> residentialGrids() {
		Map<String, List<ResidentialGrid.Building>> buildings = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT c.grid_code, c.name, b.name, b.floors FROM compound c JOIN building b ON b.compound_id = c.id
				ORDER BY c.grid_code, c.id, b.code""")
				.query((rs, i) -> Map.entry(rs.getString(1), new ResidentialGrid.Building(rs.getString(2),
						rs.getString(3), rs.getInt(4))))
				.list().forEach(e -> buildings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return jdbc.sql("""
				SELECT g.code, COALESCE(p.name, ''), COALESCE(p.kind, '') FROM jurisdiction g
				LEFT JOIN jurisdiction p ON p.code = g.parent_code WHERE g.level = 'GRID' ORDER BY g.code""")
				.query((rs, i) -> new ResidentialGrid(rs.getString(1), rs.getString(2),
						"VILLAGE".equals(rs.getString(3)), buildings.getOrDefault(rs.getString(1), List.of())))
				.list();
	}
}
