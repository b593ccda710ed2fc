package org.gridlink.passes.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.TreeRow;
import org.gridlink.passes.IssuedPass;
import org.gridlink.passes.NewPass;
import org.gridlink.passes.PassBulkIssue;
import org.gridlink.passes.PassPrints;
import org.gridlink.passes.PassQuery;
import org.gridlink.passes.PassStatus;
import org.gridlink.passes.PassType;
import org.gridlink.passes.PassView;
import org.gridlink.passes.Passes;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff's pass pages: the list (filters, paging, scoped), the issue form, revoke with a reason, the printable
 * PDF, and bulk issue from a list. The pass itself shows on {@code /passes/{id}} ({@link PassController}).
 */
@Controller
class PassStaffPages {

	static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	private static final int PAGE_SIZE = 50;
	private static final String BULK_RESULT = "passes.bulk.result";

	private final Passes passes;
	private final PassBulkIssue bulk;
	private final PassPrints prints;
	private final Jurisdictions jurisdictions;
	private final MessageSource messages;
	private final long maxValidityDays;
	private final Clock clock;

	PassStaffPages(Passes passes, PassBulkIssue bulk, PassPrints prints, Jurisdictions jurisdictions,
			MessageSource messages, @Value("${gridlink.passes.max-validity:P90D}") java.time.Duration maxValidity,
			Clock clock) {
		this.clock = clock;
		this.passes = passes;
		this.bulk = bulk;
		this.prints = prints;
		this.jurisdictions = jurisdictions;
		this.messages = messages;
		this.maxValidityDays = maxValidity.toDays();
	}

	/** The issue form's fields as typed (times as {@code datetime-local}, Beijing time). */
	record IssueForm(@Nullable String type, @Nullable String holderName, @Nullable String plate,
			@Nullable String purpose, @Nullable List<String> zones, @Nullable String otherZones,
			@Nullable String validFrom, @Nullable String validTo) {

		static IssueForm empty(Clock clock) {
			LocalDateTime now = LocalDateTime.now(clock.withZone(BEIJING)).truncatedTo(ChronoUnit.MINUTES);
			return new IssueForm("PERSON", "", "", "", List.of(), "", INPUT.format(now),
					INPUT.format(now.plus(PassBulkIssue.DEFAULT_VALIDITY)));
		}

		List<String> chosen() {
			return zones == null ? List.of() : zones;
		}
	}

	/** The list's filters as typed; an unknown type or status is ignored, as if not chosen. */
	record Filters(@Nullable String type, @Nullable String status, @Nullable String zone, @Nullable String issuedBy,
			@Nullable String q) {

		PassQuery query() {
			return new PassQuery(parse(PassType.class, type), parse(PassStatus.class, status), zone, issuedBy, q);
		}

		/** The filters as the form shows them again (blank, not null; unknown values dropped). */
		Filters shown() {
			PassQuery query = query();
			return new Filters(query.type() == null ? "" : query.type().name(),
					query.status() == null ? "" : query.status().name(), blank(zone), blank(issuedBy), blank(q));
		}
	}

	@GetMapping("/passes")
	String list(CurrentUser user, @Valid @ModelAttribute("filters") Filters filters,
			@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
		PassQuery query = filters.query();
		Page<PassView> found;
		try {
			found = passes.search(user, query, ApiPaging.of(Math.max(page, 0), PAGE_SIZE));
		}
		catch (InvalidInputException bad) {
			model.addAttribute("filterError",
					messages.getMessage(bad.messageKey(), bad.arguments(), bad.messageKey(), locale));
			found = Page.empty(ApiPaging.of(0, PAGE_SIZE));
		}
		Filters shown = filters.shown();
		model.addAttribute("passes", found);
		model.addAttribute("now", OffsetDateTime.now(clock));
		model.addAttribute("zone", BEIJING);
		model.addAttribute("types", PassType.values());
		model.addAttribute("statuses", PassStatus.values());
		model.addAttribute("filters", shown);
		model.addAttribute("pageUrl", UriComponentsBuilder.fromPath("/passes")
				.queryParamIfPresent("type", java.util.Optional.ofNullable(query.type()))
				.queryParamIfPresent("status", java.util.Optional.ofNullable(query.status()))
				.queryParam("zone", shown.zone()).queryParam("issuedBy", shown.issuedBy()).queryParam("q", shown.q())
				.encode().build().toUriString() + "&page=");
		model.addAttribute("zoneChoices", zoneChoices(user));
		return "passes/list";
	}

	@GetMapping("/passes/new")
	String newPass(CurrentUser user, Model model, Locale locale) {
		requireIssuer(user);
		return form(user, model, IssueForm.empty(clock), FormErrors.in(messages, locale));
	}

