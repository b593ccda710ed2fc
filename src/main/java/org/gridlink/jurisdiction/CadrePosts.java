package org.gridlink.jurisdiction;

import java.time.LocalDate;
import java.util.List;

import org.gridlink.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads of the cadre posts (挂包) for other modules (the mobilization module's presence and tasks): the posts of a
 * cadre's account, of a unit, of the communities in a scope. Read only; posts are made on the admin pages
 * ({@link Organization#postCadre}).
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class CadrePosts {

	/** One post: the cadre (staff id, name, account if any), the unit posting them, the community. */
	@org.springframework.modulith.NamedInterface("api")
	public record CadrePost(long staffId, String cadreName, @Nullable String username, @Nullable Long unitId,
			@Nullable String unitName, String communityCode, String communityName, LocalDate since) {
	}

	private static final String SELECT = """
			SELECT s.id, s.name, s.username, p.unit_id, u.name, p.community_code, j.name, p.since FROM post p
			JOIN staff s ON s.id = p.staff_id LEFT JOIN unit u ON u.id = p.unit_id
			JOIN jurisdiction j ON j.code = p.community_code WHERE s.active AND\s""";

	private final JdbcClient jdbc;

	CadrePosts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The posts of the cadre who signs in as {@code username}, by community. */
	public List<CadrePost> ofAccount(String username) {
		return query("s.username = ? ORDER BY p.community_code", username);
	}

	/** The posts of a unit's cadres, by cadre name. */
	public List<CadrePost> ofUnit(long unitId) {
		return query("p.unit_id = ? ORDER BY s.name, p.community_code", unitId);
	}

	/** The posts to communities within a scope, by community and cadre name. */
	public List<CadrePost> within(Scope scope) {
		return jdbc.sql(SELECT + scope.sqlCondition("p.community_code") + " ORDER BY p.community_code, s.name")
				.query(CadrePosts::row).list();
	}

	private List<CadrePost> query(String condition, Object key) {
		return jdbc.sql(SELECT + condition).param(key).query(CadrePosts::row).list();
	}

	private static CadrePost row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		long unit = rs.getLong(4);
		Long unitId = rs.wasNull() ? null : unit;
		return new CadrePost(rs.getLong(1), rs.getString(2), rs.getString(3), unitId,
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class));
	}
}
