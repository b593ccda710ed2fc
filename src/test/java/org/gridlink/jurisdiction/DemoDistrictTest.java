package org.gridlink.jurisdiction;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo district is sized to the reference district and its grids tile it without gaps or overlaps. */
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
	void gridsTileTheDistrictWithoutOverlap() {
		List<Geometry> grids = tree.stream().filter(n -> n.level().equals("GRID")).map(n -> Wkt.read(n.wkt())).toList();
		double district = Wkt.read(tree.get(0).wkt()).getArea();
		double sum = grids.stream().mapToDouble(Geometry::getArea).sum();
		assertThat(sum).isCloseTo(district, org.assertj.core.data.Percentage.withPercentage(1e-6));
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
	}

	private long count(String level) {
		return tree.stream().filter(n -> n.level().equals(level)).count();
	}
}