	@PostMapping("/passes/new")
	String issue(CurrentUser user, @ModelAttribute IssueForm form, Model model, Locale locale, RedirectAttributes redirect) {
		requireIssuer(user);
		FormErrors errors = FormErrors.in(messages, locale);
		PassType type = parse(PassType.class, form.type());
		OffsetDateTime from = time(form.validFrom(), "validFrom", errors);
		OffsetDateTime to = time(form.validTo(), "validTo", errors);
		Set<String> zones = new LinkedHashSet<>(form.chosen());
		if (form.otherZones() != null) {
			Arrays.stream(form.otherZones().split("[\\s,;，；、]+")).filter(z -> !z.isBlank()).forEach(zones::add);
		}
		if (type == null) {
			errors.addKey("type", "passes.type.invalid");
		}
		if (errors.isEmpty()) {
			try {
				IssuedPass issued = passes.issue(user, new NewPass(type, form.holderName(), form.plate(), form.purpose(),
						new ArrayList<>(zones), from, to));
				redirect.addFlashAttribute("flash", messages.getMessage("passes.issued", null, locale));
				return "redirect:/passes/" + issued.id();
			}
			catch (InvalidInputException bad) {
				errors.add(field(bad.messageKey()), bad);
			}
			catch (OutOfScopeException outside) {
				errors.addKey("zones", "passes.bulk.zone.outside");
			}
		}
		return form(user, model, form, errors);
	}

	private String form(CurrentUser user, Model model, IssueForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("chosen", form.chosen());
		model.addAttribute("errors", errors);
		model.addAttribute("zoneChoices", zoneChoices(user));
		model.addAttribute("maxDays", maxValidityDays);
		return "passes/issue";
	}

	@PostMapping("/passes/{id}/revoke")
	String revoke(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, Locale locale,
			RedirectAttributes redirect) {
		try {
			passes.revoke(user, id, reason);
			redirect.addFlashAttribute("flash", messages.getMessage("passes.revoked", null, locale));
		}
		catch (InvalidInputException bad) {
			redirect.addFlashAttribute("flashError",
					messages.getMessage(bad.messageKey(), bad.arguments(), bad.messageKey(), locale));
		}
		return "redirect:/passes/" + id;
	}

	@GetMapping(value = "/passes/{id}/pass.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable UUID id, Locale locale) {
		return pdf(prints.pdf(user, id, locale), PassPrints.fileName(id));
	}

	@GetMapping("/passes/bulk")
	String bulkForm(CurrentUser user, Model model, Locale locale) {
		requireIssuer(user);
		model.addAttribute("errors", FormErrors.in(messages, locale));
		model.addAttribute("maxRows", bulk.maxRows());
		return "passes/bulk";
	}

	@PostMapping("/passes/bulk")
	String bulkUpload(CurrentUser user, @RequestParam(required = false) @Nullable MultipartFile file, Model model, Locale locale,
			HttpSession session) throws IOException {
		requireIssuer(user);
		model.addAttribute("maxRows", bulk.maxRows());
		if (file == null || file.isEmpty()) {
			model.addAttribute("errors", FormErrors.in(messages, locale).addKey("file", "passes.bulk.file.required"));
			return "passes/bulk";
		}
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		PassBulkIssue.Result result = bulk.issue(user, name, file.getBytes(), locale);
		session.setAttribute(BULK_RESULT, bulk.resultCsv(result, locale));
		model.addAttribute("result", result);
		model.addAttribute("fileName", name);
		return "passes/bulk-result";
	}

	@GetMapping("/passes/bulk/template.csv")
	ResponseEntity<byte[]> template(CurrentUser user, Locale locale) {
		return csv(bulk.templateCsv(user, locale), "passes-template.csv");
	}

	@GetMapping("/passes/bulk/result.csv")
	ResponseEntity<byte[]> result(HttpSession session) {
		if (!(session.getAttribute(BULK_RESULT) instanceof String report)) {
			return ResponseEntity.status(303).header("Location", "/passes/bulk").build();
		}
		return csv(report, "passes-bulk-result.csv");
	}

	@GetMapping(value = "/passes/bulk/{batchId}/passes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> batchPdf(CurrentUser user, @PathVariable UUID batchId, Locale locale) {
		return pdf(bulk.batchPdf(user, batchId, locale), "passes-" + batchId + ".pdf");
	}

	private void requireIssuer(CurrentUser user) {
		if (!passes.canIssue(user)) {
			throw new OutOfScopeException("pass", "issue");
		}
	}

	/** The caller's scope nodes and their children (e.g. a community and its grids), to tick as zones. */
	private List<JurisdictionNode> zoneChoices(CurrentUser user) {
		List<JurisdictionNode> choices = new ArrayList<>();
		for (TreeRow root : jurisdictions.roots(user)) {
			choices.add(root.node());
			jurisdictions.children(user, root.node().code()).forEach(child -> choices.add(child.node()));
		}
		return choices;
	}

	private static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_PDF)
				.header("Content-Disposition", ContentDisposition.inline().filename(fileName).build().toString())
				.body(body);
	}

	private static ResponseEntity<byte[]> csv(String body, String fileName) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header("Content-Disposition", ContentDisposition.attachment().filename(fileName).build().toString())
				.body(body.getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable OffsetDateTime time(@Nullable String typed, String field, FormErrors errors) {
		if (typed == null || typed.isBlank()) {
			errors.addKey(field, "passes.window.missing");
			return null;
		}
		try {
			return LocalDateTime.parse(typed.strip(), INPUT).atZone(BEIJING).toOffsetDateTime();
		}
		catch (DateTimeParseException bad) {
			errors.addKey(field, "passes.window.missing");
			return null;
		}
	}

	private static String field(String messageKey) {
		String field = NewPass.field(messageKey);
		return field == null ? "type" : field;
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	private static String blank(@Nullable String value) {
		return value == null ? "" : value.strip();
	}
}
