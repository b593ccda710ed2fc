package org.gridlink.passes;

/** Why a verification gave its result; message key {@code passes.reason.<name>}. */
public enum VerifyReason {
	/** Signature, key, window and revocation all good. */
	OK(VerifyResult.VALID),
	/** The code does not start with {@code GL1:}. */
	BAD_PREFIX(VerifyResult.INVALID),
	/** Not Base45. */
	BAD_BASE45(VerifyResult.INVALID),
	/** Not a COSE_Sign1 structure in CBOR (also a truncated code). */
	BAD_STRUCTURE(VerifyResult.INVALID),
	/** The protected header names an algorithm the verifier does not accept. */
	DISALLOWED_ALGORITHM(VerifyResult.INVALID),
	/** No trusted (or no longer trusted: withdrawn) key has this key id. */
	UNKNOWN_KEY(VerifyResult.INVALID),
	/** The signature does not match (a changed byte). */
	BAD_SIGNATURE(VerifyResult.INVALID),
	/** Signed, but the body is not a version-1 pass. */
	BAD_PAYLOAD(VerifyResult.INVALID),
	/** The pass has been revoked. */
	REVOKED(VerifyResult.REVOKED),
	/** After the end of the validity window. */
	EXPIRED(VerifyResult.EXPIRED),
	/** Before the start of the validity window. */
	NOT_YET_VALID(VerifyResult.EXPIRED),
	/** Good in every other way, but none of the pass's zones covers the checkpoint (nor lies inside its place). */
	OUTSIDE_ZONES(VerifyResult.NOT_VALID_HERE),
	/** Offline: the trust or revocation list is older than 24 hours, so a good pass cannot be confirmed. */
	STALE_LIST(VerifyResult.UNKNOWN),
	/**
	 * Offline in the browser: an SM2 pass, which WebCrypto cannot check; the server (online) or the command-line
	 * verifier decides. Never given by the server or the Java verifier.
	 */
	NEEDS_SERVER(VerifyResult.UNKNOWN);

	private final VerifyResult result;

	VerifyReason(VerifyResult result) {
		this.result = result;
	}

	public VerifyResult result() {
		return result;
	}
}
