package org.gridlink.quarantine;

import java.util.List;

import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.SealedColumns;
import org.gridlink.platform.SealedTextColumn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The quarantine module's sealed columns, for the key re-encryption job: the traced persons' ID numbers and phones
 * and the health data of check-ins.
 */
@Component
class QuarantineSealedColumns implements SealedColumns {

	private final List<Column> columns;

	QuarantineSealedColumns(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.columns = List.of(
				new SealedTextColumn("quarantine", "quarantine_person", List.of("id"), "id_enc", jdbc, cipher),
				new SealedTextColumn("quarantine", "quarantine_person", List.of("id"), "phone_enc", jdbc, cipher),
				new SealedTextColumn("quarantine", "quarantine_checkin", List.of("id"), "health_enc", jdbc, cipher));
	}

	@Override
	public List<Column> sealedColumns() {
		return columns;
	}
}
