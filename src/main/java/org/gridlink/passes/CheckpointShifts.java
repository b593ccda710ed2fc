package org.gridlink.passes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.Role;
import org.gridlink.shared.Masked;
import org.gridlink.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Duty shifts at checkpoints: grid workers, police and checkpoint officers with an account (by username), and
 * volunteers who may have none (name and phone sealed, shown masked). Planned by the staff who manage the
 * checkpoint; seen by everyone who may see it.
 */
@Service
public class CheckpointShifts {

	/** The longest single shift. */
	static final Duration MAX_SHIFT = Duration.ofHours(24);

	/** Who is on duty. */
	public enum Duty {
		GRID_WORKER, POLICE, CHECKPOINT, VOLUNTEER
	}

	/** A shift as shown: the account's display name for staff, a masked name and phone for volunteers. */
	public record Shift(long id, long checkpointId, Duty duty, @Nullable String username, String person,
			@Nullable String phone, OffsetDateTime startsAt, OffsetDateTime endsAt, @Nullable Long volunteerId) {
	}

	/**
	 * A shift to plan: {@code username} for staff; for a volunteer a registered volunteer's {@code volunteerId}
	 * ({@link VolunteerDirectory}) or else a typed {@code name} and {@code phone}.
	 */
	public record NewShift(@Nullable Duty duty, @Nullable String username, @Nullable String name,
			@Nullable String phone, @Nullable OffsetDateTime startsAt, @Nullable OffsetDateTime endsAt,
			@Nullable Long volunteerId) {

		public NewShift(@Nullable Duty duty, @Nullable String username, @Nullable String name, @Nullable String phone,
				@Nullable OffsetDateTime startsAt, @Nullable OffsetDateTime endsAt) {
			this(duty, username, name, phone, startsAt, endsAt, null);
		}
	}

	private final JdbcClient jdbc;
	private final Checkpoints checkpoints;
	private final Accounts accounts;
	private final PersonalDataCipher cipher;
	private final AuditTrail audit;
	private final Clock clock;
	private final ObjectProvider<VolunteerDirectory> directory;

	CheckpointShifts(JdbcClient jdbc, Checkpoints checkpoints, Accounts accounts, PersonalDataCipher cipher,
			AuditTrail audit, Clock clock, ObjectProvider<VolunteerDirectory> directory) {
		this.clock = clock;
		this.directory = directory;
		this.jdbc = jdbc;
		this.checkpoints = checkpoints;
		this.accounts = accounts;
		this.cipher = cipher;
		this.audit = audit;
	}

	/** Shifts at a checkpoint that overlap the period, by start. */
	public List<Shift> list(CurrentUser user, long checkpointId, OffsetDateTime from, OffsetDateTime to) {
		checkpoints.get(user, checkpointId);
		if (!to.isAfter(from) || Duration.between(from, to).toDays() > 62) {
			throw new InvalidInputException("checkpoints.period.invalid");
		}
		return jdbc.sql("""
				SELECT * FROM checkpoint_shift WHERE checkpoint_id = ? AND starts_at < ? AND ends_at > ?
				ORDER BY starts_at, id LIMIT 500""")
				.params(checkpointId, to.withOffsetSameInstant(ZoneOffset.UTC), from.withOffsetSameInstant(ZoneOffset.UTC))
				.query(CheckpointShifts::row).list();
	}

	/** Registered volunteers the shift form offers for a checkpoint (empty without a directory). */
	public List<VolunteerDirectory.ListedVolunteer> volunteers(CurrentUser user, long checkpointId, @Nullable String q) {
		Checkpoint checkpoint = checkpoints.get(user, checkpointId);
		VolunteerDirectory found = directory.getIfAvailable();
		return found == null ? List.of() : found.search(user, checkpoint.jurisdictionCode(), q, 200);
	}

