package org.gridlink.quarantine;

/** An order is active until it is released. */
public enum OrderStatus {
	ACTIVE, RELEASED
}
