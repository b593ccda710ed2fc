package org.gridlink.quarantine;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A grid worker's visit: {@code result} SEEN (the person was seen: a temperature is required, symptoms as observed)
 * or NOT_SEEN (nobody answered: does not count as today's check-in; a note says what happened).
 */
public record VisitInput(@Nullable String result, @Nullable String temperature, @Nullable List<String> symptoms,
		@Nullable String note) {
}
