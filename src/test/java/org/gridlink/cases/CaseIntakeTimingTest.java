package org.gridlink.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.GRID1;

/**
 * The write path of case intake alone (no HTTP, no token): {@code reports} reports from 32 threads through
 * {@link CaseManagement#reportAs}, group commit off and on in turn, twice each, in one JVM; prints reports/s. Not part
 * of the suite: {@code -Dbench.intake=true -Dtest=CaseIntakeTimingTest} (with -Ppostgres for PostgreSQL).
 */
@WebTest
@EnabledIfSystemProperty(named = "bench.intake", matches = "true")
class CaseIntakeTimingTest {

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseIntake intake;

	@Test
	void reportsPerSecondOffAndOn() throws Exception {
		int reports = Integer.getInteger("bench.intake.reports", 2000);
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			round(pool, 200, "warm-up");
			for (int round = 1; round <= 2; round++) {
				for (boolean on : new boolean[] { false, true }) {
					intake.enabled(on);
					CaseIntake.Figures before = intake.figures();
					long started = System.nanoTime();
					round(pool, reports, "计时 " + on + " " + round);
					double seconds = (System.nanoTime() - started) / 1e9;
					CaseIntake.Figures after = intake.figures();
					System.out.printf("INTAKE-TIMING group-commit=%s round=%d reports=%d seconds=%.2f reports/s=%.1f"
							+ " batches=%d mean-batch=%.1f%n", on, round, reports, seconds, reports / seconds,
							after.batches() - before.batches(), after.batches() == before.batches() ? 0.0
									: (after.reports() - before.reports()) / (double) (after.batches() - before.batches()));
				}
			}
		}
		finally {
			intake.enabled(true);
			pool.shutdownNow();
		}
	}

	void round(ExecutorService pool, int reports, String label) throws Exception {
		List<Callable<Long>> calls = new ArrayList<>();
		for (int i = 0; i < reports; i++) {
			NewCase report = new NewCase("C0201", label + " " + i, GRID1, null, null, "", CaseSource.ALERT, null);
			String key = label + "-" + i + "-" + System.nanoTime();
			calls.add(() -> cases.reportAs("timing", report, key));
		}
		long distinct = 0;
		List<Long> ids = new ArrayList<>();
		for (Future<Long> f : pool.invokeAll(calls)) {
			ids.add(f.get());
		}
		distinct = ids.stream().distinct().count();
		assertThat(distinct).isEqualTo(reports);
	}
}
