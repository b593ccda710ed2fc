package org.gridlink.residents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.platform.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.gridlink.platform.SealedColumns;
import org.gridlink.platform.SealingCipher;
import org.gridlink.platform.SealedTextColumn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The residents module's sealed columns, for the key re-encryption job: ID numbers and phones, and the uploads of
 * running imports (sealed bytes, {@link ImportUploads}).
 */
@Component
class ResidentSealedColumns implements SealedColumns {

	private final List<Column> columns;

	ResidentSealedColumns(JdbcClient jdbc, PersonalDataCipher cipher) {
		List<String> key = List.of("id", "district_code");
		this.columns = List.of(new SealedTextColumn("residents", "resident", key, "id_number_enc", jdbc, cipher),
				new SealedTextColumn("residents", "resident", key, "phone_enc", jdbc, cipher),
				new UploadColumn(jdbc, cipher));
	}

	@Override
	public List<Column> sealedColumns() {
		return columns;
	}

	/**
	 * {@code resident_import_file.content}: a handful of rows (only while imports run), each possibly megabytes, so
	 * the key ids are read from the first bytes and a file is loaded only to re-seal it.
	 */
	static final class UploadColumn implements Column {

		private static final int HEADER = 16;

		private final JdbcClient jdbc;
		private final PersonalDataCipher cipher;

		UploadColumn(JdbcClient jdbc, PersonalDataCipher cipher) {
			this.jdbc = jdbc;
			this.cipher = cipher;
		}

		@Override
		public String name() {
			return "residents.resident_import_file.content";
		}

		@Override
		public SealingCipher cipher() {
			return cipher;
		}

		private Map<Long, String> keyIds() {
			Map<Long, String> ids = new LinkedHashMap<>();
			jdbc.sql("SELECT import_id, SUBSTRING(content FROM 1 FOR " + HEADER + ") FROM resident_import_file ORDER BY import_id")
					.query((java.sql.ResultSet rs) -> {
						ids.put(rs.getLong(1), PersonalDataCipher.keyIdOf(rs.getBytes(2)));
					});
			return ids;
		}

		@Override
		public Map<String, Long> countByKeyId() {
			Map<String, Long> counts = new LinkedHashMap<>();
			keyIds().values().forEach(id -> counts.merge(id, 1L, Long::sum));
			return counts;
		}

		@Override
		public long countNotUnder(String keyId) {
			return keyIds().values().stream().filter(id -> !id.equals(keyId)).count();
		}

		@Override
		public Batch reseal(String keyId, @Nullable Object after, int limit) {
			List<Long> jobs = keyIds().entrySet().stream().filter(e -> !e.getValue().equals(keyId))
					.filter(e -> after == null || e.getKey() > (Long) after).map(Map.Entry::getKey).limit(limit).toList();
			int resealed = 0;
			for (Long job : jobs) {
				byte[] old = jdbc.sql("SELECT content FROM resident_import_file WHERE import_id = ?").param(job)
						.query(byte[].class).optional().orElse(null);
				if (old != null) {
					resealed += jdbc.sql("UPDATE resident_import_file SET content = ? WHERE import_id = ? AND content = ?")
							.params(cipher.seal(cipher.open(old)), job, old).update();
				}
			}
			return new Batch(jobs.size(), resealed, jobs.isEmpty() ? null : jobs.get(jobs.size() - 1));
		}
	}
}
