package org.gridlink.supplies;

/** The gap board's line: per place and item what was asked, approved, shipped, arrived and what is short. */
public record GapLine(String jurisdictionCode, String itemCode, long requested, long approved, long shipped,
		long received, long shortfall, long open) {
}
