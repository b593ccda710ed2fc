package org.gridlink.enterprise;

import java.util.List;

import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.SealedColumns;
import org.gridlink.platform.SealedTextColumn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registry's sealed columns, for the key re-encryption job: legal representatives and contact phones. */
@Component
class EnterpriseSealedColumns implements SealedColumns {

	private final List<Column> columns;

	EnterpriseSealedColumns(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.columns = List.of(new SealedTextColumn("enterprise", "enterprise", List.of("id"), "legal_rep_sealed", jdbc,
				cipher), new SealedTextColumn("enterprise", "enterprise", List.of("id"), "contact_phone_sealed", jdbc, cipher));
	}

	@Override
	public List<Column> sealedColumns() {
		return columns;
	}
}
