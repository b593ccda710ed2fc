package org.gridlink.residents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** The portable path: one JDBC batch of updates by ID number hash, then one batch inserting the rows not found. */
class BatchResidentRowWriter implements ResidentRowWriter {

	private final JdbcTemplate jdbc;
	private final Clock clock;

	BatchResidentRowWriter(JdbcTemplate jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Override
	public boolean upsert(List<StoredResident> rows) {
		if (rows.isEmpty()) {
			return true;
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		int[] updated = jdbc.batchUpdate("""
				UPDATE resident SET grid_code = ?, household_id = ?, name = ?, phone_hash = ?, phone_enc = ?,
				phone_masked = ?, status = 'ACTIVE', version = version + 1, updated_at = ?
				WHERE district_code = ? AND id_number_hash = ?""",
				rows.stream().map(r -> new Object[] { r.grid(), r.householdId(), r.name(), r.phoneHash(), r.phoneEnc(),
						r.phoneMasked(), now, r.district(), r.idNumberHash() }).toList());
		List<Object[]> inserts = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (updated[i] == 0) {
				StoredResident r = rows.get(i);
				inserts.add(new Object[] { r.district(), r.grid(), r.householdId(), r.name(), r.idNumberHash(),
						r.idNumberEnc(), r.idNumberMasked(), r.phoneHash(), r.phoneEnc(), r.phoneMasked(), r.birthDate(),
						r.gender(), now, now });
			}
		}
		if (!inserts.isEmpty()) {
			jdbc.batchUpdate("""
					INSERT INTO resident (district_code, grid_code, household_id, name, id_number_hash, id_number_enc,
					id_number_masked, phone_hash, phone_enc, phone_masked, birth_date, gender, status, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""", inserts);
		}
		return inserts.size() == rows.size();
	}
}
