package org.gridlink.jurisdiction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.assertj.core.data.Percentage;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.locationtech.jts.index.strtree.STRtree;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo district is sized to the reference district; its grids tile an irregular outline without gaps or overlaps,
 * communities and streets are exactly the unions of their grids, and the shipped base layer is the one it draws.
 */
class DemoDistrictTest {

	private final List<DemoDistrict.Node> tree = DemoDistrict.tree();

	@Test
	void sizedToTheReferenceDistrict() {
		assertThat(count("GRID")).isEqualTo(1291);
		assertThat(tree.stream().filter(n -> n.kind().equals("COMMUNITY")).count()).isEqualTo(87);
		assertThat(tree.stream().filter(n -> n.kind().equals("VILLAGE")).count()).isPositive();
		assertThat(count("STREET")).isEqualTo(6);
		assertThat(DemoDistrict.UNITS).hasSize(56);
		assertThat(tree.stream().map(DemoDistrict.Node::code).distinct().count()).isEqualTo(tree.size());
	}

	@Test
	void codesFollowTheStatisticalDivisionScheme() {
		tree.forEach(node -> {
			switch (node.level()) {
				case "GRID" -> assertThat(node.code()).hasSize(15).startsWith(node.parentCode());
				case "COMMUNITY" -> assertThat(node.code()).hasSize(12).startsWith(node.parentCode().substring(0, 9));
				default -> assertThat(node.code()).hasSize(12);
			}
		});
	}

	@Test
	void gridsTileTheIrregularOutlineWithoutOverlap() {
		Geometry outline = tree.get(0).boundary();
		assertThat(outline.isValid()).isTrue();
		// irregular: far from the box it was warped from, with many corners
		double box = (DemoDistrict.EAST - DemoDistrict.WEST) * (DemoDistrict.NORTH - DemoDistrict.SOUTH);
		assertThat(outline.getArea() / box).isBetween(0.6, 0.9);
		assertThat(outline.getNumPoints()).isGreaterThan(100);
		List<Geometry> grids = tree.stream().filter(n -> n.level().equals("GRID")).map(DemoDistrict.Node::boundary)
				.toList();
		PreparedGeometry district = PreparedGeometryFactory.prepare(outline.buffer(1e-9));
		assertThat(grids).allSatisfy(grid -> {
			assertThat(grid).isInstanceOf(Polygon.class);
			assertThat(grid.isValid()).isTrue();
			assertThat(district.covers(grid)).isTrue();
		});
		double sum = grids.stream().mapToDouble(Geometry::getArea).sum();
		assertThat(sum).isCloseTo(outline.getArea(), Percentage.withPercentage(1e-6));
		STRtree index = new STRtree();
		grids.forEach(g -> index.insert(g.getEnvelopeInternal(), g));
		for (Geometry grid : grids) {
			@SuppressWarnings("unchecked")
			List<Geometry> near = index.query(grid.getEnvelopeInternal());
			for (Geometry other : near) {
				if (other != grid) {
					assertThat(grid.intersection(other).getArea()).isLessThan(1e-12);
				}
			}
		}
		// not a lattice: grids differ in shape and size
		assertThat(grids.stream().mapToInt(Geometry::getNumPoints).distinct().count()).isGreaterThan(3);
	}

	@Test
	void communitiesAndStreetsAreExactlyTheUnionsOfTheirGrids() {
		Map<String, DemoDistrict.Node> byCode = tree.stream()
				.collect(Collectors.toMap(DemoDistrict.Node::code, Function.identity()));
		for (DemoDistrict.Node area : tree) {
			if (area.level().equals("GRID") || area.level().equals("DISTRICT")) {
				continue;
			}
			List<Geometry> grids = tree.stream()
					.filter(n -> n.level().equals("GRID") && n.code().startsWith(area.prefix()))
					.map(DemoDistrict.Node::boundary).toList();
			assertThat(grids).as(area.code()).isNotEmpty();
			Geometry union = CascadedPolygonUnion.union(grids);
			assertThat(area.boundary().symDifference(union).getArea()).as(area.code()).isLessThan(1e-12);
			assertThat(area.boundary().getArea()).as(area.code()).isCloseTo(
					grids.stream().mapToDouble(Geometry::getArea).sum(), Percentage.withPercentage(1e-6));
			assertThat(area.boundary()).as(area.code()).isInstanceOf(Polygon.class);
			assertThat(byCode.get(area.parentCode())).isNotNull();
		}
	}

	@Test
	void theLoaderStoresTheBoundariesAsDrawn() throws Exception {
		Path stored = Path.of("src/main/resources/org/gridlink/jurisdiction", DemoGeography.STORED);
		if (Boolean.getBoolean("gridlink.demo.redraw")) {
			try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(stored))) {
				out.write(DemoGeography.storedText(tree).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
			Files.writeString(Path.of("src/main/resources/static/geo/demo-base.geojson"), DemoGeography.baseLayerGeoJson());
		}
		// redraw both files with -Dgridlink.demo.redraw=true after changing DemoDistrict or DemoGeography
		assertThat(DemoDistrict.stored()).isEqualTo(tree);
	}

	@Test
	void theBaseLayerIsTheShippedFileAndItsLinesCrossTheOutline() throws Exception {
		String shipped = Files.readString(Path.of("src/main/resources/static/geo/demo-base.geojson"));
		assertThat(shipped).isEqualTo(DemoGeography.baseLayerGeoJson());
		Geometry outline = tree.get(0).boundary();
		List<DemoGeography.BaseLine> lines = DemoGeography.baseLayer();
		assertThat(lines).extracting(DemoGeography.BaseLine::kind).contains("river", "road");
		assertThat(lines).allSatisfy(line -> {
			// inside for most of its length, crossing the outline and running on past it (a branch road starts
			// inside, at the road it leaves)
			assertThat(line.line().intersection(outline).getLength() / line.line().getLength()).as(line.name())
					.isGreaterThan(0.8);
			assertThat(line.line().intersects(outline.getBoundary())).as(line.name()).isTrue();
			assertThat(outline.contains(line.line().getEndPoint())).as(line.name()).isFalse();
		});
	}

	private long count(String level) {
		return tree.stream().filter(n -> n.level().equals(level)).count();
	}
}