	public Shift add(CurrentUser user, long checkpointId, NewShift input) {
		checkpoints.managed(user, checkpointId);
		if (input.duty() == null) {
			throw new InvalidInputException("checkpoints.duty.invalid");
		}
		OffsetDateTime starts = input.startsAt();
		OffsetDateTime ends = input.endsAt();
		if (starts == null || ends == null || !ends.isAfter(starts)
				|| Duration.between(starts, ends).compareTo(MAX_SHIFT) > 0) {
			throw new InvalidInputException("checkpoints.shift.window.invalid", MAX_SHIFT.toHours());
		}
		String username = null;
		String personSealed = null;
		String person;
		String phoneSealed = null;
		String phoneMasked = null;
		Long volunteerId = null;
		if (input.duty() == Duty.VOLUNTEER && input.volunteerId() != null) {
			VolunteerDirectory found = directory.getIfAvailable();
			String place = checkpoints.get(user, checkpointId).jurisdictionCode();
			VolunteerDirectory.ListedVolunteer volunteer = (found == null ? java.util.Optional
					.<VolunteerDirectory.ListedVolunteer>empty() : found.find(input.volunteerId()))
					.filter(v -> place.startsWith(v.communityCode()) || v.communityCode().startsWith(place))
					.orElseThrow(() -> new InvalidInputException("checkpoints.volunteer.unknown",
							String.valueOf(input.volunteerId())));
			volunteerId = volunteer.id();
			person = volunteer.maskedName();
			phoneMasked = volunteer.maskedPhone();
		}
		else if (input.duty() == Duty.VOLUNTEER) {
			String name = input.name() == null ? "" : input.name().strip();
			if (name.isEmpty() || name.length() > 50) {
				throw new InvalidInputException("checkpoints.volunteer.name.invalid");
			}
			String phone = PhoneNumber.normalise(input.phone());
			if (!PhoneNumber.isValid(phone)) {
				throw new InvalidInputException("checkpoints.volunteer.phone.invalid", input.phone() == null ? ""
						: input.phone());
			}
			personSealed = cipher.encrypt(name);
			person = Masked.name(name);
			phoneSealed = cipher.encrypt(phone);
			phoneMasked = Masked.phone(phone);
		}
		else {
			String wanted = input.username() == null ? "" : input.username().strip();
			AccountView account = accounts.find(wanted).filter(AccountView::enabled)
					.orElseThrow(() -> new InvalidInputException("checkpoints.account.unknown", wanted));
			Set<Role> fitting = switch (input.duty()) {
				case GRID_WORKER -> Set.of(Role.GRID_WORKER);
				case POLICE -> Set.of(Role.POLICE);
				default -> Set.of(Role.CHECKPOINT);
			};
			if (account.roles().stream().noneMatch(fitting::contains)) {
				throw new InvalidInputException("checkpoints.account.role", wanted, input.duty().name());
			}
			username = account.username();
			person = account.displayName();
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO checkpoint_shift (checkpoint_id, duty, username, person_sealed, person_masked, phone_sealed,
				phone_masked, starts_at, ends_at, created_by, created_at, volunteer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(checkpointId, input.duty().name(), username, personSealed, person, phoneSealed, phoneMasked,
						starts.withOffsetSameInstant(ZoneOffset.UTC), ends.withOffsetSameInstant(ZoneOffset.UTC),
						user.username(), clock.instant().atOffset(ZoneOffset.UTC), volunteerId)
				.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		audit.record("CHECKPOINT_SHIFT_ADD", "checkpoint", String.valueOf(checkpointId), AuditTrail.SUCCESS,
				"shift=" + id + " duty=" + input.duty() + (username == null ? "" : " user=" + username)
						+ (volunteerId == null ? "" : " volunteer=" + volunteerId));
		return find(id);
	}

	public void remove(CurrentUser user, long shiftId) {
		Shift shift = find(shiftId);
		checkpoints.managed(user, shift.checkpointId());
		jdbc.sql("DELETE FROM checkpoint_shift WHERE id = ?").param(shiftId).update();
		audit.record("CHECKPOINT_SHIFT_REMOVE", "checkpoint", String.valueOf(shift.checkpointId()),
				AuditTrail.SUCCESS, "shift=" + shiftId);
	}

	private Shift find(long id) {
		return jdbc.sql("SELECT * FROM checkpoint_shift WHERE id = ?").param(id).query(CheckpointShifts::row)
				.optional().orElseThrow(() -> new NotFoundException("checkpoints.shift.not.found", String.valueOf(id)));
	}

	private static Shift row(ResultSet rs, int n) throws SQLException {
		return new Shift(rs.getLong("id"), rs.getLong("checkpoint_id"), Duty.valueOf(rs.getString("duty")),
				rs.getString("username"), rs.getString("person_masked"), rs.getString("phone_masked"),
				rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
				rs.getObject("volunteer_id", Long.class));
	}
}
