package org.gridlink.cases;

import org.jspecify.annotations.Nullable;

/** Filters of the case list; every one optional. {@code overdue} true: overdue only, false: not overdue. */
public record CaseQuery(@Nullable CaseStatus status, @Nullable String category, @Nullable Long unit,
		@Nullable String jurisdiction, @Nullable Boolean overdue, @Nullable String q) {

	public static CaseQuery all() {
		return new CaseQuery(null, null, null, null, null, null);
	}
}
