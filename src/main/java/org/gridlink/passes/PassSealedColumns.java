package org.gridlink.passes;

import java.util.List;

import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.SealedColumns;
import org.gridlink.platform.SealedTextColumn;
import org.gridlink.platform.SigningKeyCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The passes module's sealed columns, for the key re-encryption job: holders' names, checkpoint volunteers' names and
 * phones (personal-data keys), and the private signing keys (pass keys, {@link SigningKeyCipher}).
 */
@Component
class PassSealedColumns implements SealedColumns {

	private final List<Column> columns;

	PassSealedColumns(JdbcClient jdbc, PersonalDataCipher data, SigningKeyCipher signing) {
		this.columns = List.of(new SealedTextColumn("passes", "pass", List.of("id"), "holder_sealed", jdbc, data),
				new SealedTextColumn("passes", "checkpoint_shift", List.of("id"), "person_sealed", jdbc, data),
				new SealedTextColumn("passes", "checkpoint_shift", List.of("id"), "phone_sealed", jdbc, data),
				new SealedTextColumn("passes", "pass_signing_key", List.of("kid"), "private_key", jdbc, signing));
	}

	@Override
	public List<Column> sealedColumns() {
		return columns;
	}
}
