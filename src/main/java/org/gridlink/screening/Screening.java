package org.gridlink.screening;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.residents.ResidentView;
import org.gridlink.residents.Residents;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.JurisdictionLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Screening campaigns. Every read and write is checked against the caller's roles and jurisdiction scope: managers
 * (center, street, community) prepare and start campaigns in their scope, grid workers record in their own grids,
 * leaders read. Progress is summed from per-grid counters kept in step with the records.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Screening {

	/** Most records one request may carry. */
	public static final int MAX_BATCH = 500;

	private static final String CAMPAIGN_COLUMNS = """
			id, name, jurisdiction_code, period_from, period_to, questionnaire, status, created_by, created_at,
			started_at, closed_at, grids_total, grids_done""";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Residents residents;
	private final Jurisdictions jurisdictions;
	private final AuditTrail audit;
	private final RecordWriter writer;
	private final ResultWorkbook workbook;
	private final CampaignStarter starter;
	private final Clock clock;
	private final Campaigns campaigns;
	private final org.springframework.context.ApplicationEventPublisher events;

	Screening(JdbcClient jdbc, JsonMapper json, Residents residents,
			Jurisdictions jurisdictions, AuditTrail audit, RecordWriter writer, ResultWorkbook workbook,
			CampaignStarter starter, Clock clock, Campaigns campaigns,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.campaigns = campaigns;
		this.clock = clock;
		this.jdbc = jdbc;
		this.json = json;
		this.residents = residents;
		this.jurisdictions = jurisdictions;
		this.audit = audit;
		this.writer = writer;
		this.workbook = workbook;
		this.starter = starter;
	}

	/** Prepares a campaign (DRAFT) on a jurisdiction of the caller's scope. */
	@Transactional
	public CampaignView create(CurrentUser user, NewCampaign campaign) {
		requireManager(user);
		String name = campaign.name() == null ? "" : campaign.name().strip();
		if (name.isEmpty() || name.length() > 100) {
			throw new InvalidInputException("screening.name.invalid");
		}
		String code = campaign.jurisdictionCode() == null ? "" : campaign.jurisdictionCode().strip();
		if (!JurisdictionCode.isValid(code)) {
			throw new InvalidInputException("screening.jurisdiction.invalid", code);
		}
		try {
			jurisdictions.node(user, code);
		}
		catch (NotFoundException ex) {
			// a code of the caller's area that names nothing: a field error, not a missing page (out of the area: 403)
			throw new InvalidInputException("screening.jurisdiction.unknown", code);
		}
		if (campaign.from() == null || campaign.to() == null || campaign.to().isBefore(campaign.from())) {
			throw new InvalidInputException("screening.period.invalid");
		}
		Questionnaire questionnaire = campaign.questionnaire() == null ? Questionnaire.standard()
				: campaign.questionnaire();
		if (questionnaire.symptomList().size() > 30 || questionnaire.travelAreas().size() > 50
				|| questionnaire.symptomList().stream().anyMatch(s -> s.length() > 30)
				|| questionnaire.travelAreas().stream().anyMatch(s -> s.length() > 50)) {
			throw new InvalidInputException("screening.questionnaire.invalid");
		}
		String questions = json.writeValueAsString(questionnaire);
		JurisdictionCode jc = JurisdictionCode.of(code);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO screening_campaign (district_code, jurisdiction_code, code_prefix, name, period_from, period_to,
				questionnaire, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
				.params(jc.districtCode(), code, jc.prefix(), name, campaign.from(), campaign.to(), questions,
						user.username(), OffsetDateTime.now(clock))
				.update(key, "id");
		long id = key.getKeyAs(Long.class);
		audit.record("SCREENING_CREATE", "screeningCampaign", String.valueOf(id), AuditTrail.SUCCESS,
				"jurisdiction=" + code);
		return get(user, id);
	}

	/**
	 * Starts a draft and returns at once: the campaign becomes STARTING and, once this transaction has committed, a
	 * background worker ({@link CampaignStarter}) creates one task per grid under the campaign's jurisdiction, each
	 * with a snapshot of the grid's households taken from the residents registry, grid by grid. The campaign becomes
	 * RUNNING (records accepted) when every grid is done; {@code gridsDone} / {@code gridsTotal} tell how far it got.
	 */
	@Transactional
	public CampaignView start(CurrentUser user, long id) {
		CampaignView view = managed(user, id);
		String prefix = JurisdictionCode.of(view.jurisdictionCode()).prefix();
		int grids = (int) jurisdictions.list(user, JurisdictionLevel.GRID, null, PageRequest.of(0, 100_000))
				.getContent().stream().map(JurisdictionNode::code).filter(c -> c.startsWith(prefix)).count();
		step(aggregate(id).start(grids));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					starter.schedule(id);
				}
			});
		}
		else {
			starter.schedule(id);
		}
		return get(user, id);
	}

	/** Closes a running campaign: no more records are accepted. */
	@Transactional
	public CampaignView close(CurrentUser user, long id) {
		managed(user, id);
		step(aggregate(id).close(OffsetDateTime.now(clock)));
		return get(user, id);
	}

	private Campaign aggregate(long id) {
		return campaigns.find(id).orElseThrow(() -> new NotFoundException("screening.not.found", "" + id));
	}

	/** Writes a step under the version it was read at and audits its event; refused if the campaign moved on. */
	private void step(Campaign.Step step) {
		if (!campaigns.save(step)) { // another step came first (e.g. started by someone else meanwhile)
			throw new InvalidInputException("screening.status.invalid",
					find(step.after().id()).map(c -> c.status().name()).orElse("?"));
		}
		audit.record(step.event().auditAction(), "screeningCampaign", String.valueOf(step.after().id()),
				AuditTrail.SUCCESS, step.event().detail());
	}

	/** One campaign the caller may see: its jurisdiction lies in their scope or contains part of it. */
	public CampaignView get(CurrentUser user, long id) {
		requireReader(user);
		CampaignView campaign = find(id).orElseThrow(() -> new NotFoundException("screening.not.found", "" + id));
		if (!visible(user, campaign.jurisdictionCode())) {
			throw new OutOfScopeException("screeningCampaign", String.valueOf(id));
		}
		return campaign;
	}

	/** Campaigns the caller may see, newest first. */
	public List<CampaignView> list(CurrentUser user) {
		requireReader(user);
		List<String> prefixes = user.scope().prefixes();
		if (prefixes.isEmpty()) {
			return List.of();
		}
		StringBuilder where = new StringBuilder();
		for (String p : prefixes) {
			where.append(where.isEmpty() ? "" : " OR ").append("code_prefix LIKE '").append(p).append("%' OR '")
					.append(p).append("' LIKE code_prefix || '%'");
		}
		return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM screening_campaign WHERE " + where
				+ " ORDER BY id DESC LIMIT 200").query(this::campaign).list();
	}

	/** True when the caller may start and close this campaign and assign owners in it. */
	public boolean canManage(CurrentUser user, CampaignView campaign) {
		return ScreeningAccess.canManage(user) && user.scope().covers(campaign.jurisdictionCode());
	}

	/** True when the caller may prepare campaigns (in their scope). */
	public boolean canCreate(CurrentUser user) {
		return ScreeningAccess.canManage(user) && !user.scope().isEmpty();
	}

	/** True when the caller may assign follow-up owners of key persons in their scope. */
	public boolean canAssign(CurrentUser user) {
		return ScreeningAccess.canManage(user);
	}

	/**
	 * Writes the campaign's results in the caller's scope as an Excel workbook: households with their outcome, and
	 * key persons with masked ID numbers (never the full value; phones are not exported). Audited.
	 */
	@Transactional(readOnly = true)
	public void export(CurrentUser user, long id, java.util.Locale locale, java.io.OutputStream out)
			throws java.io.IOException {
		get(user, id);
		audit.record("SCREENING_EXPORT", "screeningCampaign", String.valueOf(id), AuditTrail.SUCCESS, null);
		workbook.write(this, user, id, locale, out);
	}

	/** True when the caller may record results. */
	public boolean canRecord(CurrentUser user) {
		return ScreeningAccess.canRecord(user);
	}

	/** True when the caller may record in this campaign now: it is running and has tasks in their grids. */
	public boolean canRecord(CurrentUser user, CampaignView campaign) {
		return canRecord(user) && campaign.status() == CampaignStatus.RUNNING && !myGrids(user, campaign.id()).isEmpty();
	}

	/**
	 * Progress of a node and its children, summed from the per-grid counters (at most one row per grid). Without
	 * a code: the campaign's jurisdiction when the caller covers it, else the caller's own node under it.
	 */
	@Transactional(readOnly = true)
	public Progress progress(CurrentUser user, long id, @Nullable String code) {
		CampaignView campaign = get(user, id);
		String node = code == null || code.isBlank() ? defaultNode(user, campaign) : code.strip();
		if (!JurisdictionCode.isValid(node)) {
			throw new InvalidInputException("screening.jurisdiction.invalid", node);
		}
		JurisdictionNode self = jurisdictions.node(user, node);
		JurisdictionCode jc = JurisdictionCode.of(node);
		int childLength = switch (jc.level()) {
			case DISTRICT -> 9;
			case STREET -> 12;
			case COMMUNITY, GRID -> 15;
		};
		Map<String, long[]> sums = new HashMap<>();
		String childCode = "SUBSTRING(grid_code, 1, " + childLength + ")"; // an int: inlined, as H2 groups by text
		jdbc.sql("SELECT " + childCode + " AS child, SUM(households), SUM(screened_households),"
				+ " SUM(abnormal_households), SUM(persons), SUM(screened_persons), SUM(abnormal_persons),"
				+ " SUM(unreachable), SUM(moved_out), SUM(new_persons)"
				+ " FROM screening_task WHERE campaign_id = ? AND grid_code LIKE ? GROUP BY " + childCode)
				.params(id, jc.prefix() + "%")
				.query((rs, i) -> {
					long[] v = new long[9];
					for (int k = 0; k < 9; k++) {
						v[k] = rs.getLong(k + 2);
					}
					String key = rs.getString(1);
					return Map.entry(childLength == 9 ? key + "000" : key, v);
				}).list().forEach(e -> sums.put(e.getKey(), e.getValue()));
		long[] total = new long[9];
		sums.values().forEach(v -> {
			for (int k = 0; k < 9; k++) {
				total[k] += v[k];
			}
		});
		List<Progress> children = new ArrayList<>();
		if (jc.level() != JurisdictionLevel.GRID) {
			for (JurisdictionNode child : jurisdictions.list(user, null, node, PageRequest.of(0, 2_000)).getContent()) {
				long[] v = sums.get(child.code());
				if (v != null) {
					children.add(progress(child, v, List.of()));
				}
			}
		}
		return progress(self, total, children);
	}

	private static Progress progress(JurisdictionNode node, long[] v, List<Progress> children) {
		return new Progress(node.code(), node.name(), node.level().name(), v[0], v[1], v[2], v[3], v[4], v[5], v[6],
				v[7], v[8], children);
	}

	private String defaultNode(CurrentUser user, CampaignView campaign) {
		if (user.scope().covers(campaign.jurisdictionCode())) {
			return campaign.jurisdictionCode();
		}
		String prefix = JurisdictionCode.of(campaign.jurisdictionCode()).prefix();
		return user.scope().codes().stream().filter(c -> c.startsWith(prefix)).sorted().findFirst()
				.orElseThrow(() -> new OutOfScopeException("screeningCampaign", String.valueOf(campaign.id())));
	}

	/** The grids of the campaign in the caller's scope (a grid worker's own grids), by code. */
	public List<String> myGrids(CurrentUser user, long id) {
		get(user, id);
		return jdbc.sql("SELECT grid_code FROM screening_task WHERE campaign_id = ? AND "
				+ user.scope().sqlCondition("grid_code") + " ORDER BY grid_code").param(id).query(String.class).list();
	}

	/** A grid's households in walking order with their state and masked members, for the phone page. */
	public List<TaskHousehold> households(CurrentUser user, long id, String grid) {
		get(user, id);
		if (!user.scope().covers(grid)) {
			throw new OutOfScopeException("grid", grid);
		}
		return jdbc.sql("""
				SELECT household_id, grid_code, label, members, outcome, abnormal_persons FROM screening_household
				WHERE campaign_id = ? AND grid_code = ? ORDER BY seq""").params(id, grid)
				.query((rs, i) -> new TaskHousehold(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
						rs.getString(5), rs.getInt(6), List.<ResidentView>of()))
				.list().stream()
				.map(h -> new TaskHousehold(h.householdId(), h.gridCode(), h.label(), h.members(), h.outcome(),
						h.abnormalPersons(), residents.members(h.householdId())))
				.toList();
	}

	/**
	 * Stores a batch of records (at most {@link #MAX_BATCH}); each gets its own result. Counters move in the same
	 * transaction. Malformed input rejects the whole batch with {@link InvalidInputException}.
	 */
	@Transactional
	public List<RecordResult> submit(CurrentUser user, long id, List<RecordInput> records) {
		if (!ScreeningAccess.canRecord(user)) {
			throw new OutOfScopeException("screeningCampaign", String.valueOf(id));
		}
		CampaignView campaign = get(user, id);
		aggregate(id).requireRunning();
		List<RecordResult> results = writer.write(user, campaign, records);
		events.publishEvent(new ScreeningProgressed(id)); // the command center resyncs the campaign's grids
		return results;
	}

	/** Key persons of the campaign in the caller's scope, by grid. */
	public List<KeyPerson> keyPersons(CurrentUser user, long id) {
		get(user, id);
		return jdbc.sql("""
				SELECT campaign_id, resident_id, household_id, grid_code, name, id_number_masked, reasons, owner, found_at
				FROM screening_key_person WHERE campaign_id = ? AND """ + user.scope().sqlCondition("grid_code")
				+ " ORDER BY grid_code, found_at, resident_id").param(id)
				.query((rs, i) -> new KeyPerson(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
						rs.getObject(9, OffsetDateTime.class)))
				.list();
	}

	/** Sets (or clears, with a blank owner) who follows a key person up. */
	@Transactional
	public void assignOwner(CurrentUser user, long id, long residentId, @Nullable String owner) {
		CampaignView campaign = get(user, id);
		if (!ScreeningAccess.canManage(user)) {
			throw new OutOfScopeException("screeningKeyPerson", String.valueOf(residentId));
		}
		String value = owner == null || owner.isBlank() ? null : owner.strip();
		if (value != null && value.length() > 64) {
			throw new InvalidInputException("screening.owner.invalid");
		}
		int updated = jdbc.sql("UPDATE screening_key_person SET owner = ?, owner_set_by = ?, owner_set_at = ?"
				+ " WHERE campaign_id = ? AND resident_id = ? AND " + user.scope().sqlCondition("grid_code"))
				.params(value, user.username(), OffsetDateTime.now(clock), campaign.id(), residentId).update();
		if (updated == 0) {
			throw new NotFoundException("screening.keyPerson.not.found", String.valueOf(residentId));
		}
		audit.record("SCREENING_OWNER", "resident", String.valueOf(residentId), AuditTrail.SUCCESS,
				"campaign=" + id + "; owner=" + value);
	}

	/** The households' results in the caller's scope, in walking order per grid, handed one by one to the sink. */
	public void forEachResult(CurrentUser user, long id, java.util.function.Consumer<ResultRow> sink) {
		get(user, id);
		try (java.util.stream.Stream<ResultRow> rows = jdbc.sql("""
				SELECT grid_code, household_id, label, members, outcome, abnormal_persons, screened_by, screened_at
				FROM screening_household WHERE campaign_id = ? AND """ + user.scope().sqlCondition("grid_code")
				+ " ORDER BY grid_code, seq").param(id)
				.query((rs, i) -> new ResultRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
						rs.getString(5), rs.getInt(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
				.stream()) { // closed: an open stream keeps its connection
			rows.forEach(sink);
		}
	}

	/** One household's result for the export. */
	public record ResultRow(String gridCode, long householdId, String label, int members, @Nullable String outcome,
			int abnormalPersons, @Nullable String screenedBy, @Nullable OffsetDateTime screenedAt) {
	}

	private CampaignView managed(CurrentUser user, long id) {
		requireManager(user);
		CampaignView campaign = get(user, id);
		if (!user.scope().covers(campaign.jurisdictionCode())) {
			throw new OutOfScopeException("screeningCampaign", String.valueOf(id));
		}
		return campaign;
	}

	Optional<CampaignView> find(long id) {
		return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM screening_campaign WHERE id = ?").param(id)
				.query(this::campaign).optional();
	}

	private static boolean visible(CurrentUser user, String code) {
		String prefix = JurisdictionCode.of(code).prefix();
		return user.scope().covers(code) || user.scope().prefixes().stream().anyMatch(p -> p.startsWith(prefix));
	}

	private CampaignView campaign(ResultSet rs, int i) throws SQLException {
		return new CampaignView(rs.getLong("id"), rs.getString("name"), rs.getString("jurisdiction_code"),
				rs.getObject("period_from", java.time.LocalDate.class), rs.getObject("period_to", java.time.LocalDate.class),
				json.readValue(rs.getString("questionnaire"), Questionnaire.class),
				CampaignStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("closed_at", OffsetDateTime.class), rs.getInt("grids_total"), rs.getInt("grids_done"));
	}

	private static void requireManager(CurrentUser user) {
		if (!ScreeningAccess.canManage(user)) {
			throw new OutOfScopeException("screeningCampaign", "manage");
		}
	}

	private static void requireReader(CurrentUser user) {
		if (!ScreeningAccess.canRead(user)) {
			throw new OutOfScopeException("screeningCampaign", "read");
		}
	}

	/** A campaign to choose from (notices address its key persons' households): id, name and its jurisdiction. */
	@org.springframework.modulith.NamedInterface("api")
	public record CampaignChoice(long id, String name, String jurisdictionCode) {
	}

	/** The campaigns the caller may see, newest first, as choices (none for a role that may not read campaigns). */
	public List<CampaignChoice> campaignChoices(CurrentUser user) {
		if (!ScreeningAccess.canRead(user)) {
			return List.of();
		}
		return list(user).stream().map(c -> new CampaignChoice(c.id(), c.name(), c.jurisdictionCode())).toList();
	}

	/**
	 * The households of the campaign's key persons inside the caller's scope, each once, with their grids (the
	 * notices module reaches the residents of these households). A campaign the caller may not see is refused (403),
	 * an unknown one is 404.
	 */
	public Map<Long, String> keyPersonHouseholds(CurrentUser user, long id) {
		get(user, id);
		Map<Long, String> households = new java.util.LinkedHashMap<>();
		jdbc.sql("SELECT DISTINCT household_id, grid_code FROM screening_key_person WHERE campaign_id = ? AND "
				+ user.scope().sqlCondition("grid_code") + " ORDER BY household_id").param(id)
				.query((rs, i) -> households.put(rs.getLong(1), rs.getString(2))).list();
		return households;
	}

	/**
	 * How many households of any campaign had a record in {@code [from, to)} at or below the place {@code code}
	 * (each household of a campaign once): a figure for other modules' daily reports. The caller has checked that
	 * its user may read that place.
	 */
	public long householdsScreenedIn(String code, OffsetDateTime from, OffsetDateTime to) {
		String prefix = JurisdictionCode.of(code).prefix();
		return jdbc.sql("SELECT COUNT(*) FROM (SELECT DISTINCT campaign_id, household_id FROM screening_record"
				+ " WHERE grid_code LIKE ? AND recorded_at >= ? AND recorded_at < ?) t").params(prefix + "%", from, to)
				.query(Long.class).single();
	}
}
