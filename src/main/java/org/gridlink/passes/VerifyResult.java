package org.gridlink.passes;

/**
 * The answer of a verification. {@code UNKNOWN} is given only by offline verification when the trust list or the
 * revocation list is older than 24 hours: such a check is never green.
 */
public enum VerifyResult {
	VALID, INVALID, REVOKED, EXPIRED, UNKNOWN
}
