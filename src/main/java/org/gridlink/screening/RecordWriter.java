package org.gridlink.screening;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.residents.ResidentView;
import org.gridlink.residents.Residents;
import org.gridlink.shared.IdNumber;
import org.gridlink.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a batch of records in the caller's transaction: checks the whole batch's form first (any malformed record
 * fails it with 400), then per record the client id (a resent record is a DUPLICATE, counted once), the household
 * (known to the campaign, in the caller's scope) and the persons (members of the household). The households'
 * states, the records, the answers and the per-grid counters are written with a handful of batched statements.
 * Abnormal persons are tagged {@code SCREENING_ABNORMAL} and put on the key-person list; new persons become
 * pending residents (a name, ID number or phone that does not pass refuses that record only) and put their household
 * back to "not yet screened" ({@link HouseholdState}).
 */
@Component
class RecordWriter {

	static final String ABNORMAL_TAG = "SCREENING_ABNORMAL";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final JsonMapper json;
	private final Residents residents;
	private final AuditTrail audit;
	private final Clock clock;

	RecordWriter(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Residents residents, AuditTrail audit,
			Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
		this.residents = residents;
		this.audit = audit;
	}

	/** One household of the campaign while the batch is written: its grid and its state ({@link HouseholdState}). */
	private static final class State {
		final String grid;
		HouseholdState now;
		boolean changed;

		State(String grid, HouseholdState now) {
			this.grid = grid;
			this.now = now;
		}
	}

	List<RecordResult> write(CurrentUser user, CampaignView campaign, List<RecordInput> records) {
		check(campaign.questionnaire(), records);
		long id = campaign.id();
		String district = campaign.jurisdictionCode().substring(0, 6);
		Set<String> known = new HashSet<>(jdbc.sql(
				"SELECT client_id FROM screening_record WHERE campaign_id = :c AND client_id IN (:ids)")
				.param("c", id).param("ids", records.stream().map(RecordInput::clientId).distinct().toList())
				.query(String.class).list());
		Map<Long, State> states = new HashMap<>();
		jdbc.sql("""
				SELECT household_id, grid_code, members, outcome, abnormal_persons FROM screening_household
				WHERE campaign_id = :c AND district_code = :d AND household_id IN (:ids) ORDER BY household_id FOR UPDATE""")
				.param("c", id).param("d", district)
				.param("ids", records.stream().map(RecordInput::householdId).distinct().sorted().toList())
				.query((rs, i) -> Map.entry(rs.getLong(1),
						new State(rs.getString(2), HouseholdState.of(rs.getString(4), rs.getInt(5), rs.getInt(3)))))
				.list().forEach(e -> states.put(e.getKey(), e.getValue()));

		OffsetDateTime now = OffsetDateTime.now(clock);
		Timestamp at = Timestamp.from(now.toInstant());
		Map<String, long[]> deltas = new TreeMap<>();
		List<Object[]> recordRows = new ArrayList<>();
		List<Object[]> answerRows = new ArrayList<>();
		Map<Long, List<ResidentView>> members = new HashMap<>();
		List<RecordResult> results = new ArrayList<>(records.size());
		int forbidden = 0;
		for (RecordInput record : records) {
			String clientId = record.clientId();
			long householdId = record.householdId();
			if (!known.add(clientId)) {
				results.add(RecordResult.duplicate(clientId));
				continue;
			}
			State state = states.get(householdId);
			if (state == null) {
				results.add(RecordResult.rejected(clientId, "NOT_FOUND", "screening.household.unknown", householdId));
				known.remove(clientId);
				continue;
			}
			if (!user.scope().covers(state.grid)) {
				results.add(RecordResult.rejected(clientId, "FORBIDDEN", "screening.household.outOfScope", householdId));
				known.remove(clientId);
				forbidden++;
				continue;
			}
			Outcome outcome = Outcome.valueOf(record.outcome());
			int abnormal = 0;
			long[] delta = deltas.computeIfAbsent(state.grid, g -> new long[7]);
			if (outcome == Outcome.EXCEPTION) {
				List<ResidentView> people = members.computeIfAbsent(householdId, residents::members);
				Map<Long, ResidentView> byId = new HashMap<>();
				people.forEach(p -> byId.put(p.id(), p));
				RecordInput.PersonAnswer stranger = record.persons().stream()
						.filter(p -> !byId.containsKey(p.residentId()) || !user.scope().covers(byId.get(p.residentId()).gridCode()))
						.findFirst().orElse(null);
				if (stranger != null) {
					results.add(RecordResult.rejected(clientId, "INVALID_INPUT", "screening.person.notMember",
							stranger.residentId(), householdId));
					known.remove(clientId);
					continue;
				}
				for (RecordInput.PersonAnswer person : record.persons()) {
					boolean bad = person.abnormal();
					if (bad) {
						abnormal++;
						keyPerson(user, id, district, householdId, state.grid, byId.get(person.residentId()),
								person.reasons(), now);
					}
					answerRows.add(new Object[] { id, district, clientId, householdId, person.residentId(),
							person.temperature(), person.symptoms() == null ? null : String.join(",", person.symptoms()),
							Boolean.TRUE.equals(person.travel()), Boolean.TRUE.equals(person.contact()),
							person.note() == null ? null : person.note().strip(), bad });
				}
			}
			if (outcome == Outcome.NEW_PERSON) {
				RecordInput.NewPerson person = record.newPerson();
				String problem = problemOf(person);
				if (problem != null) {
					// typed by a person at the door: refused for this household only, the rest of the batch stands
					results.add(RecordResult.rejected(clientId, "INVALID_INPUT", problem));
					known.remove(clientId);
					continue;
				}
				residents.registerPending(user, householdId, person.name().strip(), person.idNumber(), person.phone());
				delta[6]++;
			}
			HouseholdState after = state.now.after(outcome, abnormal);
			long[] moved = after.countersSince(state.now);
			for (int i = 0; i < moved.length; i++) {
				delta[i] += moved[i];
			}
			state.now = after;
			state.changed = true;
			recordRows.add(new Object[] { id, district, clientId, householdId, state.grid, outcome.name(), abnormal,
					record.answers() == null || record.answers().isEmpty() ? null : json.writeValueAsString(record.answers()),
					user.username(), at });
			results.add(RecordResult.accepted(clientId));
		}

		template.batchUpdate("""
				INSERT INTO screening_record (campaign_id, district_code, client_id, household_id, grid_code, outcome,
				abnormal, answers, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", recordRows);
		template.batchUpdate("""
				INSERT INTO screening_answer (campaign_id, district_code, client_id, household_id, resident_id, temperature,
				symptoms, travel, contact, note, abnormal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", answerRows);
		List<Object[]> householdRows = new ArrayList<>();
		states.entrySet().stream().filter(e -> e.getValue().changed).sorted(Map.Entry.comparingByKey())
				.forEach(e -> {
					// back to "not yet screened" (a new person found): nobody has screened it since
					Outcome outcome = e.getValue().now.outcome();
					householdRows.add(new Object[] { outcome == null ? null : outcome.name(), e.getValue().now.abnormal(),
							outcome == null ? null : user.username(), outcome == null ? null : at, id, district,
							e.getKey() });
				});
		template.batchUpdate("""
				UPDATE screening_household SET outcome = ?, abnormal_persons = ?, screened_by = ?, screened_at = ?
				WHERE campaign_id = ? AND district_code = ? AND household_id = ?""", householdRows);
		List<Object[]> taskRows = new ArrayList<>();
		deltas.forEach((grid, d) -> taskRows.add(new Object[] { d[0], d[1], d[2], d[3], d[4], d[5], d[6], id,
				district, grid }));
		template.batchUpdate("""
				UPDATE screening_task SET screened_households = screened_households + ?,
				screened_persons = screened_persons + ?, abnormal_households = abnormal_households + ?,
				abnormal_persons = abnormal_persons + ?, unreachable = unreachable + ?, moved_out = moved_out + ?,
				new_persons = new_persons + ? WHERE campaign_id = ? AND district_code = ? AND grid_code = ?""", taskRows);
		if (forbidden > 0) {
			audit.record("ACCESS_DENIED", "screeningCampaign", String.valueOf(id), AuditTrail.DENIED,
					forbidden + " record(s) for households outside scope");
		}
		return results;
	}

	private void keyPerson(CurrentUser user, long campaign, String district, long household, String grid,
			ResidentView person, String reasons, OffsetDateTime now) {
		residents.tag(user, person.id(), ABNORMAL_TAG);
		int updated = jdbc.sql("""
				UPDATE screening_key_person SET reasons = ? WHERE campaign_id = ? AND district_code = ? AND resident_id = ?""")
				.params(truncate(reasons, 400), campaign, district, person.id()).update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO screening_key_person (campaign_id, district_code, resident_id, household_id, grid_code, name,
					id_number_masked, reasons, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(campaign, district, person.id(), household, grid, person.name(), person.idNumber(),
							truncate(reasons, 400), now)
					.update();
		}
	}

	/** The form of every record; a malformed one fails the batch, naming its position (1-based). */
	private void check(Questionnaire questionnaire, List<RecordInput> records) {
		if (records == null || records.isEmpty()) {
			throw new InvalidInputException("screening.batch.empty");
		}
		if (records.size() > Screening.MAX_BATCH) {
			throw new InvalidInputException("screening.batch.tooLarge", Screening.MAX_BATCH, records.size());
		}
		for (int i = 0; i < records.size(); i++) {
			int n = i + 1;
			RecordInput r = records.get(i);
			if (r == null) {
				throw new InvalidInputException("screening.record.empty", n);
			}
			if (!isUuid(r.clientId())) {
				throw new InvalidInputException("screening.record.clientId", n);
			}
			if (r.householdId() == null) {
				throw new InvalidInputException("screening.record.household", n);
			}
			if (r.outcome() == null || !Outcome.isValid(r.outcome())) {
				throw new InvalidInputException("screening.record.outcome", n, String.valueOf(r.outcome()));
			}
			if (r.answers() != null && json.writeValueAsString(r.answers()).length() > 4000) {
				throw new InvalidInputException("screening.record.answers", n);
			}
			Outcome outcome = Outcome.valueOf(r.outcome());
			List<RecordInput.PersonAnswer> persons = r.persons() == null ? List.of() : r.persons();
			if (outcome == Outcome.EXCEPTION && persons.isEmpty()) {
				throw new InvalidInputException("screening.record.persons", n);
			}
			if (outcome != Outcome.EXCEPTION && !persons.isEmpty()) {
				throw new InvalidInputException("screening.record.personsNotExpected", n, outcome.name());
			}
			if (persons.size() > 50 || persons.stream().map(RecordInput.PersonAnswer::residentId).distinct()
					.count() != persons.size()) {
				throw new InvalidInputException("screening.record.persons", n);
			}
			for (RecordInput.PersonAnswer p : persons) {
				checkPerson(questionnaire, p, n);
			}
			if (outcome == Outcome.NEW_PERSON) {
				checkNewPerson(r.newPerson(), n);
			}
		}
	}

	private static void checkPerson(Questionnaire questionnaire, RecordInput.PersonAnswer p, int n) {
		if (p == null || p.residentId() == null) {
			throw new InvalidInputException("screening.person.resident", n);
		}
		if (p.temperature() != null && (p.temperature().isNaN() || p.temperature() < Questionnaire.MIN_TEMPERATURE
				|| p.temperature() > Questionnaire.MAX_TEMPERATURE)) {
			throw new InvalidInputException("screening.person.temperature", n, p.temperature(),
					Questionnaire.MIN_TEMPERATURE, Questionnaire.MAX_TEMPERATURE);
		}
		if (p.symptoms() != null) {
			for (String symptom : p.symptoms()) {
				if (symptom == null || !questionnaire.symptomList().contains(symptom)) {
					throw new InvalidInputException("screening.person.symptom", n, String.valueOf(symptom));
				}
			}
		}
		if (p.note() != null && p.note().length() > 200) {
			throw new InvalidInputException("screening.person.note", n);
		}
	}

	private static void checkNewPerson(RecordInput.@Nullable NewPerson person, int n) {
		if (person == null) {
			throw new InvalidInputException("screening.newPerson.name", n);
		}
	}

	/** What is wrong with a new person's name, ID number or phone (a message key), or null. */
	private static @Nullable String problemOf(RecordInput.NewPerson person) {
		if (person.name() == null || person.name().isBlank() || person.name().strip().length() > 50) {
			return "screening.newPerson.nameInvalid";
		}
		if (person.idNumber() == null) {
			return "idNumber.EMPTY";
		}
		var idProblem = IdNumber.problemOf(person.idNumber());
		if (idProblem.isPresent()) {
			return "idNumber." + idProblem.get().name();
		}
		if (person.phone() != null && !person.phone().isBlank()
				&& !PhoneNumber.isValid(PhoneNumber.normalise(person.phone()))) {
			return "screening.newPerson.phoneInvalid";
		}
		return null;
	}

	private static boolean isUuid(@Nullable String value) {
		if (value == null || value.length() != 36) {
			return false;
		}
		try {
			UUID.fromString(value);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String truncate(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max);
	}
}
