package org.gridlink.cases.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.cases.CaseCategory;

/** The category table as the pickers show it: each major class with its minor classes, in the table's order. */
final class CaseCategoryGroups {

	private CaseCategoryGroups() {
	}

	static Map<CaseCategory, List<CaseCategory>> group(List<CaseCategory> all, boolean activeOnly) {
		Map<CaseCategory, List<CaseCategory>> groups = new LinkedHashMap<>();
		for (CaseCategory major : all) {
			if (major.isMinor()) {
				continue;
			}
			List<CaseCategory> minors = all.stream()
					.filter(c -> c.isMinor() && major.code().equals(c.majorCode()) && (!activeOnly || c.active()))
					.toList();
			if (!activeOnly || !minors.isEmpty()) {
				groups.put(major, minors);
			}
		}
		return groups;
	}
}
