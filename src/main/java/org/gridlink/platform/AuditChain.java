package org.gridlink.platform;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * The hash chain of the audit trail: each entry stores the hash of the previous entry and its own hash, SHA-256 over
 * the previous hash and the entry's fields (each as its length and value, so that no two field lists collide). The
 * first entry's previous hash is {@link #GENESIS}. Changing, deleting or reordering any entry breaks the chain from
 * that entry on.
 */
public final class AuditChain {

	/** The previous hash of the first entry. */
	public static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	/** The hash of an entry following {@code previous}; {@code occurredAt} at microsecond precision, as stored. */
	public static String link(String previous, OffsetDateTime occurredAt, @Nullable String username, String action,
			@Nullable String subjectType, @Nullable String subject, String outcome, @Nullable String ip,
			@Nullable String detail) {
		StringBuilder text = new StringBuilder(previous);
		for (String field : new String[] { occurredAt.toInstant().toString(), username, action, subjectType, subject,
				outcome, ip, detail }) {
			text.append('|').append(field == null ? -1 : field.length()).append(':').append(field == null ? "" : field);
		}
		return Hashes.sha256Hex(text.toString());
	}

	/** The result of a verification: intact, or the first entry whose link is broken and why. */
	public record Verification(boolean intact, long checked, @Nullable Long brokenEntryId, @Nullable String reason) {

		static Verification ok(long checked) {
			return new Verification(true, checked, null, null);
		}

		static Verification broken(long checked, long entryId, String reason) {
			return new Verification(false, checked, entryId, reason);
		}
	}
}
