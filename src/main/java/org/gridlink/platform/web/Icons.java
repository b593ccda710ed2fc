package org.gridlink.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The one table of icons (Bootstrap Icons, served from the WebJar): each page path has its icon, so the menu, the home
 * page's buttons, tasks and figures and the page headers show the same picture for the same place. Templates ask
 * {@code ${@icons.of(href)}}; the longest matching path prefix wins, a path without one gets a neutral dot. Icons are
 * decorative (the text beside them says it all): templates mark them {@code aria-hidden="true"}.
 */
@Component("icons")
public class Icons {

	private static final Map<String, String> BY_PATH = new LinkedHashMap<>();

	static {
		BY_PATH.put("/", "house");
		BY_PATH.put("/jurisdictions", "diagram-3");
		BY_PATH.put("/map", "map");
		BY_PATH.put("/cases", "clipboard-check");
		BY_PATH.put("/cases/report", "megaphone");
		BY_PATH.put("/cases/hotline", "telephone");
		BY_PATH.put("/cases/duty", "headset");
		BY_PATH.put("/cases/kpis", "bar-chart-line");
		BY_PATH.put("/cases/admin", "sliders");
		BY_PATH.put("/cases?status=HANDLED", "patch-check");
		BY_PATH.put("/cases?overdue=true", "alarm");
		BY_PATH.put("/cases?overdue=false", "hourglass-split");
		BY_PATH.put("/cases?status=DISPATCHED", "inbox");
		BY_PATH.put("/screening", "list-check");
		BY_PATH.put("/quarantine", "house-lock");
		BY_PATH.put("/quarantine/monitoring", "heart-pulse");
		BY_PATH.put("/quarantine/alerts", "bell");
		BY_PATH.put("/residents", "people");
		BY_PATH.put("/residents/imports", "upload");
		BY_PATH.put("/passes", "person-badge");
		BY_PATH.put("/checkpoint", "qr-code-scan");
		BY_PATH.put("/checkpoints", "signpost-split");
		BY_PATH.put("/admin/users", "person-gear");
		BY_PATH.put("/admin/units", "building");
		BY_PATH.put("/admin/staff", "person-vcard");
		BY_PATH.put("/admin/jurisdictions", "cloud-upload");
		BY_PATH.put("/admin/compounds", "buildings");
		BY_PATH.put("/audit", "journal-check");
		BY_PATH.put("/account/tokens", "key");
		BY_PATH.put("/command", "broadcast");
		BY_PATH.put("/inspection", "binoculars");
		BY_PATH.put("/reports", "file-earmark-bar-graph");
		BY_PATH.put("/reports/review", "check2-square");
		BY_PATH.put("/volunteers", "people-fill");
		BY_PATH.put("/volunteer", "person-badge-fill");
		BY_PATH.put("/councils", "people");
		BY_PATH.put("/council-meetings", "people");
		BY_PATH.put("/council-board", "people");
		BY_PATH.put("/supplies", "box-seam");
		BY_PATH.put("/supplies/requests", "truck");
		BY_PATH.put("/supplies/gaps", "clipboard-data");
		BY_PATH.put("/duty", "person-walking");
		BY_PATH.put("/duty/scan", "qr-code-scan");
		BY_PATH.put("/duty/presence", "person-check");
		BY_PATH.put("/duty/units", "building-check");
		BY_PATH.put("/necessities", "basket");
		BY_PATH.put("/produce", "shop");
		BY_PATH.put("/relief", "cash-coin");
		BY_PATH.put("/legal-checkups", "clipboard2-pulse");
		BY_PATH.put("/enterprises", "briefcase");
		BY_PATH.put("/construction", "bricks");
		BY_PATH.put("/construction/report", "clipboard-check");
		BY_PATH.put("/housing", "house-heart");
		BY_PATH.put("/housing/choice", "house-check");
		BY_PATH.put("/enterprise-appeals", "chat-square-text");
		BY_PATH.put("/enterprise-appeals/green-channel", "lightning-charge");
		BY_PATH.put("/enterprises/reception-days", "calendar-event");
	}

	/** The icon's name (without the {@code bi-} prefix) for a page path, query included. */
	public String of(String href) {
		String best = null;
		for (String path : BY_PATH.keySet()) {
			if (matches(href, path) && (best == null || path.length() > best.length())) {
				best = path;
			}
		}
		return best == null ? "dot" : BY_PATH.get(best);
	}

	private static boolean matches(String href, String path) {
		if ("/".equals(path)) {
			return "/".equals(href);
		}
		if (!href.startsWith(path)) {
			return false;
		}
		if (href.length() == path.length()) {
			return true;
		}
		char next = href.charAt(path.length());
		return next == '/' || next == '?' || next == '&' || path.indexOf('?') >= 0;
	}
}
