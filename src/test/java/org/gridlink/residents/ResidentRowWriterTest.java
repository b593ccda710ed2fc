package org.gridlink.residents;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.IdNumber;
import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both resident row writers store the same thing: the portable JDBC batch path (every database) and PostgreSQL's
 * COPY + INSERT ... ON CONFLICT path (only under -Ppostgres; skipped on H2).
 */
@WebTest
class ResidentRowWriterTest {

	@Autowired
	ResidentBulkWriter writer;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	DataSource dataSource;

	@Test
	void portableBatchPathInsertsThenUpdatesByIdNumber() {
		check(writer.portableRowWriter());
	}

	@Test
	void postgresCopyPathInsertsThenUpdatesByIdNumber() throws Exception {
		boolean postgres;
		try (var connection = dataSource.getConnection()) {
			postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		assumeTrue(postgres, "COPY path runs on PostgreSQL only (mvn verify -Ppostgres)");
		assertThat(writer.rowWriter()).isInstanceOf(CopyResidentRowWriter.class);
		check(writer.rowWriter());
	}

	private void check(ResidentRowWriter rowWriter) {
		List<ImportRow> rows = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			rows.add(new ImportRow(i + 2, Demo.GRID1, "写入\"测试\"," + i, new IdNumber(TestIds.next()),
					i % 2 == 0 ? null : "1380000000" + i, "翠苑小区", "7号楼", "1单元", "10" + i, "", Set.of("DISABLED")));
		}
		Households.Cache cache = new Households.Cache();
		transactions.executeWithoutResult(s -> writer.write(writer.seal(rows), cache, rowWriter, "test"));
		long before = jdbc.sql("SELECT COUNT(*) FROM resident").query(Long.class).single();
		List<ImportRow> renamed = rows.stream().map(r -> new ImportRow(r.rowNumber(), r.gridCode(), r.name() + "改",
				r.idNumber(), "13900000000", r.compound(), r.building(), r.entrance(), "20" + r.rowNumber(), "",
				r.tags())).toList();
		transactions.executeWithoutResult(s -> writer.write(writer.seal(renamed), cache, rowWriter, "test"));

		assertThat(jdbc.sql("SELECT COUNT(*) FROM resident").query(Long.class).single()).isEqualTo(before);
		for (ImportRow r : renamed) {
			String hash = cipher.lookupHash(r.idNumber().value());
			var stored = jdbc.sql("""
					SELECT r.name, r.phone_masked, r.version, h.room, r.birth_date, r.gender, r.id_number_enc,
					  (SELECT COUNT(*) FROM resident_tag t WHERE t.resident_id = r.id) AS tags
					FROM resident r JOIN household h ON h.id = r.household_id WHERE r.id_number_hash = ?""")
					.param(hash).query().singleRow();
			assertThat(stored.get("name")).isEqualTo(r.name());
			assertThat(stored.get("phone_masked")).isEqualTo("139****0000");
			assertThat(((Number) stored.get("version")).intValue()).isEqualTo(1);
			assertThat(stored.get("room")).isEqualTo(r.room());
			assertThat(stored.get("birth_date").toString()).isEqualTo(r.idNumber().birthDate().toString());
			assertThat(((Number) stored.get("gender")).intValue()).isEqualTo(r.idNumber().genderCode());
			assertThat(cipher.decrypt((String) stored.get("id_number_enc"))).isEqualTo(r.idNumber().value());
			assertThat(((Number) stored.get("tags")).intValue()).isEqualTo(1);
			// the name index holds the new name's grams (the last character with its end row), not the old name's
			List<String> grams = jdbc.sql("SELECT g.c1 || '|' || g.c2 FROM resident_name_gram g"
					+ " JOIN resident r ON r.id = g.resident_id WHERE r.id_number_hash = ? ORDER BY 1").param(hash)
					.query(String.class).list();
			assertThat(grams).contains("改|", "写|入").hasSize(r.name().length())
					.doesNotContain(r.name().charAt(r.name().length() - 2) + "|");
		}
	}
}
