package org.gridlink.platform;

import java.time.OffsetDateTime;

/** One line of the append-only audit trail: who, when, what action, which subject, outcome, from where. */
@org.springframework.modulith.NamedInterface("api")
public record AuditEntry(long id, OffsetDateTime occurredAt, String username, String action, String subjectType,
		String subject, String outcome, String ip, String detail) {
}
