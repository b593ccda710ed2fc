package org.gridlink.jurisdiction;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.gridlink.platform.SharedVersions;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the grid containing a point with an STR-tree of prepared grid polygons, built on first use and rebuilt
 * after grid boundaries change (on another instance too: a shared version, checked every few seconds). A point on an edge shared by two grids belongs to the grid with the smaller code.
 */
@Component
class GridLocator {

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	static final String VERSION = "jurisdiction.grid-boundaries";

	private final JdbcClient jdbc;
	private final @Nullable SharedVersions versions;
	private final SharedVersions.@Nullable Watch boundaries;
	private volatile STRtree index;

	/** A locator of this instance alone, which never looks for other instances' changes (benchmarks). */
	GridLocator(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.versions = null;
		this.boundaries = null;
	}

	@org.springframework.beans.factory.annotation.Autowired
	GridLocator(JdbcClient jdbc, SharedVersions versions,
			@Value("${gridlink.jurisdiction.boundary-check:PT5S}") Duration checkEvery) {
		this.jdbc = jdbc;
		this.versions = versions;
		this.boundaries = versions.watch(VERSION, checkEvery);
	}

	record IndexedGrid(String code, PreparedGeometry polygon) {
	}

	Optional<String> locate(double lat, double lng) {
		if (!Double.isFinite(lat) || !Double.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
			return Optional.empty();
		}
		Point point = GEOMETRY.createPoint(new Coordinate(lng, lat));
		@SuppressWarnings("unchecked")
		List<IndexedGrid> candidates = index().query(new Envelope(lng, lng, lat, lat));
		return candidates.stream().filter(g -> g.polygon().covers(point)).map(IndexedGrid::code)
				.min(Comparator.naturalOrder());
	}

	/**
	 * Drops the index so that the next lookup reads the boundaries again, here at once and on the other instances
	 * within {@code gridlink.jurisdiction.boundary-check} (their watch sees the shared version move).
	 */
	void invalidate() {
		if (versions != null) {
			versions.bump(VERSION);
		}
		index = null;
	}

	private STRtree index() {
		if (boundaries != null && boundaries.changed()) {
			index = null; // another instance changed the boundaries
		}
		STRtree current = index;
		if (current == null) {
			synchronized (this) {
				current = index;
				if (current == null) {
					current = build();
					index = current;
				}
			}
		}
		return current;
	}

	private STRtree build() {
		STRtree tree = new STRtree();
		jdbc.sql("SELECT code, boundary FROM jurisdiction WHERE level = 'GRID' AND boundary IS NOT NULL")
				.query((rs, i) -> new IndexedGrid(rs.getString(1),
						PreparedGeometryFactory.prepare(Wkt.read(rs.getString(2)))))
				.list()
				.forEach(grid -> tree.insert(grid.polygon().getGeometry().getEnvelopeInternal(), grid));
		tree.build();
		return tree;
	}
}
