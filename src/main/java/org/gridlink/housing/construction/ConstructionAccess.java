package org.gridlink.housing.construction;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridlink.housing.HousingDirectory;
import org.gridlink.housing.HousingProjectRef;
import org.gridlink.housing.construction.ConstructionViews.Site;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees and does what in construction (docs/housing-construction.md, "Who does what"):
 * <ul>
 * <li>Sees a site: the staff who see the project by place (center, leaders, township, village, grid workers — the
 * project rule of {@link HousingDirectory}) and inspectors, for the sites in villages their scope covers; a site
 * manager (SITE_MANAGER) for the sites assigned to them only.</li>
 * <li>Reports on a site (daily reports, problems, milestones reached): its site manager, or township and village
 * staff covering its village.</li>
 * <li>Inspects: center, township staff and inspectors covering the village.</li>
 * <li>Plans and keeps the books (durations, supporting works, spending, training): center and township staff who see
 * the project.</li>
 * </ul>
 */
@Component
public class ConstructionAccess {

	static final String SITE_COLUMNS = "s.id, s.project_id, s.name, s.village_code, s.address, s.buildings";

	private final JdbcClient jdbc;
	private final HousingDirectory directory;

	ConstructionAccess(JdbcClient jdbc, HousingDirectory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	static boolean byPlace(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY, Role.GRID_WORKER, Role.INSPECTOR);
	}

	/** The sites assigned to a site manager. */
	public Set<Long> managed(CurrentUser user) {
		if (!user.has(Role.SITE_MANAGER)) {
			return Set.of();
		}
		return jdbc.sql("SELECT site_id FROM housing_site_manager WHERE username = ?").param(user.username())
				.query(Long.class).list().stream().collect(Collectors.toSet());
	}

	/** SQL over housing_site alias {@code s}: the sites the user sees. */
	public String siteSql(CurrentUser user) {
		String place = byPlace(user) ? user.scope().sqlCondition("s.village_code") : "1=0";
		Set<Long> mine = managed(user);
		String own = mine.isEmpty() ? "1=0"
				: "s.id IN (" + mine.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
		return "(" + place + " OR " + own + ")";
	}

	public boolean seesSite(CurrentUser user, Site s) {
		return (byPlace(user) && user.scope().covers(s.villageCode())) || managed(user).contains(s.id());
	}

	/** The site if the user sees it; otherwise not found. */
	public Site site(CurrentUser user, long siteId) {
		return find(siteId).filter(s -> seesSite(user, s))
				.orElseThrow(() -> new NotFoundException("construction.site.not.found", String.valueOf(siteId)));
	}

	public java.util.Optional<Site> find(long siteId) {
		return jdbc.sql("SELECT " + SITE_COLUMNS + " FROM housing_site s WHERE s.id = ?").param(siteId)
				.query(Site.class).optional();
	}

	/** The project's sites the user sees, in id order. */
	public List<Site> sites(CurrentUser user, long projectId) {
		return jdbc.sql("SELECT " + SITE_COLUMNS + " FROM housing_site s WHERE s.project_id = ? AND " + siteSql(user)
				+ " ORDER BY s.id").param(projectId).query(Site.class).list();
	}

	/** The project if the user sees it or one of its sites; otherwise not found. */
	public HousingProjectRef project(CurrentUser user, long projectId) {
		return directory.find(projectId).filter(p -> directory.sees(user, projectId) || !sites(user, projectId).isEmpty())
				.orElseThrow(() -> new NotFoundException("housing.project.not.found", String.valueOf(projectId)));
	}

	/** The projects in which the user sees a site, newest first. */
	public List<HousingProjectRef> projects(CurrentUser user) {
		List<Long> ids = jdbc.sql("SELECT DISTINCT s.project_id FROM housing_site s WHERE " + siteSql(user))
				.query(Long.class).list();
		return ids.stream().sorted(java.util.Comparator.reverseOrder()).map(directory::find)
				.flatMap(java.util.Optional::stream).toList();
	}

	public boolean reportsOn(CurrentUser user, Site s) {
		return managed(user).contains(s.id())
				|| (user.hasAny(Role.STREET, Role.COMMUNITY) && user.scope().covers(s.villageCode()));
	}

	public boolean inspects(CurrentUser user, Site s) {
		return user.hasAny(Role.CENTER, Role.STREET, Role.INSPECTOR) && user.scope().covers(s.villageCode());
	}

	public boolean plans(CurrentUser user, long projectId) {
		return user.hasAny(Role.CENTER, Role.STREET) && directory.sees(user, projectId);
	}

	/** Sees the project's books and job matching (not site managers: they keep to their sites). */
	public boolean readsBooks(CurrentUser user, long projectId) {
		return directory.sees(user, projectId);
	}

	public String householdSql(CurrentUser user, String alias) {
		return directory.householdSql(user, alias);
	}

	static void require(boolean allowed) {
		if (!allowed) {
			throw new AccessDeniedException("construction");
		}
	}
}
