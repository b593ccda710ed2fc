package org.gridlink.supplies;

import org.jspecify.annotations.Nullable;

/** Where a request stands; each open status names the step due next. */
public enum RequestStatus {
	REQUESTED("approve"), APPROVED("allocate"), ALLOCATED("ship"), SHIPPED("receive"), RECEIVED(null),
	REFUSED(null);

	private final @Nullable String next;

	RequestStatus(@Nullable String next) {
		this.next = next;
	}

	/** The action due next ({@code approve}, {@code allocate}, {@code ship}, {@code receive}), null when final. */
	public @Nullable String next() {
		return next;
	}

	public boolean isFinal() {
		return next == null;
	}
}
