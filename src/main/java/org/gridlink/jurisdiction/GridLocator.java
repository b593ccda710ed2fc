package org.gridlink.jurisdiction;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the grid containing a point with an STR-tree of prepared grid polygons, built on first use and rebuilt
 * after grid boundaries change. A point on an edge shared by two grids belongs to the grid with the smaller code.
 */
@Component
class GridLocator {

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private final JdbcClient jdbc;
	private volatile STRtree index;

	GridLocator(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/** Drops the index so that the next lookup reads the boundaries again. */
	void invalidate() {
		index = null;
	}

	private STRtree index() {
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
