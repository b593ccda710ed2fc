package org.gridlink.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Role;
import org.gridlink.shared.JurisdictionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing rules: by category (minor class, or its major class) and jurisdiction (code prefix), the lead unit, the
 * assisting units and whether the police grid or property company of the location should be suggested. The most
 * specific rule wins: a minor class before its major class, then the longest jurisdiction prefix.
 */
@Service
public class RoutingRules {

	/** One rule; {@code jurisdictionPrefix} is a jurisdiction code's prefix (e.g. "320819" for the district). */
	public record RoutingRule(long id, String categoryCode, String jurisdictionPrefix, long leadUnitId,
			List<Long> assistingUnitIds, boolean suggestPolice, boolean suggestProperty) {
	}

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final AuditTrail audit;
	private final CaseCategories categories;

	RoutingRules(JdbcClient jdbc, AuditTrail audit, CaseCategories categories, Jurisdictions jurisdictions) {
		this.jurisdictions = jurisdictions;
		this.jdbc = jdbc;
		this.audit = audit;
		this.categories = categories;
	}

	public List<RoutingRule> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM case_routing_rule ORDER BY category_code, jurisdiction_prefix")
				.query((rs, i) -> rule(rs)).list();
	}

	/** The rule for a minor class at a location, if any. */
	public Optional<RoutingRule> route(String categoryCode, String jurisdictionCode) {
		String major = categoryCode.length() > 3 ? categoryCode.substring(0, 3) : categoryCode;
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM case_routing_rule WHERE category_code IN (?, ?) AND ? LIKE jurisdiction_prefix || '%'
				ORDER BY LENGTH(category_code) DESC, LENGTH(jurisdiction_prefix) DESC""")
				.params(categoryCode, major, jurisdictionCode).query((rs, i) -> rule(rs)).list().stream().findFirst();
	}

	/** Adds or replaces the rule for a category and jurisdiction (center or admin). */
	@Transactional
	public RoutingRule save(CurrentUser user, String categoryCode, String jurisdictionCode, long leadUnitId,
			List<Long> assisting, boolean suggestPolice, boolean suggestProperty) {
		if (!user.hasAny(Role.ADMIN, Role.CENTER)) {
			throw new AccessDeniedException("routing rules are edited by the center or the system admin");
		}
		if (categories.find(categoryCode).isEmpty()) {
			throw new InvalidInputException("cases.category.invalid", categoryCode);
		}
		if (!JurisdictionCode.isValid(jurisdictionCode) && !jurisdictionCode.matches("\\d{6}")) {
			throw new InvalidInputException("cases.jurisdiction.invalid", jurisdictionCode);
		}
		// well-formed but naming nothing: a rule that could never match (a district is stored as its 12-digit code)
		if (!jurisdictions.exists(jurisdictionCode.length() == 6 ? jurisdictionCode + "000000" : jurisdictionCode)) {
			throw new InvalidInputException("cases.jurisdiction.unknown", jurisdictionCode);
		}
		String prefix = jurisdictionCode.length() == 6 ? jurisdictionCode : JurisdictionCode.of(jurisdictionCode).prefix();
		String assistingText = String.join(",", assisting.stream().filter(id -> id != leadUnitId).distinct()
				.map(String::valueOf).toList());
		jdbc.sql("DELETE FROM case_routing_rule WHERE category_code = ? AND jurisdiction_prefix = ?")
				.params(categoryCode, prefix).update();
		jdbc.sql("""
				INSERT INTO case_routing_rule (district_code, category_code, jurisdiction_prefix, lead_unit_id,
				assisting_unit_ids, suggest_police, suggest_property) VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(prefix.substring(0, 6), categoryCode, prefix, leadUnitId, assistingText, suggestPolice,
						suggestProperty)
				.update();
		audit.record("ROUTING_RULE_SET", "routingRule", categoryCode + "@" + prefix, AuditTrail.SUCCESS,
				"lead=" + leadUnitId + " assisting=" + assistingText);
		return route(categoryCode, prefix).orElseThrow();
	}

	@Transactional
	public void delete(CurrentUser user, long id) {
		if (!user.hasAny(Role.ADMIN, Role.CENTER)) {
			throw new AccessDeniedException("routing rules are edited by the center or the system admin");
		}
		jdbc.sql("DELETE FROM case_routing_rule WHERE id = ?").param(id).update();
		audit.record("ROUTING_RULE_DELETE", "routingRule", String.valueOf(id), AuditTrail.SUCCESS, null);
	}

	private static final String COLUMNS = """
			id, category_code, jurisdiction_prefix, lead_unit_id, assisting_unit_ids, suggest_police, suggest_property""";

	private static RoutingRule rule(java.sql.ResultSet rs) throws java.sql.SQLException {
		String assisting = rs.getString(5);
		return new RoutingRule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
				assisting == null || assisting.isBlank() ? List.of()
						: Arrays.stream(assisting.split(",")).map(Long::valueOf).toList(),
				rs.getBoolean(6), rs.getBoolean(7));
	}
}
