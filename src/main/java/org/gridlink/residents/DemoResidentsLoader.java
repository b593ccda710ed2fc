package org.gridlink.residents;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.DemoData;
import org.gridlink.platform.DemoLoading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the {@link DemoResidents} population (default 40,000; {@code GRIDLINK_DEMO_RESIDENTS=928700} for the
 * full-scale district) through the bulk import's writer, after the demo district, until the district has that many
 * residents. Each batch is committed on its own, in the population's order: a start stopped during the load left
 * its first whole batches, and the next start continues after them (the writer updates a resident met again by ID
 * number, so nothing is duplicated). Demo mode only ({@link DemoData}).
 */
@DemoData
@Order(10)
class DemoResidentsLoader implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoResidentsLoader.class);
	private static final int BATCH = 5_000;

	private final Jurisdictions jurisdictions;
	private final ResidentBulkWriter writer;
	private final TransactionTemplate transactions;
	private final JdbcClient jdbc;
	private final int residents;
	private final DemoLoading demoLoading;
	/** Rows per committed batch (smaller in tests). */
	int batchSize = BATCH;

	DemoResidentsLoader(Jurisdictions jurisdictions, ResidentBulkWriter writer, TransactionTemplate transactions,
			JdbcClient jdbc, @Value("${gridlink.demo.residents:40000}") int residents, DemoLoading demoLoading) {
		this.jurisdictions = jurisdictions;
		this.writer = writer;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.residents = residents;
		this.demoLoading = demoLoading;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (residents <= 0) {
			return;
		}
		List<ResidentialGrid> grids = jurisdictions.residentialGrids();
		if (grids.isEmpty()) {
			return;
		}
		String district = grids.get(0).code().substring(0, 6);
		long present = jdbc.sql("SELECT COUNT(*) FROM resident WHERE district_code = ?").param(district)
				.query(Long.class).single();
		if (present >= residents) {
			return;
		}
		int skip = (int) (present - present % batchSize);
		demoLoading.start("residents");
		try {
			long start = System.nanoTime();
			load(grids, residents, skip);
			LOG.info("Demo residents: {} loaded{} in {} ms (encryption {} ms, database {} ms)", residents - skip,
					skip == 0 ? "" : " after the " + skip + " of an interrupted load",
					(System.nanoTime() - start) / 1_000_000, sealNanos / 1_000_000, writeNanos / 1_000_000);
		}
		finally {
			demoLoading.finish("residents");
		}
	}

	/** Writes the population of {@code total} residents but its first {@code skip}, batch by batch. */
	void load(List<ResidentialGrid> grids, int total, int skip) {
		Households.Cache cache = new Households.Cache();
		List<ImportRow> batch = new ArrayList<>(batchSize);
		int[] seen = { 0 };
		DemoResidents.generate(grids, total, row -> {
			if (seen[0]++ < skip) {
				return;
			}
			batch.add(row);
			if (batch.size() == batchSize) {
				write(batch, cache);
				batch.clear();
			}
		});
		write(batch, cache);
	}

	private long sealNanos;
	private long writeNanos;

	/** Seals and writes one batch in its own transaction. */
	void write(List<ImportRow> rows, Households.Cache cache) {
		long t0 = System.nanoTime();
		List<ResidentBulkWriter.Sealed> sealed = writer.seal(rows);
		long t1 = System.nanoTime();
		transactions.executeWithoutResult(status -> writer.write(sealed, cache, writer.rowWriter(), "demo"));
		sealNanos += t1 - t0;
		writeNanos += System.nanoTime() - t1;
	}
}
