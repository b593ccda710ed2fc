package org.gridlink.passes;

import org.jspecify.annotations.Nullable;

/**
 * The result of verifying one code, the reason, and what a checkpoint shows when the signature was good: type,
 * masked holder name or plate, zones and window ({@code null} for codes that did not verify as signed).
 */
public record Verdict(VerifyResult result, VerifyReason reason, @Nullable PassClaims claims) {

	public static Verdict of(VerifyReason reason) {
		return new Verdict(reason.result(), reason, null);
	}

	public static Verdict of(VerifyReason reason, PassClaims claims) {
		return new Verdict(reason.result(), reason, claims);
	}

	public boolean valid() {
		return result == VerifyResult.VALID;
	}
}
