package org.gridlink.screening;

import org.jspecify.annotations.Nullable;

/**
 * What became of one record: {@code ACCEPTED}, {@code DUPLICATE} (already received under this client id, counted
 * once) or {@code REJECTED} with a code ({@code FORBIDDEN}, {@code NOT_FOUND}, {@code INVALID_INPUT}) and a message
 * key with its arguments.
 */
public record RecordResult(String clientId, String status, @Nullable String code, @Nullable String messageKey,
		Object... arguments) {

	static RecordResult accepted(String clientId) {
		return new RecordResult(clientId, "ACCEPTED", null, null);
	}

	static RecordResult duplicate(String clientId) {
		return new RecordResult(clientId, "DUPLICATE", null, null);
	}

	static RecordResult rejected(String clientId, String code, String messageKey, Object... arguments) {
		return new RecordResult(clientId, "REJECTED", code, messageKey, arguments);
	}
}
