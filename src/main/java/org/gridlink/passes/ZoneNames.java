package org.gridlink.passes;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.SharedVersions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The names of pass zones (jurisdictions), held in memory so that a verification answer ({@code zoneNames}) costs no
 * query: before issue 11 every verification read each zone's row, one database round trip per request and a wait
 * for a pooled connection among 64 concurrent callers. Names change only by a jurisdiction import, which bumps the
 * shared version {@value #JURISDICTION_VERSION} (on any instance); this cache compares it at most every
 * {@code gridlink.passes.zone-names-check} (a second) and then starts afresh, so a renamed or newly imported zone
 * shows by its new name within about a second, here and on the other instances. An unknown code is remembered as
 * its code (a pass's zones come from a signed token, so they were known when it was issued) until the next import.
 */
@Component
class ZoneNames {

	/** Bumped by every jurisdiction import ({@code JurisdictionImport} through {@code GridLocator.invalidate}). */
	static final String JURISDICTION_VERSION = "jurisdiction.grid-boundaries";

	/** More zones than a district has grids, communities and streets: past it the map starts afresh. */
	static final int MAX_NAMES = 20_000;

	private final Jurisdictions jurisdictions;
	private final SharedVersions.Watch imports;
	// replaced as a whole on a change: a lookup still under way then fills the dropped map, never the new one
	private volatile Map<String, String> names = new ConcurrentHashMap<>();

	ZoneNames(Jurisdictions jurisdictions, SharedVersions versions,
			@Value("${gridlink.passes.zone-names-check:PT1S}") Duration check) {
		this.jurisdictions = jurisdictions;
		this.imports = versions.watch(JURISDICTION_VERSION, check);
	}

	/** The name of a zone, or its code when there is no such jurisdiction. */
	String name(String code) {
		if (imports.changed()) {
			names = new ConcurrentHashMap<>();
		}
		Map<String, String> current = names;
		String name = current.get(code);
		if (name == null) {
			name = jurisdictions.find(code).map(node -> node.name()).orElse(code);
			if (current.size() >= MAX_NAMES) {
				current = new ConcurrentHashMap<>();
				names = current;
			}
			current.put(code, name);
		}
		return name;
	}
}
