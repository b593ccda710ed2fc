package org.gridlink.mobilization.volunteers;

import java.util.List;

import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.SealedColumns;
import org.gridlink.platform.SealedTextColumn;
import org.gridlink.platform.SigningKeyCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The volunteers' sealed columns for the key re-encryption job: phones (data keys) and the badge keys (pass keys). */
@Component
class VolunteerSealedColumns implements SealedColumns {

	private final List<Column> columns;

	VolunteerSealedColumns(JdbcClient jdbc, PersonalDataCipher data, SigningKeyCipher signing) {
		this.columns = List.of(
				new SealedTextColumn("mobilization", "volunteer", List.of("id"), "phone_sealed", jdbc, data),
				new SealedTextColumn("mobilization", "volunteer_badge_key", List.of("kid"), "private_sealed", jdbc,
						signing));
	}

	@Override
	public List<Column> sealedColumns() {
		return columns;
	}
}
