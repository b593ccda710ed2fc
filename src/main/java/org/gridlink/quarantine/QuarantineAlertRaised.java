package org.gridlink.quarantine;

/**
 * An alert of home quarantine monitoring was raised (published in the alert's transaction; {@link AlertCases} opens
 * its case, the command center counts it open until that case is closed: {@link QuarantineFacts#alert}). Ids only:
 * a listener reads the alert as it is when it runs.
 */
@org.springframework.modulith.NamedInterface("api")
public record QuarantineAlertRaised(long alertId) {
}
