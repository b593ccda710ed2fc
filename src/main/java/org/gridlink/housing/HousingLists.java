package org.gridlink.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.gridlink.housing.EligibilityRules.Facts;
import org.gridlink.housing.EligibilityRules.Reason;
import org.gridlink.housing.EligibilityRules.Verdict;
import org.gridlink.housing.HousingViews.Agreement;
import org.gridlink.housing.HousingViews.HouseholdRow;
import org.gridlink.housing.HousingViews.ListState;
import org.gridlink.housing.HousingViews.Notice;
import org.gridlink.housing.HousingViews.NoticeInput;
import org.gridlink.housing.HousingViews.Objection;
import org.gridlink.housing.HousingViews.ObjectionInput;
import org.gridlink.housing.HousingViews.ReasonView;
import org.gridlink.housing.HousingViews.RulesInput;
import org.gridlink.housing.HousingViews.RunResult;
import org.gridlink.housing.HousingViews.Survey;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.residents.HouseholdFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The eligibility list of a project: its rules, running them over every household's facts (latest survey, registry
 * care tags), the households with their explained results, the public notice period (公示), objections recorded and
 * answered, and making the list final — only after the notice period and with every objection answered; then
 * {@code housing_household.eligible}, {@code priority_rank} and {@code list_final} are written.
 */
@Service
public class HousingLists {

	/** An 18-character ID number or a mainland mobile number: never in a public text. */
	public static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");
	public static final Pattern PHONE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final HousingDirectory directory;
	private final HousingProjects projects;
	private final HouseholdFacts households;
	private final Jurisdictions jurisdictions;
	private final ObjectProvider<HousingChoiceFacts> choices;
	private final MessageSource messages;
	private final AuditTrail audit;
	private final Clock clock;

