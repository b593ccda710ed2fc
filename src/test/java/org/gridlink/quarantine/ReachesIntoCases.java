package org.gridlink.quarantine;

import org.gridlink.cases.CaseCategories;

/**
 * Deliberately wrong, for {@code ModularityTest} only: quarantine using a public type of cases that is not in the
 * cases API. The modularity test imports it on purpose and expects the violation.
 */
class ReachesIntoCases {

	private final CaseCategories categories;

	ReachesIntoCases(CaseCategories categories) {
		this.categories = categories;
	}

	int count() {
		return categories.all().size();
	}
}
