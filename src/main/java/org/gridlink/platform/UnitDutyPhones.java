package org.gridlink.platform;

import java.util.Optional;

/**
 * A unit's duty phone (值班电话), for the modules that text a unit (notices). Implemented by the jurisdiction module,
 * which keeps units, so that those modules need not depend on it. The number is personal data in the open: pass it
 * only to a gateway, never show or log it.
 */
@org.springframework.modulith.NamedInterface("api")
public interface UnitDutyPhones {

	/** The unit's duty phone, normalised (11-digit mobile number); empty when the unit has none or is unknown. */
	Optional<String> dutyPhone(long unitId);
}
