package org.gridlink.platform;

import java.sql.Connection;

import javax.sql.DataSource;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The audit trail records and finds entries, and on PostgreSQL the database itself refuses changes to it. */
@WebTest
class AuditTrailTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void recordsAndSearchesByEveryFilter() {
		audit.recordAs("trail-tester", "TEST_ACTION", "thing", "subject-42", AuditTrail.SUCCESS, "detail");
		var found = audit.search(new AuditQuery("trail-tester", "TEST_ACTION", "ject-4", "SUCCESS", null,
				java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now().plusDays(1)), PageRequest.of(0, 10));
		assertThat(found.getTotalElements()).isEqualTo(1);
		assertThat(found.getContent().get(0).subject()).isEqualTo("subject-42");
		assertThat(audit.search(new AuditQuery("trail-tester", null, null, null, null,
				java.time.LocalDate.now().plusDays(2), null), PageRequest.of(0, 10)).getTotalElements()).isZero();
		assertThat(audit.actions()).contains("TEST_ACTION");
	}

	@Test
	void postgresRefusesUpdatesAndDeletes() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			assumeTrue("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()), "PostgreSQL only");
		}
		audit.recordAs("trail-tester", "TEST_ACTION", "thing", "immutable", AuditTrail.SUCCESS, null);
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET outcome = 'X' WHERE subject = 'immutable'").update())
				.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE subject = 'immutable'").update())
				.hasMessageContaining("append-only");
	}
}
