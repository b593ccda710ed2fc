package org.gridlink.platform;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.gridlink.support.Demo;
import org.gridlink.support.JobHooks;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The key re-encryption job over the demo district: values of every module's sealed columns are put under the older
 * data key {@code t0} (configured for the suite beside the current {@code v1}) and the pass-signing keys under the
 * data key (as before the pass keys existed); the job moves all of them to the current keys, counted through the
 * modules' {@link SealedColumns}, survives a crash after a few batches, resumes, and audits its counts.
 */
@WebTest
class KeyReencryptionTest {

	/** The suite's t0 key, as GRIDLINK_DATA_KEYS configures it (application-test.properties). */
	static final String T0 = "dDAtb2xkZXItZGF0YS1rZXktb2YtdGhpcnR5LXR3byE=";

	@Autowired
	KeyReencryption reencryption;

	@Autowired
	PersonalDataCipher data;

	@Autowired
	SigningKeyCipher signing;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobHooks hooks;

	@Autowired
	MockMvc mvc;

	/** Seals under t0 only, as an installation whose current key was t0 did. */
	private final PersonalDataCipher underT0 = new PersonalDataCipher("", "t0:" + T0, "t0",
			PersonalDataCipher.DEMO_LOOKUP_KEY, new MockEnvironment());

	private final List<Long> imports = new ArrayList<>();

	@AfterEach
	void reset() {
		hooks.reset();
		reencryption.batchSize = 500;
		for (Long id : imports) {
			jdbc.sql("DELETE FROM resident_import_file WHERE import_id = ?").param(id).update();
			jdbc.sql("DELETE FROM resident_import WHERE id = ?").param(id).update();
		}
	}

