package org.gridlink.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit trail is a hash chain: concurrent appends never fork it, and tampering shows at the changed entry. */
@WebTest
class AuditChainTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	MockMvc mvc;

	@Test
	void concurrentWritersKeepOneUnbrokenChain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 6; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					for (int i = 0; i < 15; i++) {
						audit.recordAs("chain-test", "CHAIN_TEST", "thread", String.valueOf(thread), AuditTrail.SUCCESS,
								"entry " + i);
					}
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) - COUNT(DISTINCT prev_hash) FROM audit_entry").query(Long.class).single())
			.as("no two entries follow the same one").isZero();
		AuditChain.Verification result = audit.verify();
		assertThat(result.intact()).as(String.valueOf(result)).isTrue();
		assertThat(result.checked()).isGreaterThanOrEqualTo(90);
	}

	@Test
	void aRowChangedInTheDatabaseIsNamedByTheVerification() throws Exception {
		String marker = "tamper-" + System.nanoTime();
		audit.recordAs("chain-test", "CHAIN_TEST", "marker", marker, AuditTrail.SUCCESS, "original");
		audit.recordAs("chain-test", "CHAIN_TEST", "after", marker, AuditTrail.SUCCESS, "later");
		long id = jdbc.sql("SELECT id FROM audit_entry WHERE subject_type = 'marker' AND subject = ?").param(marker)
			.query(Long.class).single();
		assertThat(audit.verify().intact()).isTrue();

		tamper("UPDATE audit_entry SET detail = 'nothing happened' WHERE id = " + id);
		try {
			AuditChain.Verification result = audit.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.brokenEntryId()).isEqualTo(id);
			assertThat(result.reason()).isEqualTo("ENTRY_HASH_MISMATCH");
			mvc.perform(get("/api/v1/audit/verify").with(Demo.as("auditor"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.intact").value(false)).andExpect(jsonPath("$.brokenEntryId").value(id));
			mvc.perform(get("/api/v1/audit/verify").with(Demo.as("admin"))).andExpect(status().isForbidden());
			String page = mvc.perform(get("/audit/verify").param("lang", "en").with(Demo.as("auditor")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).contains("chain-broken").contains("This entry was changed.");
		}
		finally {
			tamper("UPDATE audit_entry SET detail = 'original' WHERE id = " + id);
		}
		assertThat(audit.verify().intact()).isTrue();
		String page = mvc.perform(get("/audit/verify").param("lang", "en").with(Demo.as("auditor"))).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("chain-intact");
	}

	/** As someone with direct database access would: past the append-only trigger on PostgreSQL. */
	private void tamper(String sql) throws Exception {
		boolean postgres;
		try (var connection = dataSource.getConnection()) {
			postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
		}
		if (postgres) {
			jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete").update();
		}
		try {
			jdbc.sql(sql).update();
		}
		finally {
			if (postgres) {
				jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete").update();
			}
		}
	}
}
