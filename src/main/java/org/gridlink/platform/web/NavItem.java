package org.gridlink.platform.web;

/**
 * One entry of the left menu: message key of its label and its path; {@code daily} entries are shown first, the
 * others under "more" ({@link DailyMenus}).
 */
public record NavItem(String labelKey, String href, boolean daily) {

	public NavItem(String labelKey, String href) {
		this(labelKey, href, true);
	}
}
