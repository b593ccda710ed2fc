package org.gridlink.cases.api;

import org.gridlink.platform.PublicUrls;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.cases.CasePhotos;
import org.gridlink.cases.Open311Gateway;
import org.gridlink.cases.Open311Gateway.Open311Created;
import org.gridlink.cases.Open311Gateway.Open311NewRequest;
import org.gridlink.cases.Open311Gateway.Open311Query;
import org.gridlink.cases.Open311Gateway.Open311Request;
import org.gridlink.cases.Open311Gateway.Open311Service;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.json.JsonMapper;

import static org.gridlink.cases.api.Open311Document.fields;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) at {@code /open311/v2}, XML and JSON by the
 * extension. Reading is public (no login, as the spec wants); creating a request needs a registered client's
 * {@code api_key} and no session, so it is not subject to CSRF. Errors, including those this controller's own
 * handlers catch before the platform's advice sees them, come in the spec's shape:
 * {@code <errors><error><code/><description/></error></errors>} or {@code [{"code":..,"description":..}]}.
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311 GeoReport v2")
class Open311Controller {

	static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
	/** When this endpoint's behaviour last changed (discovery's changeset). */
	static final String CHANGESET = "2026-11-29T00:00:00+08:00";
	private static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
	private static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");
	private static final Logger log = LoggerFactory.getLogger(Open311Controller.class);

	private final PublicUrls urls;

	private final Open311Gateway gateway;
	private final JsonMapper json;
	private final MessageSource messages;

	Open311Controller(Open311Gateway gateway, JsonMapper json, MessageSource messages, PublicUrls urls) {
		this.urls = urls;
		this.gateway = gateway;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/discovery.{format}")
	@Operation(summary = "Service discovery: this endpoint, its specification and formats")
	ResponseEntity<String> discovery(@PathVariable String format) {
		Map<String, @Nullable Object> endpoint = fields();
		endpoint.put("specification", SPECIFICATION);
		endpoint.put("url", urls.absolute("/open311/v2"));
		endpoint.put("changeset", CHANGESET);
		endpoint.put("type", "production");
		endpoint.put("formats", new Open311Document.Repeated("format", List.of("text/xml", "application/json")));
		Map<String, @Nullable Object> discovery = fields();
		discovery.put("changeset", CHANGESET);
		discovery.put("contact", message("cases.open311.contact"));
		discovery.put("key_service", message("cases.open311.key.service"));
		discovery.put("endpoints", new Open311Document.Repeated("endpoint", List.of(endpoint)));
		return answer(format, "discovery", discovery);
	}

	@GetMapping("/services.{format}")
	@Operation(summary = "The services: active minor classes (service_code = minor class code)")
	ResponseEntity<String> services(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId) {
		Format.of(format);
		return answer(format, "services",
				new Open311Document.Repeated("service", gateway.services().stream().map(this::service).toList()));
	}

	private Map<String, @Nullable Object> service(Open311Service s) {
		Map<String, @Nullable Object> f = fields();
		f.put("service_code", s.code());
		f.put("service_name", s.name());
		f.put("description", s.description());
		f.put("metadata", false);
		f.put("type", "realtime");
		f.put("keywords", s.keywords());
		f.put("group", s.group());
		return f;
	}

	@GetMapping("/services/{code}.{format}")
	@Operation(summary = "A service's definition: no attributes (every service has metadata=false); 404 for an "
			+ "unknown service_code")
	ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format) {
		Format.of(format);
		Open311Service service = gateway.service(code);
		Map<String, @Nullable Object> f = fields();
		f.put("service_code", service.code());
		f.put("attributes", new Open311Document.Repeated("attribute", List.of()));
		return answer(format, "service_definition", f);
	}

