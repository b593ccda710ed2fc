package org.gridlink.support;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Demo users and codes of the demo district, for tests. */
public final class Demo {

	public static final String PASSWORD = "Demo#2026";
	public static final String DISTRICT = "320819000000";
	public static final String STREET1 = "320819001000";
	public static final String COMMUNITY1 = "320819001001";
	public static final String GRID1 = "320819001001001";
	public static final String GRID2 = "320819002001001";

	private Demo() {
	}

	/** HTTP Basic as a demo user, through the real authentication. */
	public static RequestPostProcessor as(String username) {
		return httpBasic(username, PASSWORD);
	}
}
