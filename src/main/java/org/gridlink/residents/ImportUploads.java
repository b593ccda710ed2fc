package org.gridlink.residents;

import org.gridlink.platform.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The uploaded file of a residents import, kept only while its job runs: whole districts' ID numbers and phones, so
 * it is sealed with the personal-data key, deleted in the transaction that finishes the job, and any left over by a
 * crash is purged at start-up.
 */
@Component
class ImportUploads {

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;

	ImportUploads(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	void store(long job, byte[] content) {
		jdbc.sql("INSERT INTO resident_import_file (import_id, content) VALUES (?, ?)")
				.params(job, cipher.seal(content)).update();
	}

	byte[] read(long job) {
		return cipher.open(jdbc.sql("SELECT content FROM resident_import_file WHERE import_id = ?").param(job)
				.query(byte[].class).single());
	}

	void discard(long job) {
		jdbc.sql("DELETE FROM resident_import_file WHERE import_id = ?").param(job).update();
	}

	/** Deletes the files of jobs that have finished (a crash between the finish and the delete leaves one). */
	int purgeFinished() {
		return jdbc.sql("""
				DELETE FROM resident_import_file WHERE import_id IN
				(SELECT id FROM resident_import WHERE status IN ('SUCCEEDED', 'FAILED'))""").update();
	}
}
