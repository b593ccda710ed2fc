package org.gridlink.enterprise.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One line of the relief ledger, with the enterprise it went to (name, grid, industry section). */
public record Relief(long id, long enterpriseId, String enterpriseName, String gridCode, @Nullable String industry,
		ReliefType type, long amountFen, LocalDate grantedOn, @Nullable String bank, @Nullable LocalDate startsOn,
		@Nullable LocalDate endsOn, @Nullable String landlord, @Nullable Integer months, @Nullable String note,
		@Nullable Long caseId, @Nullable String caseNumber, OffsetDateTime recordedAt, String recordedBy) {

	/** The amount in CNY, e.g. ¥1,250,000.00. */
	public String amount() {
		return Fen.cny(amountFen);
	}

	/** The street's 12-digit code: the first nine digits of the grid code. */
	public String streetCode() {
		return gridCode.substring(0, 9) + "000";
	}
}
