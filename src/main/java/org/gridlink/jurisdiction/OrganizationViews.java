package org.gridlink.jurisdiction;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Read models of the organization: units, staff, posts, property companies and compounds. */
@org.springframework.modulith.NamedInterface("api")
public final class OrganizationViews {

	private OrganizationViews() {
	}

	public record UnitView(long id, String code, String name, String kind, long staff) {
	}

	public record StaffView(long id, String name, String kind, @Nullable String unitName,
			@Nullable String propertyCompany, @Nullable String username, boolean active, List<String> assignments) {
	}

	public record PostView(long id, String cadre, @Nullable String unitName, String communityCode,
			String communityName, LocalDate since) {
	}

	public record CompanyView(long id, String name, long compounds) {
	}

	public record CompoundRow(long id, String name, String gridCode, @Nullable Long companyId,
			@Nullable String companyName) {
	}

	/** One unit with its duty phone, masked ({@code 138****5678}), or null when it has none. */
	public record UnitDetail(long id, String code, String name, String kind, long staff,
			@Nullable String dutyPhoneMasked) {
	}
}
