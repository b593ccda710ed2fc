package org.gridlink.enterprise.support;

import org.jspecify.annotations.Nullable;

/**
 * Relief to record, as a client sends it: {@code type} one of {@link ReliefType}, {@code amountFen} in fen (positive),
 * {@code grantedOn} (yyyy-MM-dd); loans and credit name {@code bank} and {@code startsOn}/{@code endsOn}; rent relief
 * {@code landlord} and {@code months}; {@code caseId} the appeal it answered (optional).
 */
public record ReliefInput(@Nullable String type, @Nullable Long amountFen, @Nullable String grantedOn,
		@Nullable String bank, @Nullable String startsOn, @Nullable String endsOn, @Nullable String landlord,
		@Nullable Integer months, @Nullable String note, @Nullable Long caseId) {
}
