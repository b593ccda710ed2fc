package org.gridlink.quarantine;

/**
 * A site's beds changed (a room added, a bed taken out of service or back): published in that step's transaction so
 * the command center resyncs the free beds ({@link QuarantineFacts#bedsFree}). Orders and releases publish
 * {@link QuarantineOrdered} and {@link QuarantineReleased}, which do the same.
 */
@org.springframework.modulith.NamedInterface("api")
public record QuarantineSitesChanged(long siteId) {
}
