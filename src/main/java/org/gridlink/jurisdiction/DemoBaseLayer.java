package org.gridlink.jurisdiction;

import java.util.Optional;

import org.gridlink.platform.DemoData;

/**
 * The demo district's base layer (river and main roads, {@code static/geo/demo-base.geojson}, drawn by
 * {@link DemoGeography#baseLayer()}): a bean in demo mode only, and offered only while the demo district is there,
 * so a real district's map never shows the demo's river.
 */
@DemoData
public class DemoBaseLayer {

	static final String PATH = "/geo/demo-base.geojson";

	private final Jurisdictions jurisdictions;

	DemoBaseLayer(Jurisdictions jurisdictions) {
		this.jurisdictions = jurisdictions;
	}

	/** The base layer's address when the demo district is loaded. */
	public Optional<String> path() {
		return jurisdictions.exists(DemoDistrict.DISTRICT) ? Optional.of(PATH) : Optional.empty();
	}
}
