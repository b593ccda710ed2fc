package org.gridlink.jurisdiction;

import java.util.Optional;

import org.gridlink.platform.UnitDutyPhones;
import org.springframework.stereotype.Component;

/** The units' duty phones for other modules (notices), through the platform's {@link UnitDutyPhones}. */
@Component
class UnitDutyPhoneDirectory implements UnitDutyPhones {

	private final Organization organization;

	UnitDutyPhoneDirectory(Organization organization) {
		this.organization = organization;
	}

	@Override
	public Optional<String> dutyPhone(long unitId) {
		return organization.dutyPhone(unitId);
	}
}
