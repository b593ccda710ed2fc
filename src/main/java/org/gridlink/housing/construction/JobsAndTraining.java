package org.gridlink.housing.construction;

import java.time.LocalDate;
import java.util.List;

import org.gridlink.housing.construction.ConstructionViews.Jobs;
import org.gridlink.housing.construction.ConstructionViews.PlacementInput;
import org.gridlink.housing.construction.ConstructionViews.Seeker;
import org.gridlink.housing.construction.ConstructionViews.SeekerInput;
import org.gridlink.housing.construction.ConstructionViews.Session;
import org.gridlink.housing.construction.ConstructionViews.SessionInput;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job matching and skills training: household members looking for work or training (names masked), the sessions
 * held, who attended, and placements. Read by the staff who see the project; kept by its center and township staff.
 */
@Service
public class JobsAndTraining {

	private final JdbcClient jdbc;
	private final ConstructionAccess access;
	private final Schedules schedules;
	private final AuditTrail audit;

	JobsAndTraining(JdbcClient jdbc, ConstructionAccess access, Schedules schedules, AuditTrail audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.schedules = schedules;
		this.audit = audit;
	}

	public Jobs jobs(CurrentUser user, long projectId) {
		access.project(user, projectId);
		ConstructionAccess.require(access.readsBooks(user, projectId));
		List<Seeker> people = jdbc.sql("SELECT j.id, j.member_masked, j.wants, j.skill, j.placed_on, j.employer FROM"
				+ " housing_job_seeker j JOIN housing_household h ON h.id = j.housing_household_id WHERE j.project_id = ? AND "
				+ access.householdSql(user, "h") + " ORDER BY j.id").param(projectId).query(Seeker.class).list();
		List<Session> sessions = jdbc.sql("SELECT t.id, t.title, t.held_on, t.place, (SELECT COUNT(*) FROM"
				+ " housing_training_attendance a WHERE a.session_id = t.id) AS attended FROM housing_training_session t WHERE"
				+ " t.project_id = ? ORDER BY t.held_on DESC, t.id DESC").param(projectId).query(Session.class).list();
		long work = people.stream().filter(p -> !p.wants().equals("TRAINING")).count();
		long training = people.stream().filter(p -> !p.wants().equals("WORK")).count();
		long placed = people.stream().filter(p -> p.placedOn() != null).count();
		return new Jobs(people.size(), work, training, placed, sessions, people);
	}

	/** The project's households in the user's scope for the registration form: id → the head's masked name. */
	public java.util.Map<Long, String> households(CurrentUser user, long projectId) {
		access.project(user, projectId);
		ConstructionAccess.require(access.plans(user, projectId));
		java.util.Map<Long, String> out = new java.util.LinkedHashMap<>();
		jdbc.sql("SELECT h.id, h.head_masked FROM housing_household h WHERE h.project_id = ? AND "
				+ access.householdSql(user, "h") + " ORDER BY h.id").param(projectId)
				.query((rs, i) -> out.put(rs.getLong(1), rs.getString(2))).list();
		return out;
	}

	/** Registers a household member looking for work or training (center, township staff); the name is kept masked. */
	@Transactional
	public Seeker register(CurrentUser user, long projectId, SeekerInput input) {
		access.project(user, projectId);
		ConstructionAccess.require(access.plans(user, projectId));
		if (input.householdId() == null || jdbc.sql("SELECT COUNT(*) FROM housing_household h WHERE h.id = ? AND"
				+ " h.project_id = ? AND " + access.householdSql(user, "h")).params(input.householdId(), projectId)
				.query(Long.class).single() == 0) {
			throw new InvalidInputException("construction.household.invalid", String.valueOf(input.householdId()));
		}
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty() || name.length() > 50) {
			throw new InvalidInputException("construction.seeker.name.invalid");
		}
		String wants = input.wants() == null ? "" : input.wants().strip();
		if (!List.of("WORK", "TRAINING", "BOTH").contains(wants)) {
			throw new InvalidInputException("construction.seeker.wants.invalid", wants);
		}
		String skill = input.skill() == null || input.skill().isBlank() ? null : input.skill().strip();
		if (skill != null && skill.length() > 100) {
			throw new InvalidInputException("construction.note.invalid", 100);
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO housing_job_seeker (project_id, housing_household_id, member_masked, wants, skill,"
				+ " registered_on) VALUES (?, ?, ?, ?, ?, ?)").params(projectId, input.householdId(),
						org.gridlink.shared.Masked.name(name), wants, skill, schedules.today())
				.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		audit.record("HOUSING_JOB_SEEKER", "housing_job_seeker", String.valueOf(id), AuditTrail.SUCCESS, wants);
		return jdbc.sql("SELECT id, member_masked, wants, skill, placed_on, employer FROM housing_job_seeker WHERE id = ?")
				.param(id).query(Seeker.class).single();
	}

