package org.gridlink.quarantine;

import java.util.List;
import java.util.function.Consumer;

import org.gridlink.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The people under active home quarantine a notice reaches, for the notices module: a narrow, scoped read of id,
 * name, grid and the sealed phone (quarantine stores no phone hash; the caller hashes what it needs). The caller has
 * already checked that its user may reach the codes it passes.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class QuarantineRecipients {

	/** One person at home under an active order; {@code phoneSealed} is the AES-GCM stored phone or null. */
	@org.springframework.modulith.NamedInterface("api")
	public record Recipient(long personId, String name, String gridCode, @Nullable String phoneSealed) {
	}

	private final JdbcClient jdbc;

	QuarantineRecipients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Hands every person under active home quarantine below any of {@code jurisdictions} to {@code sink}. */
	public void atHome(List<String> jurisdictions, Consumer<Recipient> sink) {
		jdbc.sql("SELECT p.id, p.name, p.grid_code, p.phone_enc FROM quarantine_order o"
				+ " JOIN quarantine_person p ON p.id = o.person_id WHERE o.status = 'ACTIVE' AND o.type = 'HOME' AND "
				+ Scope.of(jurisdictions).sqlCondition("p.grid_code") + " ORDER BY p.id")
				.query((rs, i) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list().forEach(sink);
	}

	/** How many people are under active home quarantine at or below the place {@code code} now (a figure only). */
	public long countAtHome(String code) {
		String prefix = org.gridlink.shared.JurisdictionCode.of(code).prefix();
		return jdbc.sql("SELECT COUNT(*) FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id"
				+ " WHERE o.status = 'ACTIVE' AND o.type = 'HOME' AND p.grid_code LIKE ?").param(prefix + "%")
				.query(Long.class).single();
	}
}
