package org.gridlink.enterprise;

import java.util.Optional;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds enterprises and says who sees which: the one scope rule of enterprise services.
 * <ul>
 * <li>A liaison (联络员) sees the enterprises assigned to them, and only those.</li>
 * <li>Center, leaders, street and community staff and grid workers see the enterprises whose grid lies in their
 * jurisdiction scope.</li>
 * </ul>
 */
@Component
public class EnterpriseDirectory {

	private static final String COLUMNS = "e.id, e.credit_code, e.name, e.industry, e.size, e.grid_code, "
			+ "e.key_enterprise, e.legal_rep_masked AS legal_representative_masked";

	private final JdbcClient jdbc;

	EnterpriseDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<EnterpriseRef> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE e.id = ?").param(id).query(EnterpriseRef.class)
				.optional();
	}

	public Optional<EnterpriseRef> findByCreditCode(String creditCode) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE e.credit_code = ?")
				.param(creditCode.strip().toUpperCase(java.util.Locale.ROOT)).query(EnterpriseRef.class).optional();
	}

	/** The enterprise if the user sees it; otherwise not found (an enterprise outside one's scope is not shown to exist). */
	public EnterpriseRef require(CurrentUser user, long id) {
		return find(id).filter(e -> sees(user, e)).orElseThrow(() -> new NotFoundException("enterprise.not.found", String.valueOf(id)));
	}

	public boolean sees(CurrentUser user, EnterpriseRef enterprise) {
		if (byPlace(user) && user.scope().covers(enterprise.gridCode())) {
			return true;
		}
		return user.has(Role.LIAISON) && jdbc.sql("SELECT COUNT(*) FROM enterprise_liaison WHERE enterprise_id = ? AND "
				+ "account_id = ?").param(enterprise.id()).param(user.id()).query(Long.class).single() > 0;
	}

	/** True when the user sees some enterprises at all (menus). */
	public boolean seesAny(CurrentUser user) {
		return (byPlace(user) && !user.scope().isEmpty()) || user.has(Role.LIAISON);
	}

	/**
	 * A SQL condition over the {@code enterprise} table under {@code alias} that holds for the enterprises the user
	 * sees. The inlined values are validated codes and the numeric account id, so the text is safe and cacheable.
	 */
	public String visibleSql(CurrentUser user, String alias) {
		String place = byPlace(user) ? user.scope().sqlCondition(alias + ".grid_code") : "1=0";
		String liaison = user.has(Role.LIAISON) ? alias + ".id IN (SELECT enterprise_id FROM enterprise_liaison WHERE "
				+ "account_id = " + user.id() + ")" : "1=0";
		return "(" + place + " OR " + liaison + ")";
	}

	private static boolean byPlace(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY, Role.GRID_WORKER);
	}
}
