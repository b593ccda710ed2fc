package org.gridlink.housing;

import java.util.Map;

/**
 * One section of a project's public board (公开栏, {@code /housing/{projectId}} and
 * {@code /api/v1/public/housing/{projectId}}, no login). Each part of rural housing contributes its own sections; the
 * board shows them in {@link #order()}. Whatever a section returns is public: masked names at most, never an ID
 * number or a phone.
 */
public interface HousingBoardSection {

	/** Position on the board, smaller first. */
	int order();

	/** The section's name in the public JSON, e.g. {@code "eligibility"}. */
	String key();

	/** The Thymeleaf fragment that draws it, e.g. {@code housing/board :: eligibility}. */
	String fragment();

	/** The section's public data for the project: the page's model under {@link #key()} and the JSON. */
	Map<String, Object> publicData(long projectId);
}
