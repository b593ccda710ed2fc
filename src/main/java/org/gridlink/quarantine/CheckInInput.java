package org.gridlink.quarantine;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A self-report as typed on the check-in page or sent to its API: temperature (°C), symptom codes, a note. */
public record CheckInInput(@Nullable String temperature, @Nullable List<String> symptoms, @Nullable String note) {
}