	@GetMapping("/requests.{format}")
	@Operation(summary = "Service requests, newest first, at most 1000: by service_request_id (comma-separated, "
			+ "overrides the rest), or service_code (comma-separated), start_date/end_date (W3C date-time with "
			+ "offset; at most 90 days; default the last 90 days) and status (open, closed)")
	ResponseEntity<String> requests(@PathVariable String format,
			@RequestParam(name = "service_request_id", required = false) @Nullable String ids,
			@RequestParam(name = "service_code", required = false) @Nullable String codes,
			@RequestParam(name = "start_date", required = false) @Nullable String start,
			@RequestParam(name = "end_date", required = false) @Nullable String end,
			@RequestParam(name = "status", required = false) @Nullable String status,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId) {
		Format.of(format);
		List<Open311Request> found = gateway.requests(new Open311Query(list(ids), list(codes), date(start, "start_date"),
				date(end, "end_date"), list(status)));
		return answer(format, "service_requests",
				new Open311Document.Repeated("request", found.stream().map(this::request).toList()));
	}

	@GetMapping("/requests/{id}.{format}")
	@Operation(summary = "One service request by its service_request_id (the case number)")
	ResponseEntity<String> request(@PathVariable String id, @PathVariable String format) {
		Format.of(format);
		return answer(format, "service_requests",
				new Open311Document.Repeated("request", List.of(request(gateway.request(id)))));
	}

	private Map<String, @Nullable Object> request(Open311Request r) {
		Map<String, @Nullable Object> f = fields();
		f.put("service_request_id", r.serviceRequestId());
		f.put("status", r.closed() ? "closed" : "open");
		f.put("status_notes", r.statusNotes());
		f.put("service_name", r.serviceName());
		f.put("service_code", r.serviceCode());
		f.put("description", r.description());
		f.put("agency_responsible", r.agencyResponsible());
		f.put("service_notice", r.serviceNotice());
		f.put("requested_datetime", w3(r.requested()));
		f.put("updated_datetime", w3(r.updated()));
		f.put("expected_datetime", r.expected() == null ? null : w3(r.expected()));
		f.put("address", r.address());
		f.put("address_id", null);
		f.put("zipcode", null);
		f.put("lat", r.lat());
		f.put("long", r.lng());
		f.put("media_url", r.photoId() == null ? null : mediaUrl(r.photoId()));
		return f;
	}

	@PostMapping(path = "/requests.{format}",
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	@Operation(summary = "Create a service request (a case, source OPEN311) with a registered client's api_key: "
			+ "service_code, lat & long, or address_string with jurisdiction_code (our extension: a 12- or 15-digit "
			+ "jurisdiction code); description; optional media (a JPEG/PNG/WebP up to 10 MB, multipart) or media_url "
			+ "(kept as text, never fetched); email, phone, first_name, last_name are stored sealed and never "
			+ "answered. Answers service_request_id at once (type realtime, no token)")
	ResponseEntity<String> create(@PathVariable String format,
			@Parameter(description = "A registered client's key") @RequestParam(name = "api_key", required = false)
			@Nullable String apiKey,
			@RequestParam(name = "service_code", required = false) @Nullable String serviceCode,
			@RequestParam(name = "lat", required = false) @Nullable Double lat,
			@RequestParam(name = "long", required = false) @Nullable Double lng,
			@RequestParam(name = "address_string", required = false) @Nullable String addressString,
			@Parameter(description = "Extension: the jurisdiction code for an address_string without lat/long")
			@RequestParam(name = "jurisdiction_code", required = false) @Nullable String jurisdictionCode,
			@RequestParam(name = "description", required = false) @Nullable String description,
			@RequestParam(name = "media_url", required = false) @Nullable String mediaUrl,
			@RequestParam(name = "email", required = false) @Nullable String email,
			@RequestParam(name = "phone", required = false) @Nullable String phone,
			@RequestParam(name = "first_name", required = false) @Nullable String firstName,
			@RequestParam(name = "last_name", required = false) @Nullable String lastName,
			@RequestParam(name = "media", required = false) @Nullable MultipartFile media) throws IOException {
		Format.of(format);
		Open311Created created = gateway.create(apiKey, new Open311NewRequest(serviceCode, lat, lng, addressString,
				jurisdictionCode, description, mediaUrl, email, phone, firstName, lastName),
				media == null || media.isEmpty() ? null : media.getBytes());
		Map<String, @Nullable Object> f = fields();
		f.put("service_request_id", created.serviceRequestId());
		f.put("service_notice", created.serviceNotice());
		f.put("account_id", null);
		return answer(HttpStatus.CREATED, format, "service_requests",
				new Open311Document.Repeated("request", List.of(f)));
	}

	@GetMapping("/tokens/{token}.{format}")
	@Operation(summary = "Tokens: never issued (every request is created at once and its id answered), so every "
			+ "token is unknown: 404")
	ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
		Format.of(format);
		throw new NotFoundException("cases.open311.token.unknown", token);
	}

