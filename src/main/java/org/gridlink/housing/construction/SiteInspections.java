package org.gridlink.housing.construction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridlink.housing.construction.ConstructionViews.Finding;
import org.gridlink.housing.construction.ConstructionViews.FindingInput;
import org.gridlink.housing.construction.ConstructionViews.Inspection;
import org.gridlink.housing.construction.ConstructionViews.InspectionInput;
import org.gridlink.housing.construction.ConstructionViews.SavedInspection;
import org.gridlink.housing.construction.ConstructionViews.Site;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quality and safety inspections of a site with one finding per item of a fixed checklist ({@link #CHECKLIST});
 * once per client id.
 */
@Service
public class SiteInspections {

	/** The checklist per kind (QUALITY, SAFETY): item codes, worded in the messages {@code construction.item.*}. */
	public static final Map<String, List<String>> CHECKLIST = Map.of(
			"QUALITY", List.of("MATERIALS", "REBAR", "CONCRETE", "MASONRY", "ROOF_WATERPROOF", "PLUMB_LEVEL"),
			"SAFETY", List.of("HELMETS", "SCAFFOLD", "EDGE_PROTECTION", "ELECTRICITY", "LIFTING", "FIRE"));

	private final JdbcClient jdbc;
	private final ConstructionAccess access;
	private final Schedules schedules;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;
	private final Clock clock;

	SiteInspections(JdbcClient jdbc, ConstructionAccess access, Schedules schedules, AuditTrail audit,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.schedules = schedules;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	public SavedInspection record(CurrentUser user, long siteId, InspectionInput input) {
		Site s = access.site(user, siteId);
		ConstructionAccess.require(access.inspects(user, s));
		String clientId = SiteReports.clientId(input.clientId());
		Long earlier = earlier(clientId);
		if (earlier != null) {
			return new SavedInspection(earlier, false);
		}
		String kind = input.kind() == null ? "" : input.kind().strip();
		List<String> items = CHECKLIST.get(kind);
		if (items == null) {
			throw new InvalidInputException("construction.inspection.kind.invalid", kind);
		}
		Integer building = Schedules.buildingOrSite(s, input.building());
		LocalDate today = schedules.today();
		LocalDate day = input.day() == null ? today : input.day();
		if (day.isAfter(today) || day.isBefore(today.minusDays(30))) {
			throw new InvalidInputException("construction.date.invalid");
		}
		String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
		if (note != null && note.length() > 1000) {
			throw new InvalidInputException("construction.note.invalid", 1000);
		}
		if (input.findings() == null || input.findings().isEmpty()) {
			throw new InvalidInputException("construction.finding.invalid", "");
		}
		Set<String> seen = new HashSet<>();
		List<Finding> findings = new ArrayList<>();
		for (FindingInput f : input.findings()) {
			String item = f == null || f.item() == null ? "" : f.item().strip();
			if (!items.contains(item) || !seen.add(item) || f.passed() == null) {
				throw new InvalidInputException("construction.finding.invalid", item);
			}
			String fnote = f.note() == null || f.note().isBlank() ? null : f.note().strip();
			if (fnote != null && fnote.length() > 500) {
				throw new InvalidInputException("construction.note.invalid", 500);
			}
			findings.add(new Finding(item, f.passed(), fnote));
		}
		try {
			return transactions.execute(tx -> {
				GeneratedKeyHolder key = new GeneratedKeyHolder();
				jdbc.sql("INSERT INTO housing_inspection (site_id, building, kind, inspected_on, inspector, note, client_id,"
						+ " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
						.params(siteId, building, kind, day, user.username(), note, clientId, OffsetDateTime.now(clock))
						.update(key, "id");
				long id = key.getKeyAs(Number.class).longValue();
				for (Finding f : findings) {
					jdbc.sql("INSERT INTO housing_inspection_finding (inspection_id, item, passed, note) VALUES (?, ?, ?, ?)")
							.params(id, f.item(), f.passed(), f.note()).update();
				}
				audit.record("HOUSING_INSPECTION", "housing_site", String.valueOf(siteId), AuditTrail.SUCCESS,
						"inspection " + id + " " + kind);
				return new SavedInspection(id, true);
			});
		}
		catch (DuplicateKeyException ex) {
			Long first = earlier(clientId);
			if (first == null) {
				throw ex;
			}
			return new SavedInspection(first, false);
		}
	}

	private @Nullable Long earlier(String clientId) {
		return jdbc.sql("SELECT id FROM housing_inspection WHERE client_id = ?").param(clientId).query(Long.class)
				.optional().orElse(null);
	}

	/** The project's inspections the user sees, newest first (at most 100). */
	public List<Inspection> inspections(CurrentUser user, long projectId) {
		access.project(user, projectId);
		List<Inspection> list = jdbc.sql("SELECT i.id, i.site_id, s.name, i.building, i.kind, i.inspected_on, i.inspector,"
				+ " i.note FROM housing_inspection i JOIN housing_site s ON s.id = i.site_id WHERE s.project_id = ? AND "
				+ access.siteSql(user) + " ORDER BY i.inspected_on DESC, i.id DESC LIMIT 100").param(projectId)
				.query((rs, n) -> new Inspection(rs.getLong(1), rs.getLong(2), rs.getString(3),
						rs.getObject(4, Integer.class), rs.getString(5), rs.getObject(6, LocalDate.class),
						rs.getString(7), rs.getString(8), List.of()))
				.list();
		return list.stream().map(i -> new Inspection(i.id(), i.siteId(), i.siteName(), i.building(), i.kind(), i.day(),
				i.inspector(), i.note(), jdbc.sql("SELECT item, passed, note FROM housing_inspection_finding WHERE"
						+ " inspection_id = ? ORDER BY item").param(i.id())
						.query((rs, n) -> new Finding(rs.getString(1), rs.getBoolean(2), rs.getString(3))).list()))
				.toList();
	}
}
