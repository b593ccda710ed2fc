package org.gridlink.jurisdiction;

import java.util.Collection;
import java.util.List;

import org.gridlink.platform.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Compounds (小区) and their buildings (楼栋) by id, for modules that address people by where they live (notices): the
 * id, the name and the grid each lies in, so that the caller can check the grid against its user's scope and find the
 * households at that compound and building (households carry the compound's and the building's name). No personal
 * data. Lookups by id do not check a scope; listings take the scope to list within.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class BuildingDirectory {

	/** A compound: its id, name and grid. */
	@org.springframework.modulith.NamedInterface("api")
	public record CompoundRef(long id, String name, String gridCode) {
	}

	/** A building: its id, its compound's id and name, its own name (e.g. "3号楼") and grid. */
	@org.springframework.modulith.NamedInterface("api")
	public record BuildingRef(long id, long compoundId, String compound, String name, String gridCode) {
	}

	static final int MAX_LISTED = 500;

	private final JdbcClient jdbc;

	BuildingDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The compounds with these ids (unknown ids are left out). */
	public List<CompoundRef> compounds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, name, grid_code FROM compound WHERE id IN (:ids) ORDER BY id").param("ids", ids)
				.query((rs, i) -> new CompoundRef(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
	}

	/** The buildings with these ids (unknown ids are left out). */
	public List<BuildingRef> buildings(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT b.id, b.compound_id, c.name, b.name, b.grid_code FROM building b"
				+ " JOIN compound c ON c.id = b.compound_id WHERE b.id IN (:ids) ORDER BY b.id").param("ids", ids)
				.query((rs, i) -> new BuildingRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5)))
				.list();
	}

	/** Compounds whose grid lies in {@code scope}, by grid and name (at most 500). */
	public List<CompoundRef> compoundsWithin(Scope scope) {
		return jdbc.sql("SELECT id, name, grid_code FROM compound WHERE " + scope.sqlCondition("grid_code")
				+ " ORDER BY grid_code, name, id LIMIT " + MAX_LISTED)
				.query((rs, i) -> new CompoundRef(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
	}

	/** Buildings whose grid lies in {@code scope}, by grid, compound and building (at most 500). */
	public List<BuildingRef> buildingsWithin(Scope scope) {
		return jdbc.sql("SELECT b.id, b.compound_id, c.name, b.name, b.grid_code FROM building b"
				+ " JOIN compound c ON c.id = b.compound_id WHERE " + scope.sqlCondition("b.grid_code")
				+ " ORDER BY b.grid_code, c.name, b.code, b.id LIMIT " + MAX_LISTED)
				.query((rs, i) -> new BuildingRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5)))
				.list();
	}
}
