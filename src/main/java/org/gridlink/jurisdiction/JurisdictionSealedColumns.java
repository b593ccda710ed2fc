package org.gridlink.jurisdiction;

import java.util.List;

import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.SealedColumns;
import org.gridlink.platform.SealedTextColumn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The jurisdiction module's sealed column, for the key re-encryption job: the units' duty phones. */
@Component
class JurisdictionSealedColumns implements SealedColumns {

	private final List<Column> columns;

	JurisdictionSealedColumns(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.columns = List.of(new SealedTextColumn("jurisdiction", "unit", List.of("id"), "duty_phone_enc", jdbc,
				cipher));
	}

	@Override
	public List<Column> sealedColumns() {
		return columns;
	}
}
