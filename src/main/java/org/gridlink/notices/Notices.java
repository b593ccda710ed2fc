package org.gridlink.notices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.quarantine.QuarantineRecipients;
import org.gridlink.residents.ResidentRecipients;
import org.gridlink.residents.ResidentRecipients.Place;
import org.gridlink.residents.ResidentRecipients.RecipientFilter;
import org.gridlink.jurisdiction.BuildingDirectory;
import org.gridlink.screening.Screening;
import org.gridlink.residents.Residents;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.JurisdictionLevel;
import org.gridlink.shared.Masked;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices: write (validated, scope-checked, recipients counted), approve, send, cancel, read with delivery counts.
 * A notice to a street or the whole district waits for a second person with the right to approve (center, leader).
 * Sending marks the notice SENDING and queues the outbox build ({@link OutboxBuilder}); {@link OutboxSender} does the rest.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Notices {

	static final String COLUMNS = "id, title, body, jurisdictions, tags, quarantine, staff_roles, unit_id, channels,"
			+ " urgent, send_at, status, needs_approval, recipients, outbox_built, created_by, created_at, approved_by,"
			+ " approved_at, sent_by, sent_at, finished_at, version, compounds, buildings, campaign_id, reach";

	private final JdbcClient jdbc;
	private final ResidentRecipients residents;
	private final QuarantineRecipients quarantine;
	private final Residents registry;
	private final Accounts accounts;
	private final JurisdictionDirectory jurisdictions;
	private final AuditTrail audit;
	private final OutboxBuilder builder;
	private final Clock clock;
	private final EmailChannel email;
	private final BuildingDirectory buildings;
	private final Screening screening;

	Notices(JdbcClient jdbc, ResidentRecipients residents, QuarantineRecipients quarantine, Residents registry,
			Accounts accounts, JurisdictionDirectory jurisdictions, AuditTrail audit, OutboxBuilder builder,
			Clock clock, EmailChannel email, BuildingDirectory buildings, Screening screening) {
		this.email = email;
		this.buildings = buildings;
		this.screening = screening;
		this.jdbc = jdbc;
		this.residents = residents;
		this.quarantine = quarantine;
		this.registry = registry;
		this.accounts = accounts;
		this.jurisdictions = jurisdictions;
		this.audit = audit;
		this.builder = builder;
		this.clock = clock;
	}

	/** True when the user may write notices (pages show the form and the menu entry). */
	public boolean canWrite(CurrentUser user) {
		return NoticeAccess.may(user, NoticeAccess.Action.WRITE);
	}

	public boolean canApprove(CurrentUser user) {
		return NoticeAccess.may(user, NoticeAccess.Action.APPROVE);
	}

	/** The channels this installation offers (EMAIL only with an SMTP server configured). */
	public List<ChannelKind> channels() {
		return Arrays.stream(ChannelKind.values()).filter(k -> k != ChannelKind.EMAIL || email.configured()).toList();
	}

	/** The audience checked and counted, as the form shows it before sending. */
	public record Preview(long residents, long staff, long total, boolean needsApproval) {
	}

	/** Validates a notice and counts its recipients without saving anything. */
	public Preview preview(CurrentUser user, NewNotice notice) {
		Checked checked = check(user, notice);
		return count(checked);
	}

	/**
	 * Writes a notice and submits it: APPROVED when it stays within communities and grids, PENDING_APPROVAL for a
	 * street or wider. An audience outside the writer's scope is refused (403).
	 */
	@Transactional
	public NoticeView create(CurrentUser user, NewNotice notice) {
		Checked c = check(user, notice);
		Preview preview = count(c);
		OffsetDateTime now = OffsetDateTime.now(clock);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO notice (district_code, title, body, jurisdictions, tags, quarantine, staff_roles, unit_id,
				channels, urgent, send_at, status, needs_approval, recipients, created_by, created_at, compounds,
				buildings, campaign_id, reach)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(c.reach.get(0).substring(0, 6), c.title, c.body, String.join(",", c.jurisdictions),
						String.join(",", c.tags), c.quarantine, String.join(",", c.staffRoles.stream().map(Role::name).toList()),
						c.unitId, String.join(",", c.channels.stream().map(ChannelKind::name).toList()), c.urgent, c.sendAt,
						preview.needsApproval(), preview.total(), user.username(), now, join(c.compounds),
						join(c.buildings), c.campaignId, String.join(",", c.reach))
				.update(keys, "id");
		long id = java.util.Objects.requireNonNull(keys.getKey()).longValue();
		for (int from = 0; from < c.households.size(); from += 500) {
			// the key persons' households as the writer saw them, 500 a statement
			List<Long> chunk = c.households.subList(from, Math.min(from + 500, c.households.size()));
			List<Object> params = new ArrayList<>();
			chunk.forEach(h -> {
				params.add(id);
				params.add(h);
			});
			jdbc.sql("INSERT INTO notice_household (notice_id, household_id) VALUES "
					+ String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?)"))).params(params).update();
		}
		history(id, "create", null, NoticeStatus.DRAFT, user.username(), now);
		write(load(id).submit(user.username(), now));
		audit.record("NOTICE_CREATE", "notice", String.valueOf(id), AuditTrail.SUCCESS,
				"recipients=" + preview.total() + "; places=" + String.join(",", c.reach)
						+ (c.compounds.isEmpty() ? "" : "; compounds=" + join(c.compounds))
						+ (c.buildings.isEmpty() ? "" : "; buildings=" + join(c.buildings))
						+ (c.campaignId == null ? "" : "; screeningCampaign=" + c.campaignId));
		return get(user, id);
	}

	/** Approves a notice waiting for approval: another user than the writer, with the right and the scope. */
	@Transactional
	public NoticeView approve(CurrentUser user, long id) {
		NoticeView view = get(user, id);
		if (!canApprove(user) || !coversAll(user.scope(), view.jurisdictions())) {
			audit.record("NOTICE_APPROVE", "notice", String.valueOf(id), AuditTrail.DENIED, "role or scope");
			throw new OutOfScopeException("notice", String.valueOf(id));
		}
		write(load(id).approve(user.username(), OffsetDateTime.now(clock)));
		audit.record("NOTICE_APPROVE", "notice", String.valueOf(id), AuditTrail.SUCCESS, null);
		return get(user, id);
	}

	/** Starts sending an approved notice: the outbox is built in the background, then sent. */
	@Transactional
	public NoticeView send(CurrentUser user, long id) {
		NoticeView view = get(user, id);
		requireWriter(user, view);
		write(load(id).send(user.username(), OffsetDateTime.now(clock)));
		audit.record("NOTICE_SEND", "notice", String.valueOf(id), AuditTrail.SUCCESS, null);
		builder.submitAfterCommit(id);
		return get(user, id);
	}

	@Transactional
	public NoticeView cancel(CurrentUser user, long id) {
		NoticeView view = get(user, id);
		if (!user.username().equals(view.createdBy()) && !(canApprove(user) && coversAll(user.scope(), view.jurisdictions()))) {
			throw new OutOfScopeException("notice", String.valueOf(id));
		}
		write(load(id).cancel(user.username(), OffsetDateTime.now(clock)));
		audit.record("NOTICE_CANCEL", "notice", String.valueOf(id), AuditTrail.SUCCESS, null);
		return get(user, id);
	}

	/** One notice the user may see (the writer, or a writer or approver whose scope covers its places). */
	public NoticeView get(CurrentUser user, long id) {
		NoticeView view = find(id).orElseThrow(() -> new NotFoundException("notices.not.found", String.valueOf(id)));
		if (!sees(user, view)) {
			throw new OutOfScopeException("notice", String.valueOf(id));
		}
		return view;
	}

	/** Notices the user may see, newest first; {@code status} filters when given. */
	public Page<NoticeView> list(CurrentUser user, @Nullable NoticeStatus status, Pageable pageable) {
		if (!canWrite(user) && !canApprove(user)) {
			throw new OutOfScopeException("notices", "role");
		}
		String where = " WHERE (created_by = ? OR " + user.scope().sqlCondition("reach") + ")"
				+ (status == null ? "" : " AND status = ?");
		List<Object> params = new ArrayList<>(List.of(user.username()));
		if (status != null) {
			params.add(status.name());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM notice" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<NoticeView> rows = jdbc.sql("SELECT " + COLUMNS + " FROM notice" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
				.params(pageParams).query(this::row).list().stream().filter(v -> sees(user, v)).toList();
		return new PageImpl<>(rows, pageable, total);
	}

	/** Notices waiting for this approver (not their own). */
	public List<NoticeView> approvalQueue(CurrentUser user) {
		if (!canApprove(user)) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM notice WHERE status = 'PENDING_APPROVAL' AND created_by <> ? AND "
				+ user.scope().sqlCondition("reach") + " ORDER BY id").param(user.username()).query(this::row)
				.list().stream().filter(v -> coversAll(user.scope(), v.jurisdictions())).toList();
	}

	/** Delivery counts per community of the recipients. */
	public List<NoticeView.PlaceCounts> byPlace(CurrentUser user, long id) {
		return byPlace(user, id, null);
	}

	/**
	 * Delivery counts one level below {@code under} (the district: per street; a street: per community; a community:
	 * per grid, with the community's own staff under the community), only of recipients under it; without
	 * {@code under}, per community. A recipient is counted under the outbox row's place (a resident's grid, the staff
	 * member's place the notice reached them at). Not a 12- or 15-digit code: {@code 400}.
	 */
	public List<NoticeView.PlaceCounts> byPlace(CurrentUser user, long id, @Nullable String under) {
		get(user, id);
		String group;
		String where = "";
		List<Object> params = new ArrayList<>(List.of(id));
		boolean street = false;
		if (under == null || under.isBlank()) {
			group = "SUBSTRING(o.jurisdiction_code, 1, 12)";
		}
		else {
			if (!JurisdictionCode.isValid(under.strip())) {
				throw new InvalidInputException("jurisdiction.unknown", under);
			}
			JurisdictionCode code = JurisdictionCode.of(under.strip());
			switch (code.level()) {
				case DISTRICT -> {
					group = "SUBSTRING(o.jurisdiction_code, 1, 9)";
					street = true;
				}
				case STREET -> group = "SUBSTRING(o.jurisdiction_code, 1, 12)";
				default -> group = "o.jurisdiction_code";
			}
			where = " AND o.jurisdiction_code LIKE ?";
			params.add(code.prefix() + "%");
		}
		Map<String, long[]> byCode = new java.util.TreeMap<>();
		String suffix = street ? "000" : "";
		// the queued rows and the others apart: each part has its own index on PostgreSQL (notices migration V9)
		for (String part : QUEUED_AND_NOT) {
			jdbc.sql("SELECT " + group + ", o.state, COUNT(*) FROM notice_outbox o WHERE o.notice_id = ?" + part
					+ where + " GROUP BY " + group + ", o.state").params(params)
					.query((rs, i) -> {
						add(byCode.computeIfAbsent(rs.getString(1) + suffix, k -> new long[6]), rs.getString(2),
								rs.getLong(3));
						return null;
					}).list();
		}
		jdbc.sql("SELECT " + group + ", COUNT(*) FROM inbox_item i JOIN notice_outbox o ON o.id = i.outbox_id"
				+ " WHERE i.notice_id = ? AND i.read_at IS NOT NULL" + where + " GROUP BY " + group).params(params)
				.query((rs, i) -> byCode.computeIfAbsent(rs.getString(1) + suffix, k -> new long[6])[4] = rs.getLong(2))
				.list();
		return byCode.entrySet().stream().map(e -> new NoticeView.PlaceCounts(e.getKey(), counts(e.getValue()))).toList();
	}

	/**
	 * Where the notice page's counts start: one level below the narrowest place holding every place the notice
	 * reaches (a notice to two streets starts at the district, one to two communities of a street at that street).
	 */
	public String countsFrom(NoticeView notice) {
		List<String> reach = notice.jurisdictions();
		if (reach.isEmpty()) {
			return "";
		}
		String first = reach.get(0);
		for (String candidate : List.of(first.length() == 15 ? first.substring(0, 12) : first,
				first.substring(0, 9) + "000", first.substring(0, 6) + "000000")) {
			JurisdictionCode code = JurisdictionCode.of(candidate);
			if (reach.stream().allMatch(r -> code.contains(JurisdictionCode.of(r)))) {
				return candidate;
			}
		}
		return first.substring(0, 6) + "000000";
	}

	/** The recipients not reached (failed), masked, optionally of one place (a 12-digit community code). */
	public List<NoticeView.Failure> failures(CurrentUser user, long id, @Nullable String place) {
		get(user, id);
		String where = " WHERE notice_id = ? AND state = 'FAILED'";
		List<Object> params = new ArrayList<>(List.of(id));
		if (place != null && !place.isBlank()) {
			if (!JurisdictionCode.isValid(place)) {
				throw new InvalidInputException("jurisdiction.unknown", place);
			}
			where += " AND jurisdiction_code LIKE ?";
			params.add(JurisdictionCode.of(place).prefix() + "%");
		}
		return jdbc.sql("SELECT id, channel, jurisdiction_code, name, error, attempts FROM notice_outbox" + where
				+ " ORDER BY id LIMIT 500").params(params)
				.query((rs, i) -> new NoticeView.Failure(rs.getLong(1), ChannelKind.valueOf(rs.getString(2)),
						rs.getString(3), rs.getString(4) == null ? "" : Masked.name(rs.getString(4)),
						rs.getString(5) == null ? "" : rs.getString(5), rs.getInt(6)))
				.list();
	}

	public List<NoticeView.HistoryLine> history(CurrentUser user, long id) {
		get(user, id);
		return jdbc.sql("SELECT action, from_status, to_status, actor, occurred_at FROM notice_history"
				+ " WHERE notice_id = ? ORDER BY id").param(id)
				.query((rs, i) -> new NoticeView.HistoryLine(rs.getString(1),
						rs.getString(2) == null ? null : NoticeStatus.valueOf(rs.getString(2)),
						NoticeStatus.valueOf(rs.getString(3)), rs.getString(4),
						rs.getObject(5, OffsetDateTime.class)))
				.list();
	}

	// ---------------------------------------------------------------------------------------------------------------

	/** A notice after the checks: trimmed, codes validated and in scope. */
	record Checked(String title, String body, List<String> jurisdictions, List<String> tags, boolean quarantine,
			Set<Role> staffRoles, @Nullable Long unitId, Set<ChannelKind> channels, boolean urgent,
			@Nullable OffsetDateTime sendAt, List<Long> compounds, List<Long> buildings, List<Place> places,
			@Nullable Long campaignId, List<Long> households, List<String> reach) {

		RecipientFilter filter() {
			return new RecipientFilter(jurisdictions, tags, places, households);
		}
	}

	static List<Long> ids(@Nullable String csv) {
		return split(csv).stream().map(Long::valueOf).toList();
	}

	private static String join(List<Long> ids) {
		return String.join(",", ids.stream().map(String::valueOf).toList());
	}

	Checked check(CurrentUser user, NewNotice notice) {
		if (!canWrite(user)) {
			throw new OutOfScopeException("notices", "role");
		}
		String title = NoticeTexts.title(notice.title());
		String body = NoticeTexts.body(notice.body());
		NewNotice.Audience audience = notice.audience();
		List<Long> compoundIds = audience == null ? List.of() : distinctIds(audience.compounds(), "compounds");
		List<Long> buildingIds = audience == null ? List.of() : distinctIds(audience.buildings(), "buildings");
		Long campaignId = audience == null ? null : audience.screeningCampaign();
		boolean whereTheyLive = !compoundIds.isEmpty() || !buildingIds.isEmpty() || campaignId != null;
		if (audience == null || ((audience.jurisdictions() == null || audience.jurisdictions().isEmpty())
				&& !whereTheyLive)) {
			throw new InvalidInputException("notices.jurisdictions.required");
		}
		Set<String> codes = new TreeSet<>();
		for (String raw : audience.jurisdictions() == null ? List.<String>of() : audience.jurisdictions()) {
			String code = raw == null ? "" : raw.strip();
			if (!JurisdictionCode.isValid(code) || !jurisdictions.exists(code)) {
				throw new InvalidInputException("notices.jurisdictions.unknown", code);
			}
			codes.add(code);
		}
		for (String code : codes) {
			if (!user.scope().covers(code)) {
				audit.record("NOTICE_CREATE", "jurisdiction", code, AuditTrail.DENIED, "out of scope");
				throw new OutOfScopeException("jurisdiction", code);
			}
		}
		Set<String> reach = new TreeSet<>(codes);
		List<Place> places = new ArrayList<>();
		var compounds = buildings.compounds(compoundIds);
		if (compounds.size() != compoundIds.size()) {
			Set<Long> found = new java.util.HashSet<>();
			compounds.forEach(c -> found.add(c.id()));
			throw new InvalidInputException("notices.compounds.unknown",
					String.valueOf(compoundIds.stream().filter(id -> !found.contains(id)).findFirst().orElse(0L)));
		}
		for (var compound : compounds) {
			inScope(user, compound.gridCode(), "compound", compound.id());
			places.add(new Place(compound.gridCode(), compound.name(), ""));
			reach.add(compound.gridCode());
		}
		var chosenBuildings = buildings.buildings(buildingIds);
		if (chosenBuildings.size() != buildingIds.size()) {
			Set<Long> found = new java.util.HashSet<>();
			chosenBuildings.forEach(b -> found.add(b.id()));
			throw new InvalidInputException("notices.buildings.unknown",
					String.valueOf(buildingIds.stream().filter(id -> !found.contains(id)).findFirst().orElse(0L)));
		}
		for (var building : chosenBuildings) {
			inScope(user, building.gridCode(), "building", building.id());
			places.add(new Place(building.gridCode(), building.compound(), building.name()));
			reach.add(building.gridCode());
		}
		List<Long> households = List.of();
		if (campaignId != null) {
			// 404 for an unknown campaign, 403 for one the writer may not see; only the households in their scope
			Map<Long, String> keyHouseholds = screening.keyPersonHouseholds(user, campaignId);
			households = List.copyOf(keyHouseholds.keySet());
			reach.addAll(keyHouseholds.values());
			if (keyHouseholds.isEmpty()) {
				throw new InvalidInputException("notices.screeningCampaign.noKeyPersons");
			}
		}
		if (whereTheyLive && Boolean.TRUE.equals(audience.quarantine())) {
			throw new InvalidInputException("notices.audience.quarantinePlaces");
		}
		Set<String> knownTags = new java.util.HashSet<>();
		registry.tagTypes().forEach(t -> knownTags.add(t.code()));
		List<String> tags = new ArrayList<>();
		for (String tag : audience.tags() == null ? List.<String>of() : audience.tags()) {
			if (tag == null || !knownTags.contains(tag.strip())) {
				throw new InvalidInputException("notices.tags.unknown", String.valueOf(tag));
			}
			tags.add(tag.strip());
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : audience.staffRoles() == null ? List.<String>of() : audience.staffRoles()) {
			if (role == null || !Role.isValid(role.strip())) {
				throw new InvalidInputException("notices.staffRoles.unknown", String.valueOf(role));
			}
			roles.add(Role.valueOf(role.strip()));
		}
		if (notice.channels() == null || notice.channels().isEmpty()) {
			throw new InvalidInputException("notices.channels.required");
		}
		Set<ChannelKind> channels = EnumSet.noneOf(ChannelKind.class);
		for (String raw : notice.channels()) {
			ChannelKind kind = Arrays.stream(ChannelKind.values()).filter(k -> k.name().equals(raw)).findFirst()
					.orElseThrow(() -> new InvalidInputException("notices.channels.unknown", String.valueOf(raw)));
			if (!kind.implemented() || (kind == ChannelKind.EMAIL && !email.configured())) {
				throw new InvalidInputException("notices.channels.unavailable", new org.gridlink.platform.Word(
						"notices.channel." + kind.name()));
			}
			channels.add(kind);
		}
		if (channels.contains(ChannelKind.PRINT) && Boolean.TRUE.equals(audience.quarantine())) {
			throw new InvalidInputException("notices.channels.printQuarantine");
		}
		if (notice.sendAt() != null && notice.sendAt().isBefore(OffsetDateTime.now(clock).minusMinutes(1))) {
			throw new InvalidInputException("notices.sendAt.past");
		}
		if (codes.isEmpty() && channels.stream().anyMatch(k -> k == ChannelKind.INBOX || k == ChannelKind.EMAIL
				|| k == ChannelKind.GROUP)) {
			// staff and work-chat groups are reached by place; compounds, buildings and campaigns address residents
			throw new InvalidInputException("notices.channels.needPlaces");
		}
		return new Checked(title, body, List.copyOf(codes), tags, Boolean.TRUE.equals(audience.quarantine()), roles,
				audience.unitId(), channels, Boolean.TRUE.equals(notice.urgent()), notice.sendAt(), compoundIds,
				buildingIds, places, campaignId, households, List.copyOf(reach));
	}

	private void inScope(CurrentUser user, String gridCode, String what, long id) {
		if (!user.scope().covers(gridCode)) {
			audit.record("NOTICE_CREATE", what, String.valueOf(id), AuditTrail.DENIED, "out of scope");
			throw new OutOfScopeException(what, String.valueOf(id));
		}
	}

	private static List<Long> distinctIds(@Nullable List<Long> ids, String field) {
		if (ids == null) {
			return List.of();
		}
		if (ids.size() > 200) {
			throw new InvalidInputException("notices." + field + ".tooMany", 200);
		}
		Set<Long> distinct = new java.util.LinkedHashSet<>();
		for (Long id : ids) {
			if (id == null || id <= 0) {
				throw new InvalidInputException("notices." + field + ".unknown", String.valueOf(id));
			}
			distinct.add(id);
		}
		return List.copyOf(distinct);
	}

	Preview count(Checked c) {
		long people = 0;
		if (c.channels().contains(ChannelKind.SMS)) {
			if (c.quarantine()) {
				Set<String> phones = new java.util.HashSet<>();
				quarantine.atHome(c.jurisdictions(), p -> {
					if (p.phoneSealed() != null) {
						phones.add(p.phoneSealed());
					}
				});
				people = phones.size();
			}
			else {
				people = residents.countPhones(c.filter());
			}
		}
		long staff = c.channels().contains(ChannelKind.INBOX) || c.channels().contains(ChannelKind.EMAIL)
				? accounts.staffWithin(c.staffRoles(), c.unitId(), Scope.of(c.jurisdictions())).size()
				: 0;
		boolean wide = c.reach().stream().map(JurisdictionCode::of)
				.anyMatch(j -> j.level() == JurisdictionLevel.STREET || j.level() == JurisdictionLevel.DISTRICT);
		return new Preview(people, staff, people + staff, wide);
	}

	Notice load(long id) {
		return jdbc.sql("SELECT id, status, needs_approval, created_by, version FROM notice WHERE id = ?").param(id)
				.query((rs, i) -> new Notice(rs.getLong(1), NoticeStatus.valueOf(rs.getString(2)), rs.getBoolean(3),
						rs.getString(4), rs.getInt(5)))
				.optional().orElseThrow(() -> new NotFoundException("notices.not.found", String.valueOf(id)));
	}

	/** Writes one step: one versioned UPDATE of fixed columns and the history line. */
	void write(Notice.Step step) {
		Notice after = step.after();
		String by = switch (step.action()) {
			case "approve" -> ", approved_by = ?, approved_at = ?";
			case "send" -> ", sent_by = ?, sent_at = ?";
			case "finish" -> ", finished_at = ?";
			default -> "";
		};
		List<Object> params = new ArrayList<>(List.of(after.status().name()));
		if (!by.isEmpty() && !"finish".equals(step.action())) {
			params.add(step.actor());
		}
		if (!by.isEmpty()) {
			params.add(step.at());
		}
		params.add(after.id());
		params.add(step.before().version());
		int n = jdbc.sql("UPDATE notice SET status = ?, version = version + 1" + by + " WHERE id = ? AND version = ?")
				.params(params).update();
		if (n != 1) {
			throw new ConflictException("notices.stale");
		}
		history(after.id(), step.action(), step.before().status(), after.status(), step.actor(), step.at());
	}

	private void history(long id, String action, @Nullable NoticeStatus from, NoticeStatus to, String actor,
			OffsetDateTime at) {
		jdbc.sql("INSERT INTO notice_history (notice_id, action, from_status, to_status, actor, occurred_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?)").params(id, action, from == null ? null : from.name(), to.name(), actor, at)
				.update();
	}

	java.util.Optional<NoticeView> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notice WHERE id = ?").param(id).query(this::row).optional();
	}

	private boolean sees(CurrentUser user, NoticeView view) {
		if (user.username().equals(view.createdBy())) {
			return true;
		}
		return (canWrite(user) || canApprove(user)) && coversAll(user.scope(), view.jurisdictions());
	}

	private void requireWriter(CurrentUser user, NoticeView view) {
		if (!canWrite(user) || !coversAll(user.scope(), view.jurisdictions())) {
			throw new OutOfScopeException("notice", String.valueOf(view.id()));
		}
	}

	static boolean coversAll(Scope scope, List<String> codes) {
		return !codes.isEmpty() && codes.stream().allMatch(scope::covers);
	}

	NoticeView.Counts countsOf(long id) {
		long[] c = new long[6];
		for (String part : QUEUED_AND_NOT) {
			jdbc.sql("SELECT o.state, COUNT(*) FROM notice_outbox o WHERE o.notice_id = ?" + part + " GROUP BY o.state")
					.param(id).query((rs, i) -> {
						add(c, rs.getString(1), rs.getLong(2));
						return null;
					}).list();
		}
		c[4] = jdbc.sql("SELECT COUNT(*) FROM inbox_item WHERE notice_id = ? AND read_at IS NOT NULL").param(id)
				.query(Long.class).single();
		return counts(c);
	}

	/**
	 * A notice's queued outbox rows and the others, asked for apart: on PostgreSQL the queued ones are in the claim's
	 * partial index and only the others in {@code notice_outbox_by_notice} (notices migration V9).
	 */
	static final List<String> QUEUED_AND_NOT = List.of(" AND o.state = 'QUEUED'", " AND o.state <> 'QUEUED'");

	private static void add(long[] c, String state, long n) {
		switch (state) {
			case "QUEUED", "CLAIMED" -> c[0] += n;
			case "SENT" -> c[1] += n;
			case "DELIVERED" -> {
				c[1] += n;
				c[2] += n;
			}
			case "FAILED" -> c[3] += n;
			case "OPTED_OUT" -> c[5] += n;
			default -> {
			}
		}
	}

	private static NoticeView.Counts counts(long[] c) {
		return new NoticeView.Counts(c[0], c[1], c[2], c[3], c[4], c[5]);
	}

	private NoticeView row(ResultSet rs, int i) throws SQLException {
		long id = rs.getLong("id");
		NoticeStatus status = NoticeStatus.valueOf(rs.getString("status"));
		List<String> reach = split(rs.getString("reach"));
		return new NoticeView(id, rs.getString("title"), rs.getString("body"),
				reach.isEmpty() ? split(rs.getString("jurisdictions")) : reach,
				split(rs.getString("tags")), rs.getBoolean("quarantine"), split(rs.getString("staff_roles")),
				(Long) rs.getObject("unit_id", Long.class),
				split(rs.getString("channels")).stream().map(ChannelKind::valueOf).toList(), rs.getBoolean("urgent"),
				rs.getObject("send_at", OffsetDateTime.class), status, rs.getBoolean("needs_approval"),
				rs.getLong("recipients"), rs.getBoolean("outbox_built"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getString("approved_by"),
				rs.getObject("approved_at", OffsetDateTime.class), rs.getString("sent_by"),
				rs.getObject("sent_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
				rs.getInt("version"),
				status == NoticeStatus.SENDING || status == NoticeStatus.SENT ? countsOf(id) : NoticeView.Counts.NONE,
				split(rs.getString("jurisdictions")), ids(rs.getString("compounds")), ids(rs.getString("buildings")),
				(Long) rs.getObject("campaign_id", Long.class));
	}

	static List<String> split(@Nullable String csv) {
		return csv == null || csv.isBlank() ? List.of() : List.copyOf(new LinkedHashSet<>(Arrays.asList(csv.split(","))));
	}
}
