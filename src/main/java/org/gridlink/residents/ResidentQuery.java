package org.gridlink.residents;

import org.jspecify.annotations.Nullable;

/**
 * A resident search: within a jurisdiction (and the caller's scope), by text (a name or address part; an exact ID
 * number or phone is matched through its keyed hash) and by tag. Every field is optional.
 */
public record ResidentQuery(@Nullable String jurisdiction, @Nullable String q, @Nullable String tag) {
}
