package org.gridlink.residents;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gridlink.jurisdiction.ResidentialGrid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo population is deterministic, has valid unique ID numbers, and fills every grid. */
class DemoResidentsTest {

	static final List<ResidentialGrid> GRIDS = List.of(
			new ResidentialGrid("320819001001001", "翠苑社区", false, List.of(
					new ResidentialGrid.Building("翠苑小区", "1号楼", 6), new ResidentialGrid.Building("翠苑小区", "2号楼", 18))),
			new ResidentialGrid("320819101201001", "王庄村", true, List.of()));

	@Test
	void deterministicValidUniqueAndSpreadOverGrids() {
		List<ImportRow> first = new ArrayList<>();
		DemoResidents.generate(GRIDS, 5_001, first::add);
		List<ImportRow> second = new ArrayList<>();
		DemoResidents.generate(GRIDS, 5_001, second::add);
		assertThat(first).hasSize(5_001).isEqualTo(second);
		Set<String> ids = new HashSet<>();
		first.forEach(r -> assertThat(ids.add(r.idNumber().value())).isTrue());
		assertThat(first).filteredOn(r -> r.gridCode().equals("320819001001001")).hasSize(2_501)
				.allSatisfy(r -> assertThat(r.compound()).isEqualTo("翠苑小区"));
		assertThat(first).filteredOn(r -> r.gridCode().equals("320819101201001")).hasSize(2_500)
				.allSatisfy(r -> assertThat(r.address()).startsWith("王庄村"));
		assertThat(first.stream().map(ImportRow::household).distinct().count()).isBetween(1_100L, 2_500L);
		assertThat(first).anySatisfy(r -> assertThat(r.tags()).isNotEmpty());
	}

	@Test
	void idNumbersStayUniqueAtFullScale() {
		Set<String> ids = new HashSet<>(1_000_000);
		DemoResidents.generate(GRIDS, 928_700, r -> ids.add(r.idNumber().value()));
		assertThat(ids).hasSize(928_700);
	}
}
