package org.gridlink.passes.token;

import org.gridlink.passes.VerifyReason;

/** A code that cannot be read as a signed pass token, with the reason. */
public class TokenRejected extends Exception {

	private final VerifyReason reason;

	public TokenRejected(VerifyReason reason, String detail) {
		super(reason + ": " + detail, null, false, false);
		this.reason = reason;
	}

	public VerifyReason reason() {
		return reason;
	}
}
