package org.gridlink.platform;

import java.util.UUID;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An audited read in a read-only transaction (an export, a page that may read the replica) records its entry in a
 * transaction of its own on the primary: PostgreSQL refuses any write in a read-only transaction, and a replica refuses
 * writes altogether.
 */
@WebTest
class AuditInReadOnlyTransactionTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void anEntryRecordedInAReadOnlyTransactionIsStored() {
		String subject = "read-only-" + UUID.randomUUID();
		TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
		readOnly.setReadOnly(true);
		readOnly.executeWithoutResult(status -> {
			jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();
			audit.recordAs("read-only-tester", "TEST_ACTION", "thing", subject, AuditTrail.SUCCESS, null);
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject = ?").param(subject).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(audit.verify().intact()).isTrue();
	}
}
