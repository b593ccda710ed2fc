package org.gridlink.quarantine;

import java.util.UUID;

import org.gridlink.residents.ResidentMoved;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;

/** The residents module's {@link ResidentMoved} reaches quarantine: the persons linked to the resident move too. */
@WebTest
@EnableScenarios
class ResidentMovesTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResidentWhoMovedTakesTheirQuarantinePersonToTheNewGrid(Scenario scenario) {
		long resident = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 9_000_000_000L;
		long linked = person(resident, GRID1);
		long other = person(resident + 1, GRID1);

		scenario.publish(new ResidentMoved(resident, GRID1, GRID2))
				.andWaitForStateChange(() -> grid(linked), GRID2::equals)
				.andVerify(grid -> assertThat(grid).isEqualTo(GRID2));
		assertThat(grid(other)).as("another resident's person stays").isEqualTo(GRID1);
	}

	private long person(long residentId, String grid) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quarantine_person (district_code, resident_id, name, name_masked, id_kind, id_hash, id_enc,
				id_masked, grid_code, created_by, created_at)
				VALUES ('320819', ?, '钱多多', '钱*多', 'ID', ?, 'x', '3208**********0011', ?, 'test', CURRENT_TIMESTAMP)""")
				.params(residentId, UUID.randomUUID().toString().replace("-", ""), grid).update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	private String grid(long personId) {
		return jdbc.sql("SELECT grid_code FROM quarantine_person WHERE id = ?").param(personId).query(String.class)
				.single();
	}
}