	@GetMapping("/media/{photoId}")
	@Operation(summary = "A public request's photo, as the copy without metadata (EXIF/XMP incl. GPS removed)")
	ResponseEntity<byte[]> media(@PathVariable long photoId) {
		CasePhotos.PhotoContent photo = gateway.media(photoId);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
				.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
				.header("X-Content-Type-Options", "nosniff").header("Content-Disposition", "inline")
				.body(photo.bytes());
	}

	private String mediaUrl(long photoId) {
		return urls.absolute("/open311/v2/media/" + photoId);
	}

	// ---- formats

	private enum Format {
		XML, JSON;

		static Format of(String extension) {
			return switch (extension) {
				case "xml" -> XML;
				case "json" -> JSON;
				default -> throw new NotFoundException("cases.open311.format.unknown", extension);
			};
		}
	}

	private ResponseEntity<String> answer(String format, String root, Object content) {
		return answer(HttpStatus.OK, format, root, content);
	}

	private ResponseEntity<String> answer(HttpStatus status, String format, String root, Object content) {
		return Format.of(format) == Format.XML
				? ResponseEntity.status(status).contentType(XML).body(Open311Document.xml(root, content))
				: ResponseEntity.status(status).contentType(JSON).body(Open311Document.json(json, content));
	}

	private static String w3(OffsetDateTime at) {
		return at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private static List<String> list(@Nullable String commaSeparated) {
		if (commaSeparated == null || commaSeparated.isBlank()) {
			return List.of();
		}
		return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
				.limit(Open311Gateway.MAX_REQUESTS + 1L).toList();
	}

	private static @Nullable OffsetDateTime date(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("cases.open311.date.invalid", name, value);
		}
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	// ---- errors in the spec's shape; these handlers win over the platform's advice for this controller

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<String> invalid(InvalidInputException ex, HttpServletRequest request) {
		return error(request, HttpStatus.BAD_REQUEST, message(ex.messageKey(), ex.arguments()));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<String> notFound(NotFoundException ex, HttpServletRequest request) {
		return error(request, HttpStatus.NOT_FOUND, message(ex.messageKey(), (Object) ex.getMessage()));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<String> denied(AccessDeniedException ex, HttpServletRequest request) {
		return error(request, HttpStatus.FORBIDDEN, message("cases.open311.api.key.invalid"));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
			MultipartException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<String> badRequest(Exception ex, HttpServletRequest request) {
		String parameter = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: ex instanceof MissingServletRequestParameterException missing ? missing.getParameterName() : "";
		return error(request, HttpStatus.BAD_REQUEST, message("cases.open311.parameter.invalid", parameter));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> failure(Exception ex, HttpServletRequest request) {
		log.error("Open311 request failed: {}", request.getRequestURI(), ex);
		return error(request, HttpStatus.INTERNAL_SERVER_ERROR, message("cases.open311.failure"));
	}

	private ResponseEntity<String> error(HttpServletRequest request, HttpStatus status, String description) {
		Map<String, @Nullable Object> error = fields();
		error.put("code", status.value());
		error.put("description", description);
		Open311Document.Repeated errors = new Open311Document.Repeated("error", List.of(error));
		String format = request.getRequestURI().toLowerCase(Locale.ROOT).endsWith(".json") ? "json" : "xml";
		return answer(status, format, "errors", errors);
	}
}
