package org.gridlink.enterprise.support;

import org.jspecify.annotations.Nullable;

/** A member of an enterprise's advisory team: the seat, the name, their organisation and work phone. */
public record Advisor(Seat seat, String name, @Nullable String organisation, String workPhone) {
}
