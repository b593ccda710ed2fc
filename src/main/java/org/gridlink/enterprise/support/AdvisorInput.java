package org.gridlink.enterprise.support;

import org.jspecify.annotations.Nullable;

/** One seat of a team as typed: {@code seat} POLICE, JUDGE, PROCURATOR or LAWYER, the name and the work phone. */
public record AdvisorInput(@Nullable String seat, @Nullable String name, @Nullable String organisation,
		@Nullable String workPhone) {
}
