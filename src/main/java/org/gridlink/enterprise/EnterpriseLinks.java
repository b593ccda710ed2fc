package org.gridlink.enterprise;

/**
 * The public addresses of an enterprise's pages, one place for every part that links to them (the contact card's QR
 * code opens {@link #appealPage}).
 */
public final class EnterpriseLinks {

	private EnterpriseLinks() {
	}

	/** The public page where the enterprise files an appeal, relative to the site root. */
	public static String appealPage(String creditCode) {
		return "/enterprise-appeal/" + creditCode;
	}
}
