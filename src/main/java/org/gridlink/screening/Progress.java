package org.gridlink.screening;

import java.util.List;

/** Screened / total / abnormal households and persons of one jurisdiction node, with its children. */
public record Progress(String code, String name, String level, long households, long screenedHouseholds,
		long abnormalHouseholds, long persons, long screenedPersons, long abnormalPersons, long unreachable,
		long movedOut, long newPersons, List<Progress> children) {

	/** Screened households in percent, rounded down. */
	public int percent() {
		return households == 0 ? 0 : (int) (screenedHouseholds * 100 / households);
	}
}
