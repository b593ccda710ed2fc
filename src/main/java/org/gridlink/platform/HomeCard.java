package org.gridlink.platform;

/**
 * A tile on a user's home page: a label (message key), a figure or short text, and where it leads.
 * Modules contribute tiles through {@link HomeCards}.
 */
@org.springframework.modulith.NamedInterface("api")
public record HomeCard(String labelKey, String value, String href) {
}
