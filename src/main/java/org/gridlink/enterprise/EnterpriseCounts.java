package org.gridlink.enterprise;

/** What a user sees of the registry in figures: enterprises, key enterprises, those without a contact phone. */
public record EnterpriseCounts(long total, long key, long withoutPhone) {
}
