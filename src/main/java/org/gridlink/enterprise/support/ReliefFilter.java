package org.gridlink.enterprise.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.InvalidInputException;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.JurisdictionLevel;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the relief totals and export: type, street (its 12-digit code), industry section letter, granted
 * from/to. {@link #of} checks what was typed; a bad value is a 400 naming the filter.
 */
public record ReliefFilter(@Nullable ReliefType type, @Nullable String street, @Nullable String industry,
		@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Long enterpriseId) {

	public static ReliefFilter none() {
		return new ReliefFilter(null, null, null, null, null, null);
	}

	public static ReliefFilter of(@Nullable String type, @Nullable String street, @Nullable String industry,
			@Nullable String from, @Nullable String to) {
		ReliefType t = type == null || type.isBlank() ? null : Fields.oneOf("type", type, ReliefType.class);
		String s = street == null || street.isBlank() ? null : street.strip();
		if (s != null && (!JurisdictionCode.isValid(s) || JurisdictionCode.of(s).level() != JurisdictionLevel.STREET)) {
			throw new InvalidInputException("support.field.choice", "street");
		}
		String i = industry == null || industry.isBlank() ? null : industry.strip().toUpperCase(java.util.Locale.ROOT);
		if (i != null && !i.matches("[A-T]")) {
			throw new InvalidInputException("support.field.choice", "industry");
		}
		LocalDate f = Fields.date("from", from);
		LocalDate u = Fields.date("to", to);
		if (f != null && u != null && u.isBefore(f)) {
			throw new InvalidInputException("support.field.date", "to");
		}
		return new ReliefFilter(t, s, i, f, u, null);
	}

	/** The SQL conditions (over {@code r} relief and {@code e} enterprise) and their arguments, in order. */
	String sql(List<Object> args) {
		List<String> parts = new ArrayList<>();
		if (type != null) {
			parts.add("r.relief_type = ?");
			args.add(type.name());
		}
		if (street != null) {
			parts.add("LEFT(e.grid_code, 9) = ?");
			args.add(street.substring(0, 9));
		}
		if (industry != null) {
			parts.add("e.industry = ?");
			args.add(industry);
		}
		if (from != null) {
			parts.add("r.granted_on >= ?");
			args.add(from);
		}
		if (to != null) {
			parts.add("r.granted_on <= ?");
			args.add(to);
		}
		if (enterpriseId != null) {
			parts.add("r.enterprise_id = ?");
			args.add(enterpriseId);
		}
		return parts.isEmpty() ? "1=1" : String.join(" AND ", parts);
	}
}
