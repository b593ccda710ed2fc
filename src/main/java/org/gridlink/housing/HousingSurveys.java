package org.gridlink.housing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.gridlink.housing.HousingViews.ListState;
import org.gridlink.housing.HousingViews.SavedSurvey;
import org.gridlink.housing.HousingViews.SurveyInput;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The household survey on a phone: house condition (has a house, safety grade A–D), willingness, family size, the
 * priority groups the surveyor saw proof of, special needs. A household's latest survey counts; the client id makes a
 * resend after a lost answer the same survey (answered with the stored one, nothing added). Refused once the list is
 * final.
 */
@Service
public class HousingSurveys {

	static final Pattern CLIENT_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
			+ "[0-9a-fA-F]{12}");
	static final List<String> WILLINGNESS = List.of("WILLING", "UNDECIDED", "UNWILLING");

	private final JdbcClient jdbc;
	private final HousingDirectory directory;
	private final HousingProjects projects;
	private final AuditTrail audit;
	private final Clock clock;

	HousingSurveys(JdbcClient jdbc, HousingDirectory directory, HousingProjects projects, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.projects = projects;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public SavedSurvey record(CurrentUser user, long projectId, SurveyInput in) {
		if (!HousingAccess.surveys(user)) {
			throw new AccessDeniedException("housing survey");
		}
		directory.require(user, projectId);
		if (in.clientId() == null || !CLIENT_ID.matcher(in.clientId()).matches()) {
			throw new InvalidInputException("housing.survey.client.invalid");
		}
		Optional<long[]> known = jdbc.sql("SELECT id, member_id, project_id FROM housing_survey WHERE client_id = ?")
				.param(in.clientId().toLowerCase()).query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2),
						rs.getLong(3) }).optional();
		if (known.isPresent()) {
			if (known.get()[2] != projectId) {
				throw new ConflictException("housing.survey.client.used");
			}
			return new SavedSurvey(known.get()[0], known.get()[1], false);
		}
		if (in.householdId() == null) {
			throw new InvalidInputException("housing.survey.household.invalid");
		}
		boolean inScope = jdbc.sql("SELECT COUNT(*) FROM housing_household h WHERE h.id = ? AND h.project_id = ? AND "
				+ directory.householdSql(user, "h")).params(in.householdId(), projectId).query(Long.class).single() > 0;
		if (!inScope) {
			throw new NotFoundException("housing.household.not.found", String.valueOf(in.householdId()));
		}
		if (in.hasHouse() == null) {
			throw new InvalidInputException("housing.survey.house.invalid");
		}
		String grade = in.safetyGrade() == null || in.safetyGrade().isBlank() ? null : in.safetyGrade().strip();
		if (in.hasHouse() ? grade == null || !EligibilityRules.GRADES.contains(grade) : grade != null) {
			throw new InvalidInputException("housing.survey.grade.invalid");
		}
		if (in.willingness() == null || !WILLINGNESS.contains(in.willingness())) {
			throw new InvalidInputException("housing.survey.willingness.invalid");
		}
		if (in.familySize() == null || in.familySize() < 1 || in.familySize() > 30) {
			throw new InvalidInputException("housing.survey.family.invalid", 30);
		}
		Set<String> groups = new LinkedHashSet<>();
		for (String g : in.groups() == null ? List.<String>of() : in.groups()) {
			PriorityGroup group = PriorityGroup.parse(g);
			if (group == null) {
				throw new InvalidInputException("housing.survey.group.invalid");
			}
			groups.add(group.name());
		}
		String needs = in.specialNeeds() == null ? "" : in.specialNeeds().strip();
		if (needs.length() > 500) {
			throw new InvalidInputException("housing.survey.needs.invalid", 500);
		}
		if (projects.listState(projectId) == ListState.FINAL) {
			throw new ConflictException("housing.list.final");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO housing_survey (project_id, member_id, client_id, has_house, safety_grade, willingness,"
				+ " family_size, group_codes, special_needs, surveyed_at, surveyed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
				+ " ?, ?)").params(projectId, in.householdId(), in.clientId().toLowerCase(), in.hasHouse(), grade,
						in.willingness(), in.familySize(), String.join(",", groups), needs, OffsetDateTime.now(clock),
						user.username()).update(keys, "id");
		jdbc.sql("UPDATE housing_household SET family_size = ? WHERE id = ?").params(in.familySize(), in.householdId())
				.update();
		long id = keys.getKey().longValue();
		audit.record("HOUSING_SURVEY", "housing_household", String.valueOf(in.householdId()), AuditTrail.SUCCESS,
				"survey " + id);
		return new SavedSurvey(id, in.householdId(), true);
	}

	/** The groups as codes from their stored text. */
	static List<String> codes(String text) {
		List<String> out = new ArrayList<>();
		for (String c : text.split(",")) {
			if (!c.isBlank()) {
				out.add(c.strip());
			}
		}
		return out;
	}
}