	@Transactional
	public Session holdSession(CurrentUser user, long projectId, SessionInput input) {
		access.project(user, projectId);
		ConstructionAccess.require(access.plans(user, projectId));
		String title = input.title() == null ? "" : input.title().strip();
		if (title.isEmpty() || title.length() > 200) {
			throw new InvalidInputException("construction.session.title.invalid");
		}
		LocalDate today = schedules.today();
		LocalDate day = input.heldOn() == null ? today : input.heldOn();
		if (day.isAfter(today.plusDays(90)) || day.isBefore(today.minusYears(2))) {
			throw new InvalidInputException("construction.date.invalid");
		}
		String place = input.place() == null || input.place().isBlank() ? null : input.place().strip();
		if (place != null && place.length() > 200) {
			throw new InvalidInputException("construction.note.invalid", 200);
		}
		List<Long> attendees = input.attendees() == null ? List.of() : input.attendees().stream().distinct().toList();
		for (Long a : attendees) {
			if (a == null || jdbc.sql("SELECT COUNT(*) FROM housing_job_seeker WHERE id = ? AND project_id = ?")
					.params(a, projectId).query(Long.class).single() == 0) {
				throw new InvalidInputException("construction.seeker.invalid", String.valueOf(a));
			}
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO housing_training_session (project_id, title, held_on, place, created_by) VALUES (?, ?, ?, ?, ?)")
				.params(projectId, title, day, place, user.username()).update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		for (Long a : attendees) {
			jdbc.sql("INSERT INTO housing_training_attendance (session_id, seeker_id) VALUES (?, ?)").params(id, a).update();
		}
		audit.record("HOUSING_TRAINING", "housing_project", String.valueOf(projectId), AuditTrail.SUCCESS,
				"session " + id + " attended " + attendees.size());
		return new Session(id, title, day, place, attendees.size());
	}

	@Transactional
	public Seeker place(CurrentUser user, long seekerId, PlacementInput input) {
		Long projectId = jdbc.sql("SELECT project_id FROM housing_job_seeker WHERE id = ?").param(seekerId)
				.query(Long.class).optional()
				.orElseThrow(() -> new NotFoundException("construction.seeker.not.found", String.valueOf(seekerId)));
		access.project(user, projectId);
		ConstructionAccess.require(access.plans(user, projectId));
		String employer = input.employer() == null ? "" : input.employer().strip();
		if (employer.isEmpty() || employer.length() > 200) {
			throw new InvalidInputException("construction.employer.invalid");
		}
		LocalDate today = schedules.today();
		LocalDate day = input.placedOn() == null ? today : input.placedOn();
		if (day.isAfter(today) || day.isBefore(today.minusYears(2))) {
			throw new InvalidInputException("construction.date.invalid");
		}
		jdbc.sql("UPDATE housing_job_seeker SET placed_on = ?, employer = ? WHERE id = ?").params(day, employer, seekerId)
				.update();
		audit.record("HOUSING_PLACEMENT", "housing_job_seeker", String.valueOf(seekerId), AuditTrail.SUCCESS, employer);
		return jdbc.sql("SELECT id, member_masked, wants, skill, placed_on, employer FROM housing_job_seeker WHERE id = ?")
				.param(seekerId).query(Seeker.class).single();
	}
}
