package org.gridlink.cases;

import java.util.List;

import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.SealedColumns;
import org.gridlink.platform.SealedTextColumn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cases module's sealed column, for the key re-encryption job: the reporter's contact. */
@Component
class CaseSealedColumns implements SealedColumns {

	private final List<Column> columns;

	CaseSealedColumns(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.columns = List.of(new SealedTextColumn("cases", "case_file", List.of("id"), "reporter_contact", jdbc, cipher));
	}

	@Override
	public List<Column> sealedColumns() {
		return columns;
	}
}
