package org.gridlink.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.DemoLoading;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A first start stopped during the demo residents' load (its first batches committed, the rest not) is completed by
 * the next start, to the configured count, without duplicates. On a district of its own (990101), rolled back.
 */
@WebTest
@Transactional
class DemoResidentsLoaderTest {

	private static final String DISTRICT = "990101";
	private static final List<ResidentialGrid> GRIDS = List.of(
			new ResidentialGrid(DISTRICT + "001001001", "翠苑社区", false,
					List.of(new ResidentialGrid.Building("翠苑小区", "1号楼", 6))),
			new ResidentialGrid(DISTRICT + "101201001", "王庄村", true, List.of()));
	private static final int TOTAL = 47;
	private static final int BATCH = 10;

	@Autowired
	ResidentBulkWriter writer;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anInterruptedLoadIsCompletedAtTheNextStart() {
		List<ImportRow> population = new ArrayList<>();
		DemoResidents.generate(GRIDS, TOTAL, population::add);
		// the stopped start: two batches committed
		DemoResidentsLoader stopped = loader();
		Households.Cache cache = new Households.Cache();
		stopped.write(population.subList(0, BATCH), cache);
		stopped.write(population.subList(BATCH, 2 * BATCH), cache);
		assertThat(count("resident")).isEqualTo(2 * BATCH);

		DemoLoading demoLoading = new DemoLoading();
		loader(demoLoading).run(new DefaultApplicationArguments());

		assertThat(count("resident")).isEqualTo(TOTAL);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT id_number_hash) FROM resident WHERE district_code = ?")
			.param(DISTRICT).query(Long.class).single()).isEqualTo(TOTAL);
		assertThat(count("household")).isEqualTo(population.stream().map(ImportRow::household).distinct().count());
		assertThat(demoLoading.isLoading()).as("reported, until the application has started").isTrue();

		DemoLoading again = new DemoLoading();
		loader(again).run(new DefaultApplicationArguments());
		assertThat(count("resident")).isEqualTo(TOTAL);
		assertThat(again.isLoading()).as("nothing to load").isFalse();
	}

	private DemoResidentsLoader loader() {
		return loader(new DemoLoading());
	}

	private DemoResidentsLoader loader(DemoLoading demoLoading) {
		Jurisdictions jurisdictions = mock(Jurisdictions.class);
		when(jurisdictions.residentialGrids()).thenReturn(GRIDS);
		DemoResidentsLoader loader = new DemoResidentsLoader(jurisdictions, writer, transactions, jdbc, TOTAL,
				demoLoading);
		loader.batchSize = BATCH;
		return loader;
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE district_code = ?").param(DISTRICT)
			.query(Long.class).single();
	}
}
