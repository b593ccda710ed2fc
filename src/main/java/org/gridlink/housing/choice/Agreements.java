package org.gridlink.housing.choice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gridlink.housing.HousingDirectory;
import org.gridlink.housing.HousingProjectRef;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.ListPage;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreements: drafted for a household that chose a unit type and holds a plot, with the figures copied from the
 * unit type and the plot at that moment (unit type, floor area, price, subsidy, the household's share, site, building,
 * plot); printed as a PDF ({@link AgreementPdf}); signed when the signed scan is uploaded (PDF or image, checked by
 * {@link UploadedFiles}). States: DRAFTED, SIGNED. A signed agreement is final.
 */
@Service
public class Agreements {

	public static final String DRAFTED = "DRAFTED";
	public static final String SIGNED = "SIGNED";
	private static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

	/** An agreement with its figures; money in fen. */
	public record Agreement(long id, long householdId, long projectId, String number, String headMasked,
			String villageCode, long unitTypeId, String unitType, BigDecimal floorArea, long priceFen, long subsidyFen,
			long shareFen, long siteId, String siteName, int building, String plot, String state,
			OffsetDateTime draftedAt, @Nullable LocalDate signedOn, boolean hasScan) {

		public String price() {
			return Fen.yuan(priceFen);
		}

		public String subsidy() {
			return Fen.yuan(subsidyFen);
		}

		public String share() {
			return Fen.yuan(shareFen);
		}

		public String area() {
			return Fen.area(floorArea);
		}

		public boolean signed() {
			return SIGNED.equals(state);
		}
	}

	public record Scan(String contentType, byte[] bytes) {
	}

	private static final String SELECT = """
			SELECT g.id, g.household_id, g.project_id, g.number, h.head_masked, h.village_code, g.unit_type_id, g.unit_type,
			       g.floor_area, g.price_fen, g.subsidy_fen, g.share_fen, g.site_id, s.name AS site_name, g.building, g.plot,
			       g.state, g.drafted_at, g.signed_on, g.scan_size
			FROM housing_agreement g JOIN housing_household h ON h.id = g.household_id JOIN housing_site s ON s.id = g.site_id
			""";

	private final JdbcClient jdbc;
	private final HousingDirectory projects;
	private final Choices choices;
	private final AuditTrail audit;
	private final Clock clock;

	Agreements(JdbcClient jdbc, HousingDirectory projects, Choices choices, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.choices = choices;
		this.audit = audit;
		this.clock = clock;
	}

