package org.gridlink.quarantine;

/**
 * An alert of home quarantine monitoring was raised (published in the alert's transaction; {@link AlertCases} opens
 * its case). Ids only: the listener reads the alert as it is when it runs.
 */
record QuarantineAlertRaised(long alertId) {
}
