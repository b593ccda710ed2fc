package org.gridlink.shared;

import java.util.regex.Pattern;

/**
 * A jurisdiction code: the 12-digit statistical division code (统计用区划代码) for a district, street/town or
 * community/village, or the 15-digit grid code (community code + 3-digit sequence).
 * <p>
 * The {@link #prefix()} is the significant part of the code; every descendant's code starts with it, which is
 * how scope filters work in queries ({@code code LIKE prefix || '%'}), without a per-row call.
 */
public record JurisdictionCode(String value) {

	private static final Pattern FORMAT = Pattern.compile("\\d{12}|\\d{15}");

	public JurisdictionCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("A jurisdiction code has 12 or 15 digits: " + value);
		}
	}

	public static boolean isValid(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}

	public static JurisdictionCode of(String value) {
		return new JurisdictionCode(value);
	}

	public JurisdictionLevel level() {
		if (value.length() == 15) {
			return JurisdictionLevel.GRID;
		}
		if (value.endsWith("000000")) {
			return JurisdictionLevel.DISTRICT;
		}
		return value.endsWith("000") ? JurisdictionLevel.STREET : JurisdictionLevel.COMMUNITY;
	}

	/** The part of the code every descendant shares: 6 digits for a district, 9 for a street, 12 or 15 below. */
	public String prefix() {
		return switch (level()) {
			case DISTRICT -> value.substring(0, 6);
			case STREET -> value.substring(0, 9);
			case COMMUNITY, GRID -> value;
		};
	}

	/** The 6-digit GB/T 2260 code of the district this code lies in: the shard and partition key. */
	public String districtCode() {
		return value.substring(0, 6);
	}

	/** True when {@code other} is this node or one of its descendants. */
	public boolean contains(JurisdictionCode other) {
		return other.value.startsWith(prefix());
	}

	@Override
	public String toString() {
		return value;
	}
}
