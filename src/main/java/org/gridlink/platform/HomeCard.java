package org.gridlink.platform;

import org.jspecify.annotations.Nullable;

/**
 * A tile on a user's home page: a label (message key), a figure or short text, and where it leads. Modules contribute
 * tiles through {@link HomeCards}. The kind says where the home page puts it: {@link Kind#TASK} what the user must act
 * on now (at the top, with an optional detail line such as a progress), {@link Kind#ACTION} a large button to start
 * the day's work, {@link Kind#FIGURE} an overview number (below, folded away on a phone).
 */
@org.springframework.modulith.NamedInterface("api")
public record HomeCard(String labelKey, String value, String href, Kind kind, @Nullable String detail) {

	public enum Kind {
		TASK, ACTION, FIGURE
	}

	/** An overview figure. */
	public HomeCard(String labelKey, String value, String href) {
		this(labelKey, value, href, Kind.FIGURE, null);
	}

	/** Something to act on now: how many, and where to do it. */
	public static HomeCard task(String labelKey, long count, String href) {
		return new HomeCard(labelKey, String.valueOf(count), href, Kind.TASK, null);
	}

	/** Something to act on now with a detail line (already worded, e.g. a name and a progress). */
	public static HomeCard task(String labelKey, String value, String href, @Nullable String detail) {
		return new HomeCard(labelKey, value, href, Kind.TASK, detail);
	}

	/** A large button to start the day's work. */
	public static HomeCard action(String labelKey, String href) {
		return new HomeCard(labelKey, "", href, Kind.ACTION, null);
	}
}
