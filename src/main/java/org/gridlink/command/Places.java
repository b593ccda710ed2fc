package org.gridlink.command;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.shared.JurisdictionCode;

/** The chain of a code up to its district: a grid counts for its community, street and district too. */
final class Places {

	private Places() {
	}

	static List<String> upward(String code) {
		List<String> chain = new ArrayList<>(4);
		if (!JurisdictionCode.isValid(code)) {
			return chain;
		}
		chain.add(code);
		String twelve = code.substring(0, 12);
		if (code.length() == 15) {
			chain.add(twelve);
		}
		String street = twelve.substring(0, 9) + "000";
		if (!chain.contains(street)) {
			chain.add(street);
		}
		String district = twelve.substring(0, 6) + "000000";
		if (!chain.contains(district)) {
			chain.add(district);
		}
		return chain;
	}
}
