package org.gridlink.notices;

import java.util.List;

import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.SealedColumns;
import org.gridlink.platform.SealedTextColumn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notices module's sealed columns, for the key re-encryption job: the phones of outbox rows not yet sent and the
 * work-chat robots' webhook addresses (they carry the robot's key).
 */
@Component
class NoticeSealedColumns implements SealedColumns {

	private final List<Column> columns;

	NoticeSealedColumns(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.columns = List.of(new SealedTextColumn("notices", "notice_outbox", List.of("id"), "phone_enc", jdbc, cipher),
				new SealedTextColumn("notices", "notice_group_webhook", List.of("id"), "webhook_enc", jdbc, cipher));
	}

	@Override
	public List<Column> sealedColumns() {
		return columns;
	}
}
