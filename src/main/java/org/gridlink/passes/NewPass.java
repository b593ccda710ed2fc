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

	/**
	 * The component a refusal of {@link Passes#issue} is about, from its message key ("holderName" for
	 * {@code passes.holder.required}, "validTo" for a bad window), or null when it is about none.
	 */
	public static @Nullable String field(String messageKey) {
		for (String[] prefix : FIELDS) {
			if (messageKey.startsWith(prefix[0])) {
				return prefix[1];
			}
		}
		return null;
	}

	private static final String[][] FIELDS = { { "passes.type", "type" }, { "passes.holder", "holderName" },
			{ "passes.plate", "plate" }, { "passes.purpose", "purpose" }, { "passes.zone", "zones" },
			{ "passes.window", "validTo" } };
}
