package org.gridlink.platform.security;

import java.util.List;

import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.SealedColumns;
import org.gridlink.platform.SealedTextColumn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The platform's own sealed columns, for the key re-encryption job: the accounts' TOTP secrets and e-mail addresses. */
@Component
class SecondFactorSealedColumns implements SealedColumns {

	private final List<Column> columns;

	SecondFactorSealedColumns(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.columns = List.of(new SealedTextColumn("platform", "second_factor", List.of("user_id"), "secret", jdbc, cipher),
				new SealedTextColumn("platform", "app_user", List.of("id"), "email_enc", jdbc, cipher));
	}

	@Override
	public List<Column> sealedColumns() {
		return columns;
	}
}
