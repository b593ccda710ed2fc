package org.gridlink.enterprise.appeals;

import java.util.List;

/**
 * The minor classes of enterprise appeals (the cases module's group S07, migration cases V11): loans, tax, rent,
 * labour disputes, contract disputes, legal questions, permits. Their names are this module's messages
 * ({@code enterprise.appeals.category.<code>}).
 */
public final class AppealCategories {

	public static final List<String> CODES = List.of("S0701", "S0702", "S0703", "S0704", "S0705", "S0706", "S0707");

	private AppealCategories() {
	}

	public static boolean isAppealCategory(String code) {
		return CODES.contains(code);
	}
}
