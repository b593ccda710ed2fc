package org.gridlink.quarantine;

/** A centralized quarantine site with its capacity (beds in service), occupied beds and rooms. */
public record SiteView(long id, String name, String address, String jurisdictionCode, int rooms, int capacity,
		int occupied) {

	public int free() {
		return Math.max(0, capacity - occupied);
	}
}
