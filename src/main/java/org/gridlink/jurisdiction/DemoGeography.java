package org.gridlink.jurisdiction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * The demo district's geography, computed the same way at every start. The lattice of {@link DemoDistrict} (the box
 * {@code WEST..EAST × SOUTH..NORTH}) is warped radially from the district's centre into an irregular outline that
 * keeps the box's north-west corner; each grid's seed point is warped the same way, the grids are the Voronoi cells
 * of the seeds clipped to the outline, and communities and streets are the unions of their grids, so every boundary
 * nests exactly. {@link #baseLayer()} draws a river and main roads across the outline for the map's base layer.
 */
final class DemoGeography {

	static final GeometryFactory GEOMETRY = new GeometryFactory();
	static final double CENTRE_LNG = (DemoDistrict.WEST + DemoDistrict.EAST) / 2;
	static final double CENTRE_LAT = (DemoDistrict.NORTH + DemoDistrict.SOUTH) / 2;
	/** The direction of the north-west corner seen from the centre: the outline keeps that corner. */
	private static final double CORNER = StrictMath.atan2(DemoDistrict.NORTH - CENTRE_LAT, DemoDistrict.WEST - CENTRE_LNG);
	private static final int OUTLINE_POINTS = 180;

	private DemoGeography() {
	}

	/** The tree with boundaries: district (the outline), streets, communities and grids in the plan's order. */
	static List<DemoDistrict.Node> build(List<DemoDistrict.Plan> plans) {
		Polygon outline = outline();
		List<Coordinate> sites = new ArrayList<>();
		Map<Coordinate, String> siteGrid = new HashMap<>();
		for (DemoDistrict.Plan plan : plans) {
			if (plan.seed() != null) {
				Coordinate site = warp(plan.seed()[0], plan.seed()[1]);
				sites.add(site);
				siteGrid.put(site, plan.code());
			}
		}
		VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
		voronoi.setSites(sites);
		voronoi.setClipEnvelope(outline.getEnvelopeInternal());
		Geometry cells = voronoi.getDiagram(GEOMETRY);
		Map<String, Geometry> boundaries = new HashMap<>();
		PreparedGeometry within = PreparedGeometryFactory.prepare(outline);
		for (int i = 0; i < cells.getNumGeometries(); i++) {
			Geometry cell = cells.getGeometryN(i);
			String grid = siteGrid.get((Coordinate) cell.getUserData());
			// only the cells on the outline need cutting
			boundaries.put(grid, within.containsProperly(cell) ? cell : cell.intersection(outline));
		}
		if (boundaries.size() != sites.size()) {
			throw new IllegalStateException("two grid seeds coincide");
		}
		Map<String, List<Geometry>> children = new LinkedHashMap<>();
		for (DemoDistrict.Plan plan : plans) {
			if (plan.seed() != null) {
				children.computeIfAbsent(plan.parentCode(), k -> new ArrayList<>()).add(boundaries.get(plan.code()));
			}
		}
		for (DemoDistrict.Plan plan : plans) {
			if (plan.level().equals("COMMUNITY")) {
				Geometry union = CascadedPolygonUnion.union(children.get(plan.code()));
				boundaries.put(plan.code(), union);
				children.computeIfAbsent(plan.parentCode(), k -> new ArrayList<>()).add(union);
			}
		}
		for (DemoDistrict.Plan plan : plans) {
			if (plan.level().equals("STREET")) {
				boundaries.put(plan.code(), CascadedPolygonUnion.union(children.get(plan.code())));
			}
		}
		boundaries.put(DemoDistrict.DISTRICT, outline);
		Map<String, Shape> shapes = new HashMap<>();
		boundaries.forEach((code, boundary) -> {
			Point inside = boundary.getInteriorPoint();
			shapes.put(code, new Shape(boundary.toText(), inside.getY(), inside.getX()));
		});
		return nodes(plans, shapes);
	}

	/** A boundary as WKT with its label point. */
	record Shape(String wkt, double lat, double lng) {
	}

	private static List<DemoDistrict.Node> nodes(List<DemoDistrict.Plan> plans, Map<String, Shape> shapes) {
		List<DemoDistrict.Node> nodes = new ArrayList<>();
		Shape district = shapes.get(DemoDistrict.DISTRICT);
		nodes.add(new DemoDistrict.Node(DemoDistrict.DISTRICT, "江滨区", "DISTRICT", "DISTRICT", null, district.wkt(),
				district.lat(), district.lng()));
		for (DemoDistrict.Plan plan : plans) {
			Shape shape = shapes.get(plan.code());
			if (shape == null) {
				throw new IllegalStateException("no stored boundary for " + plan.code() + ": run DemoDistrictTest");
			}
			nodes.add(new DemoDistrict.Node(plan.code(), plan.name(), plan.level(), plan.kind(), plan.parentCode(),
					shape.wkt(), shape.lat(), shape.lng()));
		}
		return nodes;
	}

	/** Where the drawn boundaries are kept: one line per node, code, label point and WKT, tab-separated, gzipped. */
	static final String STORED = "demo-district.tsv.gz";

	/** The tree with the stored boundaries. */
	static List<DemoDistrict.Node> stored(List<DemoDistrict.Plan> plans) {
		Map<String, Shape> shapes = new HashMap<>();
		try (InputStream in = DemoGeography.class.getResourceAsStream(STORED)) {
			if (in == null) {
				throw new IllegalStateException(STORED + " is missing");
			}
			BufferedReader lines = new BufferedReader(
					new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				String[] f = line.split("\t", 4);
				shapes.put(f[0], new Shape(f[3], Double.parseDouble(f[1]), Double.parseDouble(f[2])));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return nodes(plans, shapes);
	}

	/** The stored file's text for a tree. */
	static String storedText(List<DemoDistrict.Node> tree) {
		StringBuilder text = new StringBuilder();
		for (DemoDistrict.Node node : tree) {
			text.append(node.code()).append('\t').append(node.centreLat()).append('\t').append(node.centreLng())
					.append('\t').append(node.wkt()).append('\n');
		}
		return text.toString();
	}

	/**
	 * How far the outline lies from the centre, as a share of the box's reach in that direction: 1 at the north-west
	 * corner, between 0.72 and 1 elsewhere, from three fixed waves.
	 */
	static double reach(double angle) {
		double off = Math.abs(StrictMath.atan2(StrictMath.sin(angle - CORNER), StrictMath.cos(angle - CORNER)));
		double ramp = Math.min(1, off / 0.4);
		double waves = 0.5 + 0.5 * (0.45 * StrictMath.sin(2 * angle + 0.7) + 0.35 * StrictMath.sin(5 * angle + 1.9)
				+ 0.2 * StrictMath.sin(9 * angle + 4.1));
		return 1 - ramp * (0.06 + 0.22 * waves);
	}

	/** A point of the box moved towards the centre by the outline's reach in its direction. */
	static Coordinate warp(double lng, double lat) {
		double dx = lng - CENTRE_LNG;
		double dy = lat - CENTRE_LAT;
		double f = reach(StrictMath.atan2(dy, dx));
		return new Coordinate(CENTRE_LNG + dx * f, CENTRE_LAT + dy * f);
	}

	/** The district outline: the box's boundary warped, with the box's corners among the directions sampled. */
	static Polygon outline() {
		List<Double> angles = new ArrayList<>();
		for (int i = 0; i < OUTLINE_POINTS; i++) {
			angles.add(-Math.PI + 2 * Math.PI * i / OUTLINE_POINTS);
		}
		double[][] corners = { { DemoDistrict.WEST, DemoDistrict.NORTH }, { DemoDistrict.EAST, DemoDistrict.NORTH },
				{ DemoDistrict.EAST, DemoDistrict.SOUTH }, { DemoDistrict.WEST, DemoDistrict.SOUTH } };
		for (double[] corner : corners) {
			angles.add(StrictMath.atan2(corner[1] - CENTRE_LAT, corner[0] - CENTRE_LNG));
		}
		angles.sort(Double::compare);
		List<Coordinate> ring = new ArrayList<>();
		for (double angle : angles) {
			double dx = StrictMath.cos(angle);
			double dy = StrictMath.sin(angle);
			// distance from the centre to the box's edge in this direction
			double toEdge = Math.min(dx == 0 ? Double.MAX_VALUE : (DemoDistrict.EAST - CENTRE_LNG) / Math.abs(dx),
					dy == 0 ? Double.MAX_VALUE : (DemoDistrict.NORTH - CENTRE_LAT) / Math.abs(dy));
			if (angle == CORNER) {
				ring.add(new Coordinate(DemoDistrict.WEST, DemoDistrict.NORTH));
			}
			else {
				double r = toEdge * reach(angle);
				ring.add(new Coordinate(round(CENTRE_LNG + dx * r), round(CENTRE_LAT + dy * r)));
			}
		}
		ring.add(new Coordinate(ring.get(0)));
		return GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
	}

	private static double round(double value) {
		return Math.round(value * 1_000_000d) / 1_000_000d;
	}

	/** A line of the base layer: a river or a road, with its name. */
	record BaseLine(String kind, String name, LineString line) {
	}

	/**
	 * The demo's base layer: the river 清江 from west to east through the district's south, and four main roads.
	 * Lines are smooth curves through fixed points, cut to the outline widened by about 1 km, so they run past it.
	 */
	static List<BaseLine> baseLayer() {
		Geometry area = outline().buffer(0.01);
		List<BaseLine> lines = new ArrayList<>();
		lines.add(line(area, "river", "清江", new double[][] { { 118.98, 33.585 }, { 119.05, 33.605 },
				{ 119.11, 33.578 }, { 119.17, 33.612 }, { 119.24, 33.596 }, { 119.30, 33.628 }, { 119.38, 33.615 } }));
		lines.add(line(area, "road", "人民路", new double[][] { { 118.98, 33.705 }, { 119.08, 33.712 },
				{ 119.18, 33.700 }, { 119.28, 33.708 }, { 119.38, 33.700 } }));
		lines.add(line(area, "road", "解放大道", new double[][] { { 119.118, 33.82 }, { 119.125, 33.74 },
				{ 119.115, 33.66 }, { 119.128, 33.56 }, { 119.12, 33.48 } }));
		lines.add(line(area, "road", "滨江路", new double[][] { { 118.98, 33.625 }, { 119.06, 33.635 },
				{ 119.14, 33.625 }, { 119.22, 33.640 }, { 119.30, 33.655 }, { 119.38, 33.648 } }));
		lines.add(line(area, "road", "柳湾公路", new double[][] { { 119.18, 33.70 }, { 119.24, 33.66 },
				{ 119.30, 33.59 }, { 119.34, 33.52 }, { 119.37, 33.47 } }));
		return lines;
	}

	private static BaseLine line(Geometry area, String kind, String name, double[][] through) {
		List<Coordinate> points = new ArrayList<>();
		for (int i = 0; i < through.length - 1; i++) {
			double[] p0 = through[Math.max(0, i - 1)];
			double[] p1 = through[i];
			double[] p2 = through[i + 1];
			double[] p3 = through[Math.min(through.length - 1, i + 2)];
			for (int step = 0; step < 8; step++) {
				double t = step / 8d;
				points.add(new Coordinate(round(catmullRom(p0[0], p1[0], p2[0], p3[0], t)),
						round(catmullRom(p0[1], p1[1], p2[1], p3[1], t))));
			}
		}
		double[] last = through[through.length - 1];
		points.add(new Coordinate(last[0], last[1]));
		Geometry clipped = GEOMETRY.createLineString(points.toArray(Coordinate[]::new)).intersection(area);
		if (!(clipped instanceof LineString inside)) {
			throw new IllegalStateException(name + " leaves and re-enters the district");
		}
		return new BaseLine(kind, name, inside);
	}

	private static double catmullRom(double p0, double p1, double p2, double p3, double t) {
		return 0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t
				+ (3 * p1 - p0 - 3 * p2 + p3) * t * t * t);
	}

	/** The base layer as a GeoJSON FeatureCollection of LineStrings with {@code kind} and {@code name}. */
	static String baseLayerGeoJson() {
		StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
		List<BaseLine> lines = baseLayer();
		for (int i = 0; i < lines.size(); i++) {
			BaseLine line = lines.get(i);
			json.append("{\"type\":\"Feature\",\"properties\":{\"kind\":\"").append(line.kind())
					.append("\",\"name\":\"").append(line.name()).append("\"},\"geometry\":{\"type\":\"LineString\",")
					.append("\"coordinates\":[");
			Coordinate[] points = line.line().getCoordinates();
			for (int k = 0; k < points.length; k++) {
				json.append(k > 0 ? "," : "").append('[').append(round(points[k].x)).append(',')
						.append(round(points[k].y)).append(']');
			}
			json.append("]}}").append(i < lines.size() - 1 ? ",\n" : "\n");
		}
		return json.append("]}\n").toString();
	}
}
