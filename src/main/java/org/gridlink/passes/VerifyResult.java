package org.gridlink.passes;

/**
 * The answer of a verification. {@code UNKNOWN} is given only by offline verification when the trust list or the
 * revocation list is older than 24 hours: such a check is never green. {@code NOT_VALID_HERE} (amber) is a pass that
 * would be valid, checked at a checkpoint outside its zones: the holder is turned back, and the scan log counts it
 * as a refusal.
 */
public enum VerifyResult {
	VALID, INVALID, REVOKED, EXPIRED, UNKNOWN, NOT_VALID_HERE
}
