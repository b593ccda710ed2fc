package org.gridlink.passes;

import java.time.OffsetDateTime;
import java.util.List;

import org.gridlink.passes.token.PassAlgorithm;
import org.jspecify.annotations.Nullable;

/**
 * A pass to issue. A person pass needs the holder's name (stored sealed, shown and signed masked); a vehicle pass
 * needs a plate in a Chinese plate format (the driver's name is optional). Zones are jurisdiction codes inside the
 * issuer's scope. {@code algorithm} is optional: the installation's default (ES256) when absent.
 */
public record NewPass(@Nullable PassType type, @Nullable String holderName, @Nullable String plate,
		@Nullable String purpose, @Nullable List<String> zones, @Nullable OffsetDateTime validFrom,
		@Nullable OffsetDateTime validTo, @Nullable PassAlgorithm algorithm) {

	public NewPass(@Nullable PassType type, @Nullable String holderName, @Nullable String plate,
			@Nullable String purpose, @Nullable List<String> zones, @Nullable OffsetDateTime validFrom,
			@Nullable OffsetDateTime validTo) {
		this(type, holderName, plate, purpose, zones, validFrom, validTo, null);
	}
}