	HousingLists(JdbcClient jdbc, JdbcTemplate template, HousingDirectory directory, HousingProjects projects,
			HouseholdFacts households, Jurisdictions jurisdictions, ObjectProvider<HousingChoiceFacts> choices,
			MessageSource messages, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.directory = directory;
		this.projects = projects;
		this.households = households;
		this.jurisdictions = jurisdictions;
		this.choices = choices;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	private static void require(boolean allowed) {
		if (!allowed) {
			throw new AccessDeniedException("housing list");
		}
	}

	private void notFinal(long projectId) {
		if (projects.listState(projectId) == ListState.FINAL) {
			throw new ConflictException("housing.list.final");
		}
	}

	// ------------------------------------------------------------------ rules

	@Transactional
	public EligibilityRules saveRules(CurrentUser user, long projectId, RulesInput in) {
		require(HousingAccess.runsList(user));
		directory.require(user, projectId);
		List<PriorityGroup> groups = new ArrayList<>();
		for (String code : in.priorityGroups() == null ? List.<String>of() : in.priorityGroups()) {
			PriorityGroup g = PriorityGroup.parse(code);
			if (g == null) {
				throw new InvalidInputException("housing.rules.group.invalid");
			}
			groups.add(g);
		}
		Set<String> grades = new LinkedHashSet<>();
		for (String g : in.unsafeGrades() == null ? List.<String>of() : in.unsafeGrades()) {
			if (!EligibilityRules.GRADES.contains(g)) {
				throw new InvalidInputException("housing.rules.grade.invalid");
			}
			grades.add(g);
		}
		if (grades.isEmpty()) {
			throw new InvalidInputException("housing.rules.grade.invalid");
		}
		boolean required = in.groupRequired() == null || in.groupRequired();
		if (required && groups.isEmpty()) {
			throw new InvalidInputException("housing.rules.group.required");
		}
		notFinal(projectId);
		jdbc.sql("DELETE FROM housing_rule_set WHERE project_id = ?").param(projectId).update();
		jdbc.sql("INSERT INTO housing_rule_set (project_id, priority_groups, unsafe_grades, group_required, updated_at,"
				+ " updated_by) VALUES (?, ?, ?, ?, ?, ?)").params(projectId,
						String.join(",", groups.stream().map(Enum::name).toList()), String.join(",", grades), required,
						OffsetDateTime.now(clock), user.username()).update();
		audit.record("HOUSING_RULES", "housing_project", String.valueOf(projectId), AuditTrail.SUCCESS,
				groups + " " + grades + " required=" + required);
		return projects.rules(projectId);
	}

	// ------------------------------------------------------------------ run

	/** Runs the rules over all the project's households; refused once the list is final. */
	@Transactional
	public RunResult run(CurrentUser user, long projectId) {
		require(HousingAccess.runsList(user));
		directory.require(user, projectId);
		notFinal(projectId);
		List<Verdict> verdicts = evaluate(projectId);
		store(projectId, verdicts);
		int eligible = (int) verdicts.stream().filter(Verdict::eligible).count();
		audit.record("HOUSING_LIST_RUN", "housing_project", String.valueOf(projectId), AuditTrail.SUCCESS,
				eligible + " of " + verdicts.size());
		return new RunResult(verdicts.size(), eligible);
	}

	/** The verdicts of every household of the project, in list order: a pure function of the stored facts. */
	List<Verdict> evaluate(long projectId) {
		EligibilityRules rules = projects.rules(projectId);
		Map<Long, Set<PriorityGroup>> registry = registryGroups(projectId);
		Map<Long, Facts> facts = new HashMap<>();
		jdbc.sql("SELECT h.id, h.household_id, h.family_size FROM housing_household h WHERE h.project_id = ?")
				.param(projectId).query(rs -> {
					long id = rs.getLong(1);
					facts.put(id, new Facts(id, false, false, null, null, rs.getInt(3),
							registry.getOrDefault(rs.getLong(2), Set.of()), Set.of()));
				});
		jdbc.sql("SELECT s.member_id, s.has_house, s.safety_grade, s.willingness, s.family_size, s.group_codes FROM"
				+ " housing_survey s WHERE s.project_id = ? AND s.id = (SELECT MAX(l.id) FROM housing_survey l WHERE"
				+ " l.member_id = s.member_id)").param(projectId).query(rs -> {
					Facts known = facts.get(rs.getLong(1));
					if (known != null) {
						facts.put(known.memberId(), new Facts(known.memberId(), true, rs.getBoolean(2), rs.getString(3),
								rs.getString(4), rs.getInt(5), known.registryGroups(),
								EligibilityRules.groupSet(rs.getString(6))));
					}
				});
		return rules.order(facts.values().stream().map(rules::evaluate).toList());
	}

	/** Registry household id → the priority groups its residents' care tags show. */
	private Map<Long, Set<PriorityGroup>> registryGroups(long projectId) {
		List<String> villages = projects.villageCodes(projectId);
		Map<Long, Set<PriorityGroup>> out = new HashMap<>();
		for (PriorityGroup g : PriorityGroup.values()) {
			if (g.registryTag() != null) {
				for (Long household : households.taggedHouseholds(villages, List.of(g.registryTag()))) {
					out.computeIfAbsent(household, k -> EnumSet.noneOf(PriorityGroup.class)).add(g);
				}
			}
		}
		return out;
	}

	void store(long projectId, List<Verdict> ordered) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		jdbc.sql("DELETE FROM housing_result WHERE project_id = ?").param(projectId).update();
		List<Object[]> rows = new ArrayList<>();
		int place = 0;
		for (Verdict v : ordered) {
			rows.add(new Object[] { v.memberId(), projectId, v.eligible(),
					String.join(",", v.groups().stream().map(Enum::name).toList()),
					String.join("|", v.reasons().stream().map(Reason::encoded).toList()),
					v.eligible() ? ++place : null, now });
		}
		template.batchUpdate("INSERT INTO housing_result (member_id, project_id, eligible, group_codes, reasons, "
				+ "list_place, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
		template.batchUpdate("UPDATE housing_household SET eligible = ? WHERE id = ?",
				ordered.stream().map(v -> new Object[] { v.eligible(), v.memberId() }).toList());
	}

	// ------------------------------------------------------------------ households

	/** The households the caller sees, in list order (eligible by place, then the others), masked, with reasons. */
	public Page<HouseholdRow> households(CurrentUser user, long projectId, @Nullable Boolean eligibleOnly,
			Pageable pageable, Locale locale) {
		require(HousingAccess.reads(user));
		directory.require(user, projectId);
		String where = " FROM housing_household h LEFT JOIN housing_result r ON r.member_id = h.id WHERE h.project_id = ?"
				+ " AND " + directory.householdSql(user, "h")
				+ (eligibleOnly == null ? "" : eligibleOnly ? " AND r.eligible = TRUE" : " AND (r.eligible IS NULL OR r.eligible = FALSE)");
		long total = jdbc.sql("SELECT COUNT(*)" + where).param(projectId).query(Long.class).single();
		List<Object[]> raw = jdbc.sql("SELECT h.id, h.household_id, h.village_code, h.head_masked, h.family_size,"
				+ " r.eligible, r.group_codes, r.reasons, r.list_place, h.priority_rank, h.list_final" + where
				+ " ORDER BY CASE WHEN r.list_place IS NULL THEN 1 ELSE 0 END, r.list_place, h.id LIMIT ? OFFSET ?")
				.params(projectId, pageable.getPageSize(), pageable.getOffset())
				.query((rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getInt(5), rs.getObject(6) == null ? null : rs.getBoolean(6), rs.getString(7),
						rs.getString(8), rs.getObject(9) == null ? null : rs.getInt(9),
						rs.getObject(10) == null ? null : rs.getInt(10), rs.getBoolean(11) })
				.list();
		List<Long> ids = raw.stream().map(r -> (Long) r[0]).toList();
		Map<Long, Survey> surveys = latestSurveys(ids);
		Map<Long, HousingChoiceFacts.HouseholdChoice> chosen = new HashMap<>();
		HousingChoiceFacts facts = choices.getIfAvailable();
		if (facts != null && !ids.isEmpty()) {
			chosen.putAll(facts.choices(projectId, ids));
		}
		Map<String, String> villageNames = jurisdictions.names(raw.stream().map(r -> (String) r[2]).distinct().toList());
		List<HouseholdRow> rows = new ArrayList<>();
		for (Object[] r : raw) {
			long id = (Long) r[0];
			String groups = r[6] == null ? "" : (String) r[6];
			HousingChoiceFacts.HouseholdChoice choice = chosen.get(id);
			Agreement agreement = choice == null || (choice.agreementState() == null && choice.agreementNumber() == null)
					? null : new Agreement(choice.agreementState(), choice.agreementNumber());
			rows.add(new HouseholdRow(id, (Long) r[1], (String) r[2], villageNames.getOrDefault((String) r[2],
					(String) r[2]), (String) r[3], (Integer) r[4], surveys.get(id), (Boolean) r[5],
					HousingSurveys.codes(groups), reasons(r[7] == null ? "" : (String) r[7], locale), (Integer) r[8],
					(Integer) r[9], (Boolean) r[10], choice, agreement));
		}
		return new PageImpl<>(rows, pageable, total);
	}

	private Map<Long, Survey> latestSurveys(List<Long> memberIds) {
		Map<Long, Survey> out = new HashMap<>();
		if (memberIds.isEmpty()) {
			return out;
		}
		jdbc.sql("SELECT s.member_id, s.has_house, s.safety_grade, s.willingness, s.family_size, s.group_codes,"
				+ " s.special_needs, s.surveyed_at FROM housing_survey s WHERE s.member_id IN ("
				+ "?, ".repeat(memberIds.size() - 1) + "?) AND s.id = (SELECT MAX(l.id) FROM housing_survey l WHERE"
				+ " l.member_id = s.member_id)").params(memberIds.toArray()).query(rs -> {
					out.put(rs.getLong(1), new Survey(rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getInt(5),
							HousingSurveys.codes(rs.getString(6)), rs.getString(7),
							rs.getObject(8, OffsetDateTime.class).atZoneSameInstant(HousingProjects.DISTRICT_ZONE)
									.toLocalDate()));
				});
		return out;
	}

	/** The stored reasons in words. */
	List<ReasonView> reasons(String encoded, Locale locale) {
		List<ReasonView> out = new ArrayList<>();
		for (String part : encoded.split("\\|")) {
			if (part.isBlank()) {
				continue;
			}
			Reason reason = Reason.decode(part);
			Object[] args;
			if ("GROUP".equals(reason.code())) {
				String[] gs = reason.fact().split("@");
				args = new Object[] { word("housing.group." + gs[0], locale),
						word("housing.source." + (gs.length > 1 ? gs[1] : "SURVEY"), locale) };
			}
			else {
				args = new Object[] { reason.fact() };
			}
			out.add(new ReasonView(reason.code(), reason.fact(),
					messages.getMessage("housing.reason." + reason.code(), args, reason.code(), locale)));
		}
		return out;
	}

	private String word(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	// ------------------------------------------------------------------ notice period and objections

	@Transactional
	public void openNotice(CurrentUser user, long projectId, NoticeInput in) {
		require(HousingAccess.runsList(user));
		directory.require(user, projectId);
		if (in.startsOn() == null || in.endsOn() == null || in.endsOn().isBefore(in.startsOn())
				|| in.endsOn().isAfter(in.startsOn().plusDays(90))
				|| in.startsOn().isBefore(projects.today().minusDays(30))) {
			throw new InvalidInputException("housing.notice.dates.invalid", 90);
		}
		ListState state = projects.listState(projectId);
		if (state == ListState.FINAL) {
			throw new ConflictException("housing.list.final");
		}
		if (state == ListState.NOT_RUN) {
			throw new ConflictException("housing.notice.not.run");
		}
		jdbc.sql("DELETE FROM housing_notice WHERE project_id = ?").param(projectId).update();
		jdbc.sql("INSERT INTO housing_notice (project_id, starts_on, ends_on, opened_at, opened_by) VALUES (?, ?, ?, ?, ?)")
				.params(projectId, in.startsOn(), in.endsOn(), OffsetDateTime.now(clock), user.username()).update();
		audit.record("HOUSING_NOTICE", "housing_project", String.valueOf(projectId), AuditTrail.SUCCESS,
				in.startsOn() + ".." + in.endsOn());
	}

	/** Refuses a text that would show an ID number or a phone on the public board. */
	static String publicText(@Nullable String text, String key) {
		String clean = text == null ? "" : text.strip();
		if (clean.isEmpty() || clean.length() > 1000) {
			throw new InvalidInputException(key, 1000);
		}
		if (ID_NUMBER.matcher(clean).find() || PHONE.matcher(clean).find()) {
			throw new InvalidInputException("housing.text.personal");
		}
		return clean;
	}

	@Transactional
	public long recordObjection(CurrentUser user, long projectId, ObjectionInput in) {
		require(HousingAccess.recordsObjections(user));
		directory.require(user, projectId);
		String text = publicText(in.text(), "housing.objection.text.invalid");
		LocalDate today = projects.today();
		if (in.raisedOn() == null || in.raisedOn().isAfter(today) || in.raisedOn().isBefore(today.minusDays(120))) {
			throw new InvalidInputException("housing.objection.date.invalid");
		}
		String village;
		if (in.householdId() != null) {
			village = jdbc.sql("SELECT h.village_code FROM housing_household h WHERE h.id = ? AND h.project_id = ? AND "
					+ directory.householdSql(user, "h")).params(in.householdId(), projectId).query(String.class)
					.optional().orElseThrow(() -> new NotFoundException("housing.household.not.found",
							String.valueOf(in.householdId())));
		}
		else {
			village = in.villageCode();
			if (village == null || !projects.villageCodes(projectId).contains(village)
					|| !user.scope().covers(village)) {
				throw new InvalidInputException("housing.objection.village.invalid");
			}
		}
		ListState state = projects.listState(projectId);
		if (state == ListState.FINAL) {
			throw new ConflictException("housing.list.final");
		}
		if (state != ListState.NOTICE && state != ListState.NOTICE_ENDED) {
			throw new ConflictException("housing.objection.no.notice");
		}
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO housing_objection (project_id, member_id, village_code, body, raised_on, recorded_at,"
				+ " recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)").params(projectId, in.householdId(), village, text,
						in.raisedOn(), OffsetDateTime.now(clock), user.username()).update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record("HOUSING_OBJECTION", "housing_objection", String.valueOf(id), AuditTrail.SUCCESS, null);
		return id;
	}

	@Transactional
	public void answer(CurrentUser user, long objectionId, @Nullable String answer) {
		require(HousingAccess.answersObjections(user));
		long[] found = jdbc.sql("SELECT project_id FROM housing_objection WHERE id = ?").param(objectionId)
				.query((rs, i) -> new long[] { rs.getLong(1) }).optional()
				.orElseThrow(() -> new NotFoundException("housing.objection.not.found", String.valueOf(objectionId)));
		long projectId = found[0];
		directory.require(user, projectId);
		String village = jdbc.sql("SELECT village_code FROM housing_objection WHERE id = ?").param(objectionId)
				.query(String.class).single();
		if (!user.scope().covers(village)) {
			throw new NotFoundException("housing.objection.not.found", String.valueOf(objectionId));
		}
		String text = publicText(answer, "housing.objection.answer.invalid");
		notFinal(projectId);
		jdbc.sql("UPDATE housing_objection SET answer = ?, answered_at = ?, answered_by = ? WHERE id = ?")
				.params(text, OffsetDateTime.now(clock), user.username(), objectionId).update();
		audit.record("HOUSING_OBJECTION_ANSWER", "housing_objection", String.valueOf(objectionId), AuditTrail.SUCCESS,
				null);
	}

	/** The objections of the project in the caller's villages, oldest first. */
	public List<Objection> objections(CurrentUser user, long projectId) {
		require(HousingAccess.reads(user));
		directory.require(user, projectId);
		return objections(projectId, "(" + user.scope().sqlCondition("o.village_code") + " OR o.member_id IN (SELECT h.id"
				+ " FROM housing_household h WHERE " + directory.householdSql(user, "h") + "))");
	}

	List<Objection> objections(long projectId, String condition) {
		return jdbc.sql("SELECT o.id, o.project_id, o.member_id, h.head_masked, o.village_code, o.body, o.raised_on,"
				+ " o.answer, o.answered_at FROM housing_objection o LEFT JOIN housing_household h ON h.id = o.member_id"
				+ " WHERE o.project_id = ? AND " + condition + " ORDER BY o.raised_on, o.id").param(projectId)
				.query((rs, i) -> new Objection(rs.getLong(1), rs.getLong(2),
						rs.getObject(3) == null ? null : rs.getLong(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8),
						rs.getObject(9) == null ? null : rs.getObject(9, OffsetDateTime.class)
								.atZoneSameInstant(HousingProjects.DISTRICT_ZONE).toLocalDate()))
				.list();
	}

	public long unanswered(long projectId) {
		return jdbc.sql("SELECT COUNT(*) FROM housing_objection WHERE project_id = ? AND answer IS NULL")
				.param(projectId).query(Long.class).single();
	}

	// ------------------------------------------------------------------ final

	/**
	 * Makes the list final: the notice period must be over and every objection answered. Writes eligibility, the
	 * priority rank (the place in the list) and {@code list_final} on every household of the project.
	 */
	@Transactional
	public int finalise(CurrentUser user, long projectId) {
		require(HousingAccess.runsList(user));
		directory.require(user, projectId);
		ListState state = projects.listState(projectId);
		if (state == ListState.FINAL) {
			throw new ConflictException("housing.list.final");
		}
		if (state != ListState.NOTICE_ENDED) {
			throw new ConflictException("housing.final.notice");
		}
		long open = unanswered(projectId);
		if (open > 0) {
			throw new ConflictException("housing.final.unanswered", open);
		}
		int ranked = writeFinal(projectId, user.username());
		audit.record("HOUSING_LIST_FINAL", "housing_project", String.valueOf(projectId), AuditTrail.SUCCESS,
				ranked + " ranked");
		return ranked;
	}

	int writeFinal(long projectId, String by) {
		jdbc.sql("UPDATE housing_household SET eligible = (SELECT r.eligible FROM housing_result r WHERE r.member_id ="
				+ " housing_household.id), priority_rank = (SELECT r.list_place FROM housing_result r WHERE r.member_id ="
				+ " housing_household.id), list_final = TRUE WHERE project_id = ?").param(projectId).update();
		jdbc.sql("UPDATE housing_notice SET final_at = ?, final_by = ? WHERE project_id = ?")
				.params(OffsetDateTime.now(clock), by, projectId).update();
		return jdbc.sql("SELECT COUNT(*) FROM housing_household WHERE project_id = ? AND priority_rank IS NOT NULL")
				.param(projectId).query(Integer.class).single();
	}

	/** The notice, for the pages. */
	public @Nullable Notice notice(long projectId) {
		return projects.notice(projectId);
	}
}
