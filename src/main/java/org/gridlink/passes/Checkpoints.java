package org.gridlink.passes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.CompoundRow;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.shared.JurisdictionCode;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Checkpoints: road checkpoints and compound gates, placed in a community or grid. Community, street and center
 * staff set them up inside their scope; the roles that verify passes see those in their scope and those where they
 * are on duty.
 */
@Service
public class Checkpoints {

	/** How far around now a shift counts as "on duty now" for choosing the checkpoint on the scan page. */
	static final Duration ON_DUTY_MARGIN = Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final Organization organization;
	private final AuditTrail audit;
	private final Clock clock;

	Checkpoints(JdbcClient jdbc, Jurisdictions jurisdictions, Organization organization, AuditTrail audit, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.organization = organization;
		this.audit = audit;
	}

	/** Checkpoints in the caller's scope, by place and name, paged. */
	public Page<Checkpoint> list(CurrentUser user, Pageable page) {
		CheckpointAccess.require(user, CheckpointAccess.READERS, "read");
		String where = user.scope().sqlCondition("jurisdiction_code");
		long total = jdbc.sql("SELECT COUNT(*) FROM checkpoint WHERE " + where).query(Long.class).single();
		List<Checkpoint> rows = jdbc.sql("SELECT * FROM checkpoint WHERE " + where
				+ " ORDER BY jurisdiction_code, name, id LIMIT ? OFFSET ?").params(page.getPageSize(), page.getOffset())
				.query(Checkpoints::row).list();
		return new PageImpl<>(rows, page, total);
	}

	/**
	 * The checkpoints the scan page offers: first those where the caller is on duty now, then the active ones in the
	 * caller's scope (at most 100).
	 */
	public List<Checkpoint> mine(CurrentUser user, Instant now) {
		CheckpointAccess.require(user, CheckpointAccess.READERS, "read");
		List<Checkpoint> onDuty = jdbc.sql("""
				SELECT DISTINCT c.* FROM checkpoint c JOIN checkpoint_shift s ON s.checkpoint_id = c.id
				WHERE c.active = TRUE AND s.username = ? AND s.starts_at <= ? AND s.ends_at >= ?
				ORDER BY c.name, c.id""")
				.params(user.username(), now.plus(ON_DUTY_MARGIN).atOffset(ZoneOffset.UTC),
						now.minus(ON_DUTY_MARGIN).atOffset(ZoneOffset.UTC))
				.query(Checkpoints::row).list();
		List<Checkpoint> inScope = jdbc.sql("SELECT * FROM checkpoint WHERE active = TRUE AND "
				+ user.scope().sqlCondition("jurisdiction_code") + " ORDER BY jurisdiction_code, name, id LIMIT 100")
				.query(Checkpoints::row).list();
		java.util.LinkedHashMap<Long, Checkpoint> all = new java.util.LinkedHashMap<>();
		onDuty.forEach(c -> all.put(c.id(), c));
		inScope.forEach(c -> all.putIfAbsent(c.id(), c));
		return List.copyOf(all.values());
	}

	/** One checkpoint the caller may see: in scope, or where the caller has a shift. */
	public Checkpoint get(CurrentUser user, long id) {
		CheckpointAccess.require(user, CheckpointAccess.READERS, "read");
		Checkpoint checkpoint = find(id);
		if (!user.scope().covers(checkpoint.jurisdictionCode()) && !hasShift(user, id)) {
			throw new OutOfScopeException("checkpoint", String.valueOf(id));
		}
		return checkpoint;
	}

	/** True when the user may set up checkpoints and plan shifts (community, street, center staff). */
	public boolean canManage(CurrentUser user) {
		return CheckpointAccess.manages(user);
	}

	/** True when the user may change this checkpoint and its shifts: a manager whose scope covers it. */
	public boolean canManage(CurrentUser user, Checkpoint checkpoint) {
		return canManage(user) && user.scope().covers(checkpoint.jurisdictionCode());
	}

	/** A checkpoint the caller manages: staff role and in scope. */
	Checkpoint managed(CurrentUser user, long id) {
		CheckpointAccess.require(user, CheckpointAccess.MANAGERS, "manage");
		Checkpoint checkpoint = find(id);
		if (!user.scope().covers(checkpoint.jurisdictionCode())) {
			throw new OutOfScopeException("checkpoint", String.valueOf(id));
		}
		return checkpoint;
	}

