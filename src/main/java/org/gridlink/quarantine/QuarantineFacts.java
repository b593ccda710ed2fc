package org.gridlink.quarantine;

import java.time.OffsetDateTime;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of every quarantine order, figures only (no person): for the command center's rebuild of its read model,
 * which otherwise follows {@link QuarantineOrdered} and {@link QuarantineReleased}. A system reader without a user.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class QuarantineFacts {

	/** One order: the person's grid, when it was ordered and (if so) released. */
	@org.springframework.modulith.NamedInterface("api")
	public record OrderFact(long id, String gridCode, OffsetDateTime orderedAt, @Nullable OffsetDateTime releasedAt) {
	}

	private final JdbcClient jdbc;

	QuarantineFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every order in id order, streamed to {@code sink}. */
	@Transactional(readOnly = true)
	public void forEach(Consumer<OrderFact> sink) {
		try (var rows = jdbc.sql("""
				SELECT o.id, p.grid_code, o.created_at, o.released_at
				FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id ORDER BY o.id""")
				.query((rs, i) -> new OrderFact(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
						rs.getObject(4, OffsetDateTime.class)))
				.stream()) {
			rows.forEach(sink);
		}
	}
}
