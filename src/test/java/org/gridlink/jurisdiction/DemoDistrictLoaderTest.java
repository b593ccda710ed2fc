package org.gridlink.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Collection;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.DemoLoading;
import org.gridlink.platform.NewAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A first start stopped while the demo district loads leaves no half district: the load is one transaction (on H2
 * too, identity restarts included), so the next start loads it all. On its own H2 database (the embedded database of
 * demo mode) with the jurisdiction module's migrations.
 */
class DemoDistrictLoaderTest {

	private JdbcTemplate jdbc;
	private TransactionTemplate transactions;

	@BeforeEach
	void database() {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:district-" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/jurisdiction").load().migrate();
		jdbc = new JdbcTemplate(dataSource);
		transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aStartStoppedDuringTheLoadLeavesNothingAndTheNextStartLoadsItAll() {
		Accounts stopped = mock(Accounts.class);
		doThrow(new IllegalStateException("the application was stopped")).when(stopped)
			.createDemoAccounts(any(), anyString());
		assertThatThrownBy(() -> loader(stopped).run(new DefaultApplicationArguments()))
			.hasMessageContaining("stopped");
		assertThat(count("jurisdiction")).isZero();
		assertThat(count("staff")).isZero();

		Accounts accounts = mock(Accounts.class);
		loader(accounts).run(new DefaultApplicationArguments());
		ArgumentCaptor<Collection<NewAccount>> created = ArgumentCaptor.forClass(Collection.class);
		verify(accounts).createDemoAccounts(created.capture(), eq(DemoDistrictLoader.DEMO_PASSWORD));
		assertThat(created.getValue()).extracting(NewAccount::username).contains("admin", "grid1", "police1",
				"property1");
		assertThat(count("jurisdiction")).isEqualTo(DemoDistrict.tree().size());
		assertThat(count("unit")).isEqualTo(DemoDistrict.UNITS.length);
		// new rows continue after the demo's ids
		jdbc.update("INSERT INTO unit (code, name, kind, district_code) VALUES ('X1', 'x', 'DEPARTMENT', '320819')");

		Accounts again = mock(Accounts.class);
		loader(again).run(new DefaultApplicationArguments());
		verify(again, never()).createDemoAccounts(any(), anyString());
		assertThat(count("jurisdiction")).isEqualTo(DemoDistrict.tree().size());
	}

	private DemoDistrictLoader loader(Accounts accounts) {
		return new DemoDistrictLoader(jdbc, transactions, accounts, mock(GridLocator.class), new DemoLoading());
	}

	private long count(String from) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + from, Long.class);
	}
}