	private SealedColumns.Column column(String name) {
		return reencryption.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	private long notUnderCurrent() {
		return reencryption.columns().stream().mapToLong(c -> c.countNotUnder(c.cipher().currentKeyId())).sum();
	}

	/**
	 * Puts up to {@code perColumn} values of every text column under an old key (t0 for personal data, the data key
	 * for the signing keys) and one import upload under t0; returns the plain values by their new sealed text.
	 */
	private Map<String, String> ageValues(int perColumn) {
		Map<String, String> plain = new HashMap<>();
		for (SealedColumns.Column c : reencryption.columns()) {
			if (!(c instanceof SealedTextColumn)) {
				continue;
			}
			String[] parts = c.name().split("\\.");
			String table = parts[1];
			String col = parts[2];
			List<String> values = jdbc.sql("SELECT " + col + " FROM " + table + " WHERE " + SealedValues.sealedSql(col)
					+ " ORDER BY " + col + " LIMIT " + perColumn).query(String.class).list();
			for (String value : values) {
				String text = c.cipher().decrypt(value);
				String old = c.cipher() == signing ? data.encrypt(text) : underT0.encrypt(text);
				jdbc.sql("UPDATE " + table + " SET " + col + " = ? WHERE " + col + " = ?").params(old, value).update();
				plain.put(old, text);
			}
		}
		long id = jdbc.sql("SELECT MAX(id) FROM resident_import").query(Long.class).optional().orElse(0L) + 1000;
		jdbc.sql("""
				INSERT INTO resident_import (id, username, roles, scope, filename, size_bytes, status, created_at)
				VALUES (?, 'admin', 'ADMIN', '', 'old.csv', 10, 'FAILED', ?)""").params(id, OffsetDateTime.now()).update();
		jdbc.sql("INSERT INTO resident_import_file (import_id, content) VALUES (?, ?)")
				.params(id, underT0.seal("id,phone\n".getBytes())).update();
		imports.add(id);
		return plain;
	}

	@Test
	void theJobReSealsEveryColumnToTheCurrentKeySurvivesACrashAndAuditsItsCounts() throws Exception {
		assertThat(reencryption.columns()).extracting(SealedColumns.Column::name).contains(
				"cases.case_file.reporter_contact", "passes.pass.holder_sealed", "passes.checkpoint_shift.person_sealed",
				"passes.checkpoint_shift.phone_sealed", "passes.pass_signing_key.private_key",
				"quarantine.quarantine_person.id_enc", "quarantine.quarantine_person.phone_enc",
				"quarantine.quarantine_checkin.health_enc", "residents.resident.id_number_enc",
				"residents.resident.phone_enc", "residents.resident_import_file.content");
		assertThat(notUnderCurrent()).as("the demo district is sealed under the current keys").isZero();
		Map<String, String> plain = ageValues(3);
		// the signing keys are under the data key now, as before the pass keys existed
		assertThat(column("passes.pass_signing_key.private_key").countByKeyId()).containsKey("v1")
				.doesNotContainKey("p1");
		assertThat(column("residents.resident.phone_enc").countByKeyId()).containsEntry("t0", 3L);
		assertThat(column("residents.resident_import_file.content").countByKeyId()).containsEntry("t0", 1L);
		long aged = notUnderCurrent();
		long columnsWithOldValues = reencryption.columns().stream()
				.filter(c -> c.countNotUnder(c.cipher().currentKeyId()) > 0).count();
		assertThat(columnsWithOldValues).as("every demo column with values has old ones now").isGreaterThanOrEqualTo(8);
		assertThat(aged).isEqualTo(plain.size() + 1);

		reencryption.batchSize = 2;
		hooks.crashAfter(KeyReencryption.QUEUE, 3);
		long id = reencryption.start(admin()).id();
		assertThatThrownBy(() -> reencryption.await(id, 60)).isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(JobHooks.SimulatedCrash.class);
		KeyReencryption.Run stopped = reencryption.run(id).orElseThrow();
		assertThat(stopped.status()).isEqualTo(KeyReencryption.RUNNING);
		assertThat(stopped.totalValues()).isEqualTo(aged);
		assertThat(stopped.batches()).isEqualTo(3);
		// three batches of at most two (a column with one old value ends in a batch of one)
		assertThat(stopped.resealed()).isBetween(3L, 6L).isLessThan(aged);
		assertThat(notUnderCurrent()).isEqualTo(aged - stopped.resealed());

		hooks.reset();
		reencryption.resumeUnfinished();
		reencryption.await(id, 60);
		KeyReencryption.Run done = reencryption.run(id).orElseThrow();
		assertThat(done.status()).isEqualTo(KeyReencryption.SUCCEEDED);
		assertThat(done.resealed()).isEqualTo(aged);
		assertThat(done.percent()).isEqualTo(100);
		assertThat(notUnderCurrent()).isZero();
		for (SealedColumns.Column c : reencryption.columns()) {
			assertThat(c.countByKeyId().keySet()).as(c.name()).allMatch(k -> k.equals(c.cipher().currentKeyId()));
		}
		assertThat(column("passes.pass_signing_key.private_key").countByKeyId()).containsOnlyKeys("p1");
		assertThat(done.columns()).allMatch(c -> c.after() != null && c.after() == 0)
				.anyMatch(c -> c.name().equals("residents.resident.phone_enc") && c.before() == 3 && c.resealed() == 3);
		// the same plain values, under the current keys
		for (SealedColumns.Column c : reencryption.columns()) {
			if (c instanceof SealedTextColumn) {
				String[] parts = c.name().split("\\.");
				for (String value : jdbc.sql("SELECT " + parts[2] + " FROM " + parts[1] + " WHERE "
						+ SealedValues.sealedSql(parts[2])).query(String.class).list()) {
					assertThat(value).startsWith(SealedValues.prefix(c.cipher().currentKeyId()));
				}
			}
		}
		assertThat(plain.values()).isNotEmpty();
		assertThat(data.open(jdbc.sql("SELECT content FROM resident_import_file WHERE import_id = ?")
				.param(imports.get(0)).query(byte[].class).single())).asString().isEqualTo("id,phone\n");
		String audited = jdbc.sql("""
				SELECT detail FROM audit_entry WHERE action = 'KEYS_REENCRYPTED' AND subject = ? AND outcome = 'SUCCESS'""")
				.param(String.valueOf(id)).query(String.class).single();
		assertThat(audited).contains("resealed " + aged + " of " + aged, "residents.resident.phone_enc 3->0 (resealed 3)",
				"passes.pass_signing_key.private_key");
		assertThat(audited).doesNotContain(T0, PersonalDataCipher.DEMO_DATA_KEY);
	}

	@Test
	void aValueUnderAKeyThatIsNotConfiguredFailsTheRunNamingTheKeyId() throws Exception {
		String value = jdbc.sql("SELECT phone_enc FROM resident WHERE phone_enc IS NOT NULL ORDER BY id LIMIT 1")
				.query(String.class).single();
		PersonalDataCipher unknown = new PersonalDataCipher("", "gone:" + KeyIdsTest.K2026C, "gone",
				PersonalDataCipher.DEMO_LOOKUP_KEY, new MockEnvironment());
		String orphan = unknown.encrypt(data.decrypt(value));
		jdbc.sql("UPDATE resident SET phone_enc = ? WHERE phone_enc = ?").params(orphan, value).update();
		try {
			long id = reencryption.start(admin()).id();
			reencryption.await(id, 60);
			KeyReencryption.Run failed = reencryption.run(id).orElseThrow();
			assertThat(failed.status()).isEqualTo(KeyReencryption.FAILED);
			assertThat(failed.message()).contains("'gone'", "GRIDLINK_DATA_KEYS");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'KEYS_REENCRYPTED' AND subject = ? "
					+ "AND outcome = 'FAILURE'").param(String.valueOf(id)).query(Long.class).single()).isOne();
		}
		finally {
			jdbc.sql("UPDATE resident SET phone_enc = ? WHERE phone_enc = ?").params(value, orphan).update();
		}
	}

	@Test
	void thePageAndTheApiShowKeyIdsAndCountsToAdminsOnly() throws Exception {
		mvc.perform(get("/admin/keys").with(Demo.as("admin"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("residents.resident.phone_enc")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"data-key-id\">v1<")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"pass-key-id\">p1<")))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(T0))))
				.andExpect(content().string(org.hamcrest.Matchers.not(
						org.hamcrest.Matchers.containsString(PersonalDataCipher.DEMO_DATA_KEY))));
		mvc.perform(get("/api/v1/admin/keys").with(Demo.as("admin"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.dataKeyId").value("v1")).andExpect(jsonPath("$.passKeyId").value("p1"))
				.andExpect(jsonPath("$.dataKeyIds[0]").value("t0"))
				.andExpect(jsonPath("$.columns[?(@.name == 'passes.pass_signing_key.private_key')].ring").value("pass"));
		for (String user : List.of("center", "auditor", "grid1")) {
			mvc.perform(get("/admin/keys").with(Demo.as(user))).andExpect(status().isForbidden());
			mvc.perform(get("/admin/keys/progress").with(Demo.as(user))).andExpect(status().isForbidden());
			mvc.perform(post("/admin/keys/reencrypt").with(Demo.as(user))).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/admin/keys").with(Demo.as(user))).andExpect(status().isForbidden());
			mvc.perform(post("/api/v1/admin/keys/reencrypt").with(Demo.as(user))).andExpect(status().isForbidden());
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM key_reencryption WHERE started_by IN ('center', 'auditor', 'grid1')")
				.query(Long.class).single()).isZero();
	}

	@Test
	void anAdminStartsARunFromThePageAndWatchesItsProgress() throws Exception {
		ageValues(1);
		var latch = hooks.hold(KeyReencryption.QUEUE);
		mvc.perform(post("/admin/keys/reencrypt").with(Demo.as("admin"))).andExpect(status().is3xxRedirection());
		long id = reencryption.lastRun().orElseThrow().id();
		mvc.perform(get("/admin/keys/progress").with(Demo.as("admin"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("hx-trigger=\"every 1s\"")));
		// starting again while it runs resumes the same run
		mvc.perform(post("/api/v1/admin/keys/reencrypt").with(Demo.as("admin"))).andExpect(status().isAccepted())
				.andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.status").value("RUNNING"));
		latch.countDown();
		reencryption.await(id, 60);
		mvc.perform(get("/admin/keys/progress").with(Demo.as("admin"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("hx-trigger"))))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("100%")));
		assertThat(notUnderCurrent()).isZero();
		assertThat(jdbc.sql("SELECT started_by FROM key_reencryption WHERE id = ?").param(id).query(String.class).single())
				.isEqualTo("admin");
	}

	private static CurrentUser admin() {
		return new CurrentUser(0, "admin", "admin", java.util.Set.of(Role.ADMIN), Scope.of(List.of()), null);
	}
}
