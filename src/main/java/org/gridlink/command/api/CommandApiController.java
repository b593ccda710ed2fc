package org.gridlink.command.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

import java.util.Locale;

import org.gridlink.command.CommandCenter;
import org.gridlink.command.CommandLayers;
import org.gridlink.command.CommandMapMeasures;
import org.gridlink.jurisdiction.MapMeasures;
import org.gridlink.command.CommandView;
import org.gridlink.command.LiveFeed;
import org.gridlink.command.Rebuild;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The command center's data: figures with children, trends, open-case points, the live feed and the rebuild. */
@RestController
@RequestMapping("/api/v1/command")
@Tag(name = "Command center")
class CommandApiController {

	private final CommandCenter center;
	private final LiveFeed feed;
	private final Rebuild rebuild;
	private final CommandMapMeasures measures;
	private final CommandLayers layers;

	CommandApiController(CommandCenter center, LiveFeed feed, Rebuild rebuild, CommandMapMeasures measures,
			CommandLayers layers) {
		this.layers = layers;
		this.center = center;
		this.feed = feed;
		this.rebuild = rebuild;
		this.measures = measures;
	}

	@GetMapping("/measures/{key}")
	@Operation(summary = "Values per grid of a map measure for the command map: the district map's measures "
			+ "(/api/v1/map/measures), command-overdue (open cases past their time limit, from the read model) and "
			+ "command-missed-checkins (people under home quarantine not checked in today)")
	MapMeasures.Values measure(@PathVariable String key, @Parameter(hidden = true) CurrentUser user, Locale locale) {
		return measures.values(user, key, locale);
	}

	@GetMapping("/figures")
	@Operation(summary = "The headline figures of a jurisdiction (default: the caller's widest place) on a day "
			+ "(yyyy-MM-dd, default today), their change since the day before, and each child's figures "
			+ "(CENTER, LEADER, STREET, COMMUNITY within their scope; 403 outside it)")
	CommandView figures(@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@Parameter(hidden = true) CurrentUser user) {
		return center.figures(user, jurisdiction, date);
	}

	@GetMapping("/trend")
	@Operation(summary = "The last 30 days up to date: cases reported, closed, open, overdue, people in quarantine")
	CommandCenter.Trend trend(@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@Parameter(hidden = true) CurrentUser user) {
		return center.trend(user, jurisdiction, date);
	}

	@GetMapping("/open-cases")
	@Operation(summary = "The open cases with a location under the jurisdiction, as points (at most 5,000)")
	List<CommandCenter.Point> openCases(@RequestParam(required = false) @Nullable String jurisdiction,
			@Parameter(hidden = true) CurrentUser user) {
		return center.openCases(user, jurisdiction);
	}

	@GetMapping("/layers")
	@Operation(summary = "The map's layers of points under the jurisdiction (default: the caller's widest place): "
			+ "active checkpoints {id, name, kind ROAD|GATE, lat, lng} and quarantine sites {id, name, lat, lng}, "
			+ "placed at the centre of their place (a gate at its compound's grid); no personal data")
	CommandLayers.Layers layers(@RequestParam(required = false) @Nullable String jurisdiction,
			@Parameter(hidden = true) CurrentUser user) {
		return layers.layers(user, jurisdiction);
	}

	@GetMapping("/units")
	@Operation(summary = "The ranking of lead units: open cases under the jurisdiction (default: the caller's widest "
			+ "place) per lead unit, and how many of them are overdue, most open first: "
			+ "{jurisdiction, units: [{unitId, name, open, overdue}]}")
	CommandLayers.Units units(@RequestParam(required = false) @Nullable String jurisdiction,
			@Parameter(hidden = true) CurrentUser user) {
		return layers.units(user, jurisdiction);
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "The live feed as server-sent events (event name line: id, kind, code, ref, at), only "
			+ "lines within the caller's scope")
	SseEmitter events(@Parameter(hidden = true) CurrentUser user) {
		return feed.open(user, center);
	}

	@GetMapping("/events/recent")
	@Operation(summary = "The newest lines of the live feed within the caller's scope (at most 100)")
	List<LiveFeed.Line> recent(@RequestParam(defaultValue = "20") int limit, @Parameter(hidden = true) CurrentUser user) {
		return feed.recent(user, center, limit);
	}

	@PostMapping("/rebuild")
	@Operation(summary = "Recompute the read model from the modules' own data (ADMIN, CENTER)")
	Rebuild.Result rebuild(@Parameter(hidden = true) CurrentUser user) {
		return rebuild.rebuild(user);
	}
}
