package org.gridlink.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.cases.CaseFacts;
import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.passes.PassFacts;
import org.gridlink.platform.CurrentUser;
import org.gridlink.quarantine.QuarantineFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The command page's layers of points beside the open cases — checkpoints ({@code passes}) and quarantine sites
 * ({@code quarantine}) — and the ranking of lead units by open and overdue cases ({@code cases}), read live from the
 * modules' public facts and kept to the caller's scope (a street sees its subtree). Points carry a name and a place,
 * never a person; a click opens the checkpoint's or the site's own page, which checks access itself.
 */
@Service
public class CommandLayers {

	/** At most this many points per layer. */
	static final int MAX_POINTS = 2000;

	/** A checkpoint on the map: {@code kind} is ROAD or GATE. */
	public record CheckpointPoint(long id, String name, String kind, double lat, double lng) {
	}

	/** A centralized quarantine site on the map. */
	public record SitePoint(long id, String name, double lat, double lng) {
	}

	/** The layers of a place: its active checkpoints and its quarantine sites, those with a place on the map. */
	public record Layers(String jurisdiction, List<CheckpointPoint> checkpoints, List<SitePoint> sites) {
	}

	/** A lead unit's open and overdue cases within the place. */
	public record UnitLine(long unitId, String name, long open, long overdue) {
	}

	/** The lead units of a place's open cases, most open first. */
	public record Units(String jurisdiction, List<UnitLine> units) {
	}

	private final CommandCenter center;
	private final Jurisdictions jurisdictions;
	private final Organization organization;
	private final PassFacts passes;
	private final QuarantineFacts quarantine;
	private final CaseFacts cases;

	CommandLayers(CommandCenter center, Jurisdictions jurisdictions, Organization organization, PassFacts passes,
			QuarantineFacts quarantine, CaseFacts cases) {
		this.center = center;
		this.jurisdictions = jurisdictions;
		this.organization = organization;
		this.passes = passes;
		this.quarantine = quarantine;
		this.cases = cases;
	}

	/** The checkpoints and quarantine sites under {@code code} (default: the caller's widest place). */
	@Transactional(readOnly = true)
	public Layers layers(CurrentUser user, @Nullable String code) {
		JurisdictionNode node = place(user, code);
		List<CheckpointPoint> checkpoints = passes.checkpoints(node.code(), MAX_POINTS).stream()
				.filter(c -> c.lat() != null && c.lng() != null && user.scope().covers(c.jurisdictionCode()))
				.map(c -> new CheckpointPoint(c.id(), c.name(), c.kind(), c.lat(), c.lng())).toList();
		List<SitePoint> sites = quarantine.sites(node.code(), MAX_POINTS).stream()
				.filter(s -> s.lat() != null && s.lng() != null && user.scope().covers(s.jurisdictionCode()))
				.map(s -> new SitePoint(s.id(), s.name(), s.lat(), s.lng())).toList();
		return new Layers(node.code(), checkpoints, sites);
	}

	/** The lead units of the open cases under {@code code} (default: the caller's widest place), most open first. */
	@Transactional(readOnly = true)
	public Units units(CurrentUser user, @Nullable String code) {
		JurisdictionNode node = place(user, code);
		List<CaseFacts.UnitLoad> loads = cases.openByUnit(node.code());
		Map<Long, String> names = new HashMap<>();
		if (!loads.isEmpty()) {
			organization.allUnits().forEach(u -> names.put(u.id(), u.name()));
		}
		return new Units(node.code(), loads.stream()
				.map(l -> new UnitLine(l.unitId(), names.getOrDefault(l.unitId(), "#" + l.unitId()), l.open(),
						l.overdue()))
				.toList());
	}

	/** The place asked for, within the caller's scope (403 outside it, 404 unknown). */
	private JurisdictionNode place(CurrentUser user, @Nullable String code) {
		center.require(user);
		String where = code == null || code.isBlank() ? center.home(user) : code.trim();
		return jurisdictions.node(user, where);
	}
}
