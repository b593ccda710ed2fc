package org.gridlink.quarantine.api;

import org.gridlink.platform.PublicUrls;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Hashes;
import org.gridlink.platform.NotFoundException;
import org.gridlink.quarantine.CheckInInput;
import org.gridlink.quarantine.CheckInLinks;
import org.gridlink.quarantine.CheckIns;
import org.gridlink.quarantine.MonitoringBoard;
import org.gridlink.quarantine.MonitoringFilters;
import org.gridlink.quarantine.OrderMonitoring;
import org.gridlink.quarantine.PublicCheckIn;
import org.gridlink.quarantine.QuarantineAlerts;
import org.gridlink.quarantine.VisitInput;
import org.gridlink.quarantine.web.CheckInLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Home quarantine check-ins over JSON. Public (no login, the token is the credential, rate-limited like the page):
 * read what the check-in page shows and check in. Staff, in scope: an order's monitoring, visits, issuing the link,
 * alerts, and the board with its lists.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Quarantine check-ins")
class CheckInApiController {

	/** The answer to a refused public request (too many attempts). */
	record Refusal(String code, String message) {
	}

	record CheckInRequest(@Nullable String temperature, @Nullable List<String> symptoms, @Nullable String note) {
	}

	record VisitRequest(@Nullable String result, @Nullable String temperature, @Nullable List<String> symptoms,
			@Nullable String note) {
	}

	record IssuedLinkResponse(long orderId, String url, java.time.OffsetDateTime expiresAt) {
	}

	private final PublicUrls urls;

	private final CheckIns checkIns;
	private final CheckInLinks links;
	private final QuarantineAlerts alerts;
	private final MonitoringBoard board;
	private final CheckInLimit limit;
	private final MessageSource messages;

	CheckInApiController(CheckIns checkIns, CheckInLinks links, QuarantineAlerts alerts, MonitoringBoard board,
			CheckInLimit limit, MessageSource messages, PublicUrls urls) {
		this.urls = urls;
		this.checkIns = checkIns;
		this.links = links;
		this.alerts = alerts;
		this.board = board;
		this.limit = limit;
		this.messages = messages;
	}

	@GetMapping("/checkin/{token}")
	@Operation(summary = "Public: what the check-in page shows (masked name, days left, checked in today, symptom codes)."
			+ " 404 for an unknown or expired link.")
	ResponseEntity<?> open(@PathVariable String token, HttpServletRequest request, Locale locale) {
		var view = checkIns.open(token);
		if (view.isPresent()) {
			return ResponseEntity.ok().header("Cache-Control", "no-store").body(view.get());
		}
		if (!limit.tryAcquire(request.getRemoteAddr(), perLink(token))) {
			return tooMany(locale);
		}
		throw new NotFoundException("checkins.link.invalid", "");
	}

	@PostMapping("/checkin/{token}")
	@Operation(summary = "Public: today's check-in — temperature (°C, e.g. \"36.6\"), symptom codes from the list, note."
			+ " 404 for an unknown or expired link, 429 after too many attempts.")
	ResponseEntity<?> checkIn(@PathVariable String token, @RequestBody CheckInRequest body, HttpServletRequest request,
			Locale locale) {
		if (!limit.tryAcquire(request.getRemoteAddr(), perLink(token))) {
			return tooMany(locale);
		}
		long id = checkIns.selfReport(token, new CheckInInput(body.temperature(), body.symptoms(), body.note()));
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
	}

	/**
	 * The API has no session: its second bucket is the link, so a client flooding one link (or trying unknown ones
	 * from its address) never blocks another resident's check-in. Only the hash of the token is kept in memory.
	 */
	private static String perLink(String token) {
		return "link:" + Hashes.sha256Hex(token);
	}

	private ResponseEntity<Refusal> tooMany(Locale locale) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(new Refusal("TOO_MANY_REQUESTS",
				messages.getMessage("checkins.public.tooMany", null, locale)));
	}

	@GetMapping("/quarantine/orders/{id}/monitoring")
	@Operation(summary = "An order's monitoring: the order, today's status, the link's dates, check-ins and alerts")
	OrderMonitoring monitoring(CurrentUser user, @PathVariable long id) {
		return checkIns.monitoring(user, id);
	}

	@PostMapping("/quarantine/orders/{id}/visits")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A grid worker's visit: result SEEN (temperature required) or NOT_SEEN")
	Map<String, Long> visit(CurrentUser user, @PathVariable long id, @RequestBody VisitRequest body) {
		return Map.of("id", checkIns.visit(user, id,
				new VisitInput(body.result(), body.temperature(), body.symptoms(), body.note())));
	}

	@PostMapping("/quarantine/orders/{id}/checkin-link")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue (or replace) the order's personal check-in link; the only time its URL is returned")
	IssuedLinkResponse issue(CurrentUser user, @PathVariable long id) {
		CheckInLinks.IssuedLink link = links.issue(user, id);
		return new IssuedLinkResponse(id,
				urls.absolute(link.path()), link.expiresAt());
	}

	@GetMapping("/quarantine/alerts")
	@Operation(summary = "Check-in alerts in scope, newest first; day (yyyy-MM-dd), kind MISSED or HEALTH, jurisdiction")
	PagedModel<QuarantineAlerts.AlertView> alerts(CurrentUser user, @RequestParam(required = false) @Nullable String day,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String jurisdiction, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(alerts.list(user, day == null || day.isBlank() ? null : MonitoringFilters.day(day),
				kind == null || kind.isBlank() ? null : MonitoringFilters.kind(kind), jurisdiction, ApiPaging.of(page, size)));
	}

	@GetMapping("/quarantine/monitoring/board")
	@Operation(summary = "Today's home quarantine board of a jurisdiction with a row per child")
	MonitoringBoard.Board board(CurrentUser user, @RequestParam(required = false) @Nullable String code) {
		return board.board(user, code);
	}

	@GetMapping("/quarantine/monitoring/people")
	@Operation(summary = "The people behind a figure: IN_QUARANTINE, DUE_TODAY, MISSED or RELEASED")
	PagedModel<MonitoringBoard.Line> people(CurrentUser user, @RequestParam(required = false) @Nullable String code,
			@RequestParam String figure, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		MonitoringBoard.Figure which = MonitoringFilters.figure(figure);
		return new PagedModel<>(board.list(user, code, which, ApiPaging.of(page, size)));
	}
}
