package org.gridlink.enterprise;

/** A liaison (联络员) assigned to an enterprise: the account and its display name. */
public record Liaison(long accountId, String username, String displayName) {
}
