package org.gridlink.residents.web;

import org.gridlink.platform.ExportApprovals;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.residents.NewResident;
import org.gridlink.residents.ResidentMove;
import org.gridlink.residents.ResidentQuery;
import org.gridlink.residents.ResidentView;
import org.gridlink.residents.Residents;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Registry pages: search (masked), a resident's page with an audited reveal, register, move and tags. */
@Controller
class ResidentController {

	private static final int PAGE_SIZE = 50;

	private final Residents residents;
	private final MessageSource messages;
	private final ExportApprovals approvals;

	ResidentController(Residents residents, MessageSource messages, ExportApprovals approvals) {
		this.approvals = approvals;
		this.residents = residents;
		this.messages = messages;
	}

	/**
	 * The search form posts, so that an ID number or phone typed into it never lands in a URL (browser history,
	 * proxy and access logs); paging links of name searches use GET.
	 */
	@PostMapping("/residents/search")
	String search(CurrentUser user, ResidentQuery query, Model model, Locale locale, HttpServletResponse response) {
		return list(user, query, 0, model, locale, response);
	}

	@GetMapping("/residents")
	String list(CurrentUser user, ResidentQuery query, @RequestParam(defaultValue = "0") int page, Model model,
			Locale locale, HttpServletResponse response) {
		try {
			org.gridlink.platform.ListPage<ResidentView> found = residents.search(user, query,
					PageRequest.of(Math.max(page, 0), PAGE_SIZE));
			model.addAttribute("residents", found);
			model.addAttribute("totalEstimated", found.isTotalEstimated());
		}
		catch (InvalidInputException ex) {
			// a bad filter (a jurisdiction code that is not one): 400, the form with what was typed and why
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("filterError", messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(),
					locale));
			model.addAttribute("residents", Page.empty());
			model.addAttribute("totalEstimated", false);
		}
		model.addAttribute("tagTypes", residents.tagTypes());
		model.addAttribute("scopeCodes", user.scope().codes().stream().sorted().toList());
		model.addAttribute("jurisdiction", query.jurisdiction() == null ? "" : query.jurisdiction());
		model.addAttribute("q", query.q() == null ? "" : query.q());
		model.addAttribute("tag", query.tag() == null ? "" : query.tag());
		return "residents/list";
	}

	/**
	 * The filtered list as CSV (UTF-8 with BOM for Excel), masked like the page; the module pages and audits it. An
	 * export of more residents than {@code gridlink.exports.approval-threshold} is filed as an export request instead
	 * ({@link ExportApprovals}) and the user is sent to the exports page to follow it.
	 */
	@GetMapping(value = "/residents/export.csv", produces = "text/csv;charset=UTF-8")
	ResponseEntity<byte[]> export(CurrentUser user, ResidentQuery query, Locale locale,
			jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
		long rows = residents.count(user, query);
		if (approvals.needsApproval(rows)) {
			List<String> scope = query.jurisdiction() == null || query.jurisdiction().isBlank()
					? user.scope().codes().stream().sorted().toList() : List.of(query.jurisdiction().strip());
			String summary = messages.getMessage("residents.export.summary", new Object[] { String.join(", ", scope),
					(query.tag() == null || query.tag().isBlank() ? ""
							: messages.getMessage("residents.export.summary.tag", new Object[] { query.tag() }, locale))
							+ (query.q() == null || query.q().isBlank() ? ""
									: messages.getMessage("residents.export.summary.search", null, locale)) },
					locale);
			ExportApprovals.ExportRequest filed = approvals.request(user, EXPORT_KIND, scope, parameters(query),
					summary, Math.min(rows, Residents.MAX_EXPORT_ROWS));
			return toExports(request, response, "flash", messages.getMessage("residents.export.requested",
					new Object[] { rows, approvals.threshold(), filed.id() }, locale));
		}
		return csv(user, query, locale);
	}

	/** The one download of an approved export request (its requester, within the window; see ExportApprovals). */
	@GetMapping(value = "/residents/exports/{id}", produces = "text/csv;charset=UTF-8")
	ResponseEntity<byte[]> approvedExport(CurrentUser user, @PathVariable long id, Locale locale,
			jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
		String parameters;
		try {
			parameters = approvals.claimDownload(user, id, EXPORT_KIND);
		}
		catch (org.gridlink.platform.ConflictException ex) {
			// not approved (yet), refused, already downloaded or expired: back to the exports page, saying which
			return toExports(request, response, "flashError",
					messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return csv(user, query(parameters), locale);
	}

	private static ResponseEntity<byte[]> toExports(jakarta.servlet.http.HttpServletRequest request,
			HttpServletResponse response, String kind, String message) {
		org.springframework.web.servlet.FlashMap flash = org.springframework.web.servlet.support.RequestContextUtils
				.getOutputFlashMap(request);
		flash.put(kind, message);
		org.springframework.web.servlet.support.RequestContextUtils.saveOutputFlashMap("/exports", request, response);
		return ResponseEntity.status(303).location(java.net.URI.create(request.getContextPath() + "/exports")).build();
	}

	static final String EXPORT_KIND = "residents";

	static String parameters(ResidentQuery query) {
		return org.springframework.web.util.UriComponentsBuilder.newInstance()
				.queryParam("jurisdiction", query.jurisdiction() == null ? "" : query.jurisdiction())
				.queryParam("q", query.q() == null ? "" : query.q()).queryParam("tag", query.tag() == null ? "" : query.tag())
				.encode().build().getQuery();
	}

	static ResidentQuery query(String parameters) {
		var params = org.springframework.web.util.UriComponentsBuilder.newInstance().query(parameters).build()
				.getQueryParams();
		java.util.function.Function<String, String> one = name -> {
			String value = params.getFirst(name);
			value = value == null ? "" : java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
			return value.isEmpty() ? null : value;
		};
		return new ResidentQuery(one.apply("jurisdiction"), one.apply("q"), one.apply("tag"));
	}

	private ResponseEntity<byte[]> csv(CurrentUser user, ResidentQuery query, Locale locale) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(String.join(",", header(locale))).append(",").append(messages.getMessage("residents.col.status", null, locale)).append("\r\n");
		residents.export(user, query, r -> csv.append(Csv.cell(r.name())).append(',').append(Csv.cell(r.idNumber()))
				.append(',').append(Csv.cell(r.phone())).append(',').append(Csv.cell(r.gridCode())).append(',')
				.append(Csv.cell(r.address())).append(',').append(Csv.cell(String.join("|", r.tags()))).append(',')
				.append(Csv.cell(r.status())).append("\r\n"));
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"residents.csv\"")
				.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
				.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private String[] header(Locale locale) {
		return java.util.stream.Stream.of("name", "idNumber", "phone", "grid", "address", "tags")
				.map(key -> messages.getMessage("residents.col." + key, null, locale)).toList()
				.toArray(new String[0]);
	}

	@GetMapping("/residents/{id}")
	String detail(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("resident", residents.get(user, id));
		model.addAttribute("tagTypes", residents.tagTypes());
		return "residents/detail";
	}

	/** Reveals one value as an htmx fragment in place of the masked one; the reveal and its reason are audited. */
	@PostMapping("/residents/{id}/reveal")
	String reveal(CurrentUser user, @PathVariable long id, @RequestParam String field,
			@RequestParam(defaultValue = "") String reason,
			Model model, Locale locale) {
		model.addAttribute("field", field);
		model.addAttribute("id", id);
		try {
			model.addAttribute("value", residents.reveal(user, id, field, reason));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "residents/detail :: revealed";
	}

	@GetMapping("/residents/new")
	String form(Model model) {
		model.addAttribute("tagTypes", residents.tagTypes());
		model.addAttribute("form", new NewResident("", "", "", "", "", "", "", "", "", Set.of()));
		return "residents/new";
	}

	@PostMapping("/residents")
	String register(CurrentUser user, NewResident form, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			ResidentView created = residents.register(user, form);
			redirect.addFlashAttribute("flash", messages.getMessage("residents.saved", null, locale));
			return "redirect:/residents/" + created.id();
		}
		catch (InvalidInputException ex) {
			String message = messages.getMessage(ex.messageKey(), ex.arguments(), locale);
			model.addAttribute("error", message);
			if (ex.messageKey().startsWith("resident.grid.")) {
				model.addAttribute("gridError", message);
			}
			model.addAttribute("form", new NewResident(form.name(), "", form.phone(), form.gridCode(), form.compound(),
					form.building(), form.entrance(), form.room(), form.address(), form.tags()));
			model.addAttribute("typedId", form.idNumber());
			model.addAttribute("tagTypes", residents.tagTypes());
			return "residents/new";
		}
	}

	@PostMapping("/residents/{id}/move")
	String move(CurrentUser user, @PathVariable long id, ResidentMove move, Locale locale,
			RedirectAttributes redirect) {
		try {
			residents.move(user, id, move);
			redirect.addFlashAttribute("flash", messages.getMessage("residents.moved", null, locale));
		}
		catch (InvalidInputException ex) {
			String message = messages.getMessage(ex.messageKey(), ex.arguments(), locale);
			redirect.addFlashAttribute("flashError", message);
			// the move form comes back as typed, the grid's message beside it
			// a map of strings: flash attributes are stored in the (JDBC) session, so they must serialize
			redirect.addFlashAttribute("typedMove", new java.util.HashMap<>(java.util.Map.of("gridCode", text(move.gridCode()),
					"compound", text(move.compound()), "building", text(move.building()),
					"entrance", text(move.entrance()), "room", text(move.room()))));
			if (ex.messageKey().startsWith("resident.grid.")) {
				redirect.addFlashAttribute("moveGridError", message);
			}
		}
		return "redirect:/residents/" + id;
	}

	@PostMapping("/residents/{id}/tags")
	String tag(CurrentUser user, @PathVariable long id, @RequestParam String tag,
			@RequestParam(defaultValue = "add") String action,
			Locale locale, RedirectAttributes redirect) {
		try {
			if ("remove".equals(action)) {
				residents.untag(user, id, tag);
			}
			else {
				residents.tag(user, id, tag);
			}
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "redirect:/residents/" + id;
	}

	private static String text(@Nullable String typed) {
		return typed == null ? "" : typed;
	}
}
