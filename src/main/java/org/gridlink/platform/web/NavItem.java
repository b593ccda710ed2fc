package org.gridlink.platform.web;

/** One entry of the left menu: message key of its label and its path. */
public record NavItem(String labelKey, String href) {
}