	public Checkpoint create(CurrentUser user, NewCheckpoint input) {
		CheckpointAccess.require(user, CheckpointAccess.MANAGERS, "create");
		Checked checked = check(user, input);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO checkpoint (name, kind, jurisdiction_code, district_code, compound_id, compound_name, active,
				created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(checked.name(), checked.kind().name(), checked.code(),
						JurisdictionCode.of(checked.code()).districtCode(), checked.compoundId(), checked.compoundName(),
						checked.active(), user.username(), clock.instant().atOffset(ZoneOffset.UTC))
				.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		audit.record("CHECKPOINT_CREATE", "checkpoint", String.valueOf(id), AuditTrail.SUCCESS,
				"kind=" + checked.kind() + " at=" + checked.code());
		return find(id);
	}

	public Checkpoint update(CurrentUser user, long id, NewCheckpoint input) {
		managed(user, id);
		Checked checked = check(user, input);
		jdbc.sql("""
				UPDATE checkpoint SET name = ?, kind = ?, jurisdiction_code = ?, district_code = ?, compound_id = ?,
				compound_name = ?, active = ? WHERE id = ?""")
				.params(checked.name(), checked.kind().name(), checked.code(),
						JurisdictionCode.of(checked.code()).districtCode(), checked.compoundId(), checked.compoundName(),
						checked.active(), id)
				.update();
		audit.record("CHECKPOINT_UPDATE", "checkpoint", String.valueOf(id), AuditTrail.SUCCESS,
				"kind=" + checked.kind() + " at=" + checked.code() + " active=" + checked.active());
		return find(id);
	}

	/** Compounds the caller may put a gate at (in scope), for the form. */
	public List<CompoundRow> compounds(CurrentUser user) {
		CheckpointAccess.require(user, CheckpointAccess.MANAGERS, "read");
		return user.scope().prefixes().stream().flatMap(p -> organization.compoundsUnder(p).stream()).toList();
	}

	private record Checked(String name, CheckpointKind kind, String code, @org.jspecify.annotations.Nullable Long compoundId,
			@org.jspecify.annotations.Nullable String compoundName, boolean active) {
	}

	private Checked check(CurrentUser user, NewCheckpoint input) {
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty() || name.length() > 100) {
			throw new InvalidInputException("checkpoints.name.invalid");
		}
		if (input.kind() == null) {
			throw new InvalidInputException("checkpoints.kind.invalid");
		}
		boolean active = input.active() == null || input.active();
		if (input.kind() == CheckpointKind.GATE) {
			if (input.compoundId() == null) {
				throw new InvalidInputException("checkpoints.compound.required");
			}
			CompoundRow compound = compounds(user).stream().filter(c -> c.id() == input.compoundId()).findFirst()
					.orElseThrow(() -> new InvalidInputException("checkpoints.compound.unknown",
							String.valueOf(input.compoundId())));
			return new Checked(name, CheckpointKind.GATE, compound.gridCode(), compound.id(), compound.name(), active);
		}
		String code = input.jurisdictionCode() == null ? "" : input.jurisdictionCode().strip();
		if (!JurisdictionCode.isValid(code) || jurisdictions.find(code).isEmpty()) {
			throw new InvalidInputException("checkpoints.place.unknown", code);
		}
		if (!user.scope().covers(code)) {
			throw new OutOfScopeException("jurisdiction", code);
		}
		return new Checked(name, CheckpointKind.ROAD, code, null, null, active);
	}

	boolean hasShift(CurrentUser user, long checkpointId) {
		return jdbc.sql("SELECT COUNT(*) FROM checkpoint_shift WHERE checkpoint_id = ? AND username = ?")
				.params(checkpointId, user.username()).query(Long.class).single() > 0;
	}

	Checkpoint find(long id) {
		return jdbc.sql("SELECT * FROM checkpoint WHERE id = ?").param(id).query(Checkpoints::row).optional()
				.orElseThrow(() -> new NotFoundException("checkpoints.not.found", String.valueOf(id)));
	}

	static Checkpoint row(ResultSet rs, int n) throws SQLException {
		return new Checkpoint(rs.getLong("id"), rs.getString("name"), CheckpointKind.valueOf(rs.getString("kind")),
				rs.getString("jurisdiction_code"), (Long) rs.getObject("compound_id", Long.class),
				rs.getString("compound_name"), rs.getBoolean("active"));
	}
}
