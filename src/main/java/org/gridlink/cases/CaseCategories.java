package org.gridlink.cases;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.SharedVersions;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The category code table: read by everyone (it holds no personal data), edited by the system admin only. Kept in
 * memory; an edit bumps the shared version {@value #VERSION}, so the other instances read the table again within
 * {@code gridlink.cases.cache-check} (2 seconds).
 */
@Service
public class CaseCategories {

	static final Pattern MAJOR = Pattern.compile("[CES]\\d{2}");
	static final Pattern MINOR = Pattern.compile("[CES]\\d{4}");

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	static final String VERSION = "cases.categories";

	private final AtomicReference<@Nullable List<CaseCategory>> cache = new AtomicReference<>();
	private final SharedVersions versions;
	private final SharedVersions.Watch changes;

	CaseCategories(JdbcClient jdbc, AuditTrail audit, SharedVersions versions,
			@org.springframework.beans.factory.annotation.Value("${gridlink.cases.cache-check:PT2S}") java.time.Duration checkEvery) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.versions = versions;
		this.changes = versions.watch(VERSION, checkEvery);
	}

	/** Every class, majors followed by their minors, in the table's order. */
	public List<CaseCategory> all() {
		if (changes.changed()) {
			cache.set(null); // edited on another instance
		}
		List<CaseCategory> all = cache.get();
		if (all == null) {
			all = jdbc.sql("""
					SELECT c.code, c.major_code, c.family, c.name_zh, c.name_en, c.filing_condition, c.closing_condition,
					c.time_limit, c.time_unit, c.active FROM case_category c
					LEFT JOIN case_category m ON m.code = c.major_code
					ORDER BY COALESCE(m.sort_order, c.sort_order), c.major_code NULLS FIRST, c.sort_order, c.code""")
					.query((rs, i) -> new CaseCategory(rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
							rs.getObject(8, Integer.class), rs.getString(9), rs.getBoolean(10)))
					.list();
			cache.set(all);
		}
		return all;
	}

	/** The active minor classes: what a report may be filed under. */
	public List<CaseCategory> minorClasses() {
		return all().stream().filter(c -> c.isMinor() && c.active()).toList();
	}

	public Optional<CaseCategory> find(String code) {
		return all().stream().filter(c -> c.code().equals(code)).findFirst();
	}

	/** An active minor class, or a clear 400. */
	public CaseCategory requireMinor(@Nullable String code) {
		return find(code == null ? "" : code.strip()).filter(c -> c.isMinor() && c.active())
				.orElseThrow(() -> new InvalidInputException("cases.category.invalid", code == null ? "" : code));
	}

	/** Creates or updates a class (admin). Minor classes need a major class, a positive limit and its unit. */
	@Transactional
	public CaseCategory save(CurrentUser user, CaseCategory category) {
		if (!user.has(Role.ADMIN)) {
			throw new AccessDeniedException("case categories are edited by the system admin");
		}
		String code = category.code().strip();
		boolean minor = MINOR.matcher(code).matches();
		if (!minor && !MAJOR.matcher(code).matches()) {
			throw new InvalidInputException("cases.category.code.invalid", code);
		}
		if (category.nameZh().isBlank() || category.nameEn().isBlank() || category.nameZh().length() > 100
				|| category.nameEn().length() > 100) {
			throw new InvalidInputException("cases.category.name.invalid");
		}
		String major = minor ? code.substring(0, 3) : null;
		if (minor) {
			if (find(major).filter(c -> !c.isMinor()).isEmpty()) {
				throw new InvalidInputException("cases.category.major.missing", major);
			}
			if (category.timeLimit() == null || category.timeLimit() <= 0 || category.timeLimit() > 1000
					|| !(CaseCategory.WORK_HOURS.equals(category.timeUnit())
							|| CaseCategory.WORK_DAYS.equals(category.timeUnit()))) {
				throw new InvalidInputException("cases.category.limit.invalid");
			}
		}
		String filing = trim(category.filingCondition(), 500);
		String closing = trim(category.closingCondition(), 500);
		int updated = jdbc.sql("""
				UPDATE case_category SET name_zh = ?, name_en = ?, filing_condition = ?, closing_condition = ?,
				time_limit = ?, time_unit = ?, active = ? WHERE code = ?""")
				.params(category.nameZh().strip(), category.nameEn().strip(), filing, closing,
						minor ? category.timeLimit() : null, minor ? category.timeUnit() : null, category.active(),
						code)
				.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO case_category (code, major_code, family, name_zh, name_en, filing_condition,
					closing_condition, time_limit, time_unit, active, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(code, major, code.substring(0, 1), category.nameZh().strip(), category.nameEn().strip(),
							filing, closing, minor ? category.timeLimit() : null, minor ? category.timeUnit() : null,
							category.active(), 1000)
					.update();
		}
		versions.bump(VERSION);
		cache.set(null);
		audit.record(updated == 0 ? "CASE_CATEGORY_CREATE" : "CASE_CATEGORY_UPDATE", "caseCategory", code,
				AuditTrail.SUCCESS, null);
		return find(code).orElseThrow(() -> new NotFoundException("cases.category.invalid", code));
	}

	private static String trim(@Nullable String value, int max) {
		String v = value == null ? "" : value.strip();
		return v.length() > max ? v.substring(0, max) : v;
	}
}
