package org.gridlink.jurisdiction;

import java.lang.reflect.Proxy;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * JMH benchmark of grid location over the 1,291 demo grids, without Spring or a database. {@code strTree} calls the
 * production {@link GridLocator#locate}: its STR-tree of prepared polygons is built by its own code, fed the
 * {@link DemoDistrict} grids through a stand-in {@link JdbcClient}. {@code linearScan} is the brute-force baseline:
 * the same prepared polygons, every one tested, same rule for a shared edge (smallest code wins). Points are uniform
 * in the district's bounding box from a fixed seed.
 * <p>
 * Not a test: run it with {@code bench/locate/run.sh}. Results in {@code bench/RESULTS.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GridLocateBenchmark {

	static final long SEED = 20260101L;
	static final int POINTS = 1 << 14;

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private GridLocator locator;
	private List<GridLocator.IndexedGrid> grids;
	private final double[] lats = new double[POINTS];
	private final double[] lngs = new double[POINTS];
	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		grids = DemoDistrict.tree().stream().filter(node -> node.level().equals("GRID"))
			.map(node -> new GridLocator.IndexedGrid(node.code(), PreparedGeometryFactory.prepare(Wkt.read(node.wkt()))))
			.toList();
		if (grids.size() != DemoDistrict.GRIDS) {
			throw new IllegalStateException("expected " + DemoDistrict.GRIDS + " grids, got " + grids.size());
		}
		locator = new GridLocator(rowsOf(grids));
		Random random = new Random(SEED);
		for (int i = 0; i < POINTS; i++) {
			lats[i] = DemoDistrict.SOUTH + random.nextDouble() * (DemoDistrict.NORTH - DemoDistrict.SOUTH);
			lngs[i] = DemoDistrict.WEST + random.nextDouble() * (DemoDistrict.EAST - DemoDistrict.WEST);
		}
		for (int i = 0; i < POINTS; i++) { // both ways must agree, and every point is inside the district
			Optional<String> indexed = locator.locate(lats[i], lngs[i]);
			if (indexed.isEmpty() || !indexed.equals(scan(lats[i], lngs[i]))) {
				throw new IllegalStateException("mismatch at " + lats[i] + "," + lngs[i] + ": " + indexed + " vs "
						+ scan(lats[i], lngs[i]));
			}
		}
	}

	@Benchmark
	public Optional<String> strTree() {
		int i = next++ & (POINTS - 1);
		return locator.locate(lats[i], lngs[i]);
	}

	@Benchmark
	public Optional<String> linearScan() {
		int i = next++ & (POINTS - 1);
		return scan(lats[i], lngs[i]);
	}

	/** The brute-force equivalent of {@link GridLocator#locate}. */
	private Optional<String> scan(double lat, double lng) {
		if (!Double.isFinite(lat) || !Double.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
			return Optional.empty();
		}
		Point point = GEOMETRY.createPoint(new Coordinate(lng, lat));
		return grids.stream().filter(g -> g.polygon().covers(point)).map(GridLocator.IndexedGrid::code)
			.min(Comparator.naturalOrder());
	}

	/**
	 * A {@link JdbcClient} whose every query answers {@code rows}: {@code jdbc.sql(..).query(mapper).list()} is all
	 * that {@link GridLocator} asks of it when it builds its index.
	 */
	static JdbcClient rowsOf(List<?> rows) {
		return stub(JdbcClient.class, rows);
	}

	private static <T> T stub(Class<T> type, List<?> rows) {
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
			if (method.getName().equals("list")) {
				return rows;
			}
			if (method.getReturnType().isInterface() && !method.getReturnType().equals(List.class)) {
				return stub(method.getReturnType(), rows);
			}
			throw new UnsupportedOperationException("benchmark JdbcClient stand-in: " + method);
		}));
	}
}