	private static Agreement map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Agreement(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getLong(7), rs.getString(8), rs.getBigDecimal(9), rs.getLong(10), rs.getLong(11),
				rs.getLong(12), rs.getLong(13), rs.getString(14), rs.getInt(15), rs.getString(16), rs.getString(17),
				rs.getObject(18, OffsetDateTime.class), rs.getObject(19, LocalDate.class), rs.getObject(20) != null);
	}

	static String number(long projectId, long householdId) {
		return String.format(Locale.ROOT, "NF%d-%06d", projectId, householdId);
	}

	/**
	 * Drafts (or drafts again, with the current figures) the household's agreement: it must have chosen a unit type
	 * and hold a plot; a signed agreement is not drafted again (409).
	 */
	@Transactional
	public Agreement draft(CurrentUser user, long householdId) {
		Choices.HouseholdRow household = choices.household(user, householdId);
		if (!ChoiceAccess.servesHousehold(user, household.villageCode())) {
			throw new OutOfScopeException("housing-household", String.valueOf(householdId));
		}
		return draftAs(user.username(), household);
	}

	Agreement draftAs(String actor, Choices.HouseholdRow household) {
		if (SIGNED.equals(household.agreementState())) {
			throw new ConflictException("housing.choice.agreement.signed");
		}
		if (household.unitTypeId() == null || Boolean.TRUE.equals(household.deferred())) {
			throw new ConflictException("housing.choice.agreement.no.choice");
		}
		if (household.siteId() == null || household.building() == null || household.plot() == null) {
			throw new ConflictException("housing.choice.agreement.no.plot");
		}
		record Figures(String name, BigDecimal floorArea, long priceFen, long subsidyFen) {
		}
		Figures type = jdbc.sql("SELECT name, floor_area, price_fen, subsidy_fen FROM housing_unit_type WHERE id = ?")
				.param(household.unitTypeId()).query(Figures.class).single();
		jdbc.sql("DELETE FROM housing_agreement WHERE household_id = ? AND state = 'DRAFTED'").param(household.id())
				.update();
		jdbc.sql("INSERT INTO housing_agreement (household_id, project_id, number, unit_type_id, unit_type, floor_area, "
				+ "price_fen, subsidy_fen, share_fen, site_id, building, plot, state, drafted_at, drafted_by) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFTED', ?, ?)")
				.params(household.id(), household.projectId(), number(household.projectId(), household.id()),
						household.unitTypeId(), type.name(), type.floorArea(), type.priceFen(), type.subsidyFen(),
						type.priceFen() - type.subsidyFen(), household.siteId(), household.building(), household.plot(),
						OffsetDateTime.now(clock), actor)
				.update();
		Agreement agreement = byHousehold(household.id()).orElseThrow();
		audit.recordAs(actor, "HOUSING_AGREEMENT_DRAFT", "housing-agreement", agreement.number(), AuditTrail.SUCCESS,
				"household=" + household.id());
		return agreement;
	}

	Optional<Agreement> byHousehold(long householdId) {
		return jdbc.sql(SELECT + " WHERE g.household_id = ?").param(householdId).query((rs, i) -> map(rs)).optional();
	}

	Optional<Agreement> find(long id) {
		return jdbc.sql(SELECT + " WHERE g.id = ?").param(id).query((rs, i) -> map(rs)).optional();
	}

	/** An agreement of a household the user sees. */
	public Agreement get(CurrentUser user, long id) {
		return jdbc.sql(SELECT + " WHERE g.id = ? AND " + projects.householdSql(user, "h")).param(id)
				.query((rs, i) -> map(rs)).optional().filter(a -> projects.sees(user, a.projectId()))
				.orElseThrow(() -> new NotFoundException("housing.choice.agreement.not.found", String.valueOf(id)));
	}

	/** The project's agreements the user sees, by number, optionally in one state. */
	public ListPage<Agreement> list(CurrentUser user, long projectId, @Nullable String state, Pageable pageable) {
		projects.require(user, projectId);
		String where = " WHERE g.project_id = ? AND " + projects.householdSql(user, "h");
		List<Object> params = new ArrayList<>(List.of(projectId));
		if (state != null && !state.isBlank()) {
			if (!state.equals(DRAFTED) && !state.equals(SIGNED)) {
				throw new InvalidInputException("housing.choice.agreement.state");
			}
			where += " AND g.state = ?";
			params.add(state);
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM housing_agreement g JOIN housing_household h ON h.id = g.household_id"
				+ where).params(params).query(Long.class).single();
		List<Agreement> rows = jdbc.sql(SELECT + where + " ORDER BY g.number LIMIT " + pageable.getPageSize()
				+ " OFFSET " + pageable.getOffset()).params(params).query((rs, i) -> map(rs)).list();
		return new ListPage<>(rows, pageable, total, false, null, false);
	}

	/** The project as the PDF names it. */
	public HousingProjectRef project(CurrentUser user, long projectId) {
		return projects.require(user, projectId);
	}

	/**
	 * Records the signature: the signed scan (a PDF or a photo of the paper) and the day it was signed (not in the
	 * future). A signed agreement is final (409).
	 */
	@Transactional
	public Agreement sign(CurrentUser user, long id, byte[] scan, @Nullable LocalDate signedOn) {
		Agreement agreement = get(user, id);
		if (!ChoiceAccess.servesHousehold(user, agreement.villageCode())) {
			throw new OutOfScopeException("housing-agreement", String.valueOf(id));
		}
		LocalDate today = LocalDate.now(clock.withZone(DISTRICT_ZONE));
		LocalDate day = signedOn == null ? today : signedOn;
		if (day.isAfter(today) || day.isBefore(agreement.draftedAt().atZoneSameInstant(DISTRICT_ZONE).toLocalDate())) {
			throw new InvalidInputException("housing.choice.agreement.signedOn");
		}
		UploadedFiles.Checked checked = UploadedFiles.check(scan);
		return signAs(user.username(), agreement, checked, day);
	}

	Agreement signAs(String actor, Agreement agreement, UploadedFiles.Checked checked, LocalDate day) {
		int updated = jdbc.sql("UPDATE housing_agreement SET state = 'SIGNED', signed_on = ?, signed_by = ?, scan_type = ?, "
				+ "scan = ?, scan_size = ? WHERE id = ? AND state = 'DRAFTED'")
				.params(day, actor, checked.contentType(), checked.bytes(), checked.bytes().length, agreement.id())
				.update();
		if (updated == 0) {
			throw new ConflictException("housing.choice.agreement.signed");
		}
		audit.recordAs(actor, "HOUSING_AGREEMENT_SIGN", "housing-agreement", agreement.number(), AuditTrail.SUCCESS,
				checked.contentType() + " " + checked.bytes().length);
		return find(agreement.id()).orElseThrow();
	}

	/** The signed scan, for a user who sees the household; reading it is audited. */
	public Scan scan(CurrentUser user, long id) {
		Agreement agreement = get(user, id);
		Scan scan = jdbc.sql("SELECT scan_type, scan FROM housing_agreement WHERE id = ? AND scan IS NOT NULL").param(id)
				.query((rs, i) -> new Scan(rs.getString(1), rs.getBytes(2))).optional()
				.orElseThrow(() -> new NotFoundException("housing.choice.agreement.no.scan", String.valueOf(id)));
		audit.record("HOUSING_AGREEMENT_SCAN_READ", "housing-agreement", agreement.number(), AuditTrail.SUCCESS, null);
		return scan;
	}
}
