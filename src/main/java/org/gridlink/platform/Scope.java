package org.gridlink.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.gridlink.shared.JurisdictionCode;

/**
 * The jurisdictions a user may see: a set of codes, each covering itself and its whole subtree.
 * Queries filter with {@link #sqlCondition(String)} so scope is enforced in the database, not only in pages.
 */
@org.springframework.modulith.NamedInterface("api")
public record Scope(Set<String> codes) {

	public Scope {
		codes = Set.copyOf(new TreeSet<>(codes));
	}

	public static Scope of(Collection<String> codes) {
		return new Scope(Set.copyOf(codes));
	}

	public static Scope none() {
		return new Scope(Set.of());
	}

	public boolean isEmpty() {
		return codes.isEmpty();
	}

	/** The code prefixes of this scope, reduced so none is inside another. */
	public List<String> prefixes() {
		List<String> all = codes.stream().filter(JurisdictionCode::isValid).map(c -> JurisdictionCode.of(c).prefix())
				.sorted().toList();
		List<String> reduced = new ArrayList<>();
		for (String prefix : all) {
			if (reduced.stream().noneMatch(prefix::startsWith)) {
				reduced.add(prefix);
			}
		}
		return reduced;
	}

	/** True when {@code code} is one of the scope's nodes or lies below one of them. */
	public boolean covers(String code) {
		return code != null && prefixes().stream().anyMatch(code::startsWith);
	}

	/**
	 * A SQL condition over {@code column} that holds for rows in scope, e.g.
	 * {@code (code LIKE '320819001%' OR code LIKE '320819002001%')}; {@code 1=0} for an empty scope. Prefixes are
	 * digits only (validated codes), so inlining them is safe and keeps the statement cacheable per user.
	 */
	public String sqlCondition(String column) {
		List<String> prefixes = prefixes();
		if (prefixes.isEmpty()) {
			return "1=0";
		}
		StringBuilder sql = new StringBuilder("(");
		for (int i = 0; i < prefixes.size(); i++) {
			if (i > 0) {
				sql.append(" OR ");
			}
			sql.append(column).append(" LIKE '").append(prefixes.get(i)).append("%'");
		}
		return sql.append(')').toString();
	}
}
