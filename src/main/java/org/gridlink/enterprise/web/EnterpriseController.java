package org.gridlink.enterprise.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.gridlink.enterprise.EnterpriseFilter;
import org.gridlink.enterprise.EnterpriseImportResult;
import org.gridlink.enterprise.EnterpriseImports;
import org.gridlink.enterprise.EnterpriseInput;
import org.gridlink.enterprise.EnterpriseSizes;
import org.gridlink.enterprise.EnterpriseView;
import org.gridlink.enterprise.Enterprises;
import org.gridlink.enterprise.Industries;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry's pages (docs/enterprise.md): the list with filters, counts and paging (cards on a phone), an
 * enterprise's detail with its liaisons, the audited reveal and the links to its appeals, relief, advisory team and
 * legal check-ups, the register and edit form with the message beside each field, and the import with its result.
 */
@Controller
class EnterpriseController {

	static final int PAGE_SIZE = 30;
	private static final String IMPORT_RESULT = "enterprise.import.result";

	private final Enterprises enterprises;
	private final EnterpriseImports imports;
	private final MessageSource messages;

	EnterpriseController(Enterprises enterprises, EnterpriseImports imports, MessageSource messages) {
		this.enterprises = enterprises;
		this.imports = imports;
		this.messages = messages;
	}

	private static void require(boolean allowed) {
		if (!allowed) {
			throw new AccessDeniedException("enterprises");
		}
	}

	// ------------------------------------------------------------------ list

	@GetMapping("/enterprises")
	String list(CurrentUser user, @RequestParam(required = false) @Nullable String place,
			@RequestParam(required = false) @Nullable String industry,
			@RequestParam(required = false) @Nullable Boolean key, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "false") boolean noPhone, @RequestParam(defaultValue = "0") int page,
			Locale locale, Model model) {
		require(enterprises.seesAny(user));
		if (page < 0) {
			throw new InvalidInputException("error.paging", 0);
		}
		EnterpriseFilter filter = new EnterpriseFilter(place, industry, key, q, noPhone);
		Page<EnterpriseView> list = enterprises.list(user, filter, PageRequest.of(page, PAGE_SIZE));
		model.addAttribute("page", list);
		model.addAttribute("counts", enterprises.counts(user, filter));
		model.addAttribute("filter", filter);
		model.addAttribute("places", enterprises.places(user));
		model.addAttribute("industries", Industries.ALL);
		model.addAttribute("gridNames", enterprises.placeNames(list.stream().map(EnterpriseView::gridCode).toList()));
		model.addAttribute("registers", enterprises.registersAny(user));
		model.addAttribute("lang", locale.getLanguage());
		return "enterprise/list";
	}

	// ------------------------------------------------------------------ detail, reveal, liaisons

	@GetMapping("/enterprises/{id}")
	String detail(CurrentUser user, @PathVariable long id, Locale locale, Model model) {
		return detailPage(user, enterprises.get(user, id), locale, model);
	}

	private String detailPage(CurrentUser user, EnterpriseView e, Locale locale, Model model) {
		model.addAttribute("e", e);
		model.addAttribute("industryName", Industries.name(e.industry(), locale));
		model.addAttribute("names", enterprises.placeNames(List.of(e.gridCode(), e.gridCode().substring(0, 12))));
		model.addAttribute("liaisons", enterprises.liaisons(user, e.id()));
		model.addAttribute("mayEdit", enterprises.mayEdit(user, e));
		boolean assigns = enterprises.mayAssign(user, e);
		model.addAttribute("mayAssign", assigns);
		model.addAttribute("candidates", assigns ? enterprises.liaisonCandidates() : List.of());
		model.addAttribute("mayReveal", enterprises.mayReveal(user));
		return "enterprise/detail";
	}

	@PostMapping("/enterprises/{id}/reveal")
	String reveal(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String field,
			@RequestParam(required = false) @Nullable String reason, Locale locale, Model model) {
		EnterpriseView e = enterprises.get(user, id);
		try {
			model.addAttribute("revealed", enterprises.reveal(user, id, field, reason));
			model.addAttribute("revealedField", field);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("revealError", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return detailPage(user, e, locale, model);
	}

	@PostMapping("/enterprises/{id}/liaisons")
	String assign(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String username,
			Locale locale, RedirectAttributes redirect) {
		try {
			enterprises.assignLiaison(user, id, username);
			redirect.addFlashAttribute("flash", messages.getMessage("enterprise.liaison.assigned", null, locale));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "redirect:/enterprises/" + id;
	}

	@PostMapping("/enterprises/{id}/liaisons/{accountId}/remove")
	String unassign(CurrentUser user, @PathVariable long id, @PathVariable long accountId, Locale locale,
			RedirectAttributes redirect) {
		enterprises.removeLiaison(user, id, accountId);
		redirect.addFlashAttribute("flash", messages.getMessage("enterprise.liaison.removed", null, locale));
		return "redirect:/enterprises/" + id;
	}

	// ------------------------------------------------------------------ register and edit

	@GetMapping("/enterprises/new")
	String newForm(CurrentUser user, Model model, Locale locale) {
		require(enterprises.registersAny(user));
		Map<String, String> form = new LinkedHashMap<>();
		if (user.scope().codes().size() == 1 && user.scope().codes().iterator().next().length() == 15) {
			form.put("gridCode", user.scope().codes().iterator().next());
		}
		return form(user, null, form, FormErrors.in(messages, locale), model, locale);
	}

	@GetMapping("/enterprises/{id}/edit")
	String editForm(CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		EnterpriseView e = enterprises.get(user, id);
		require(enterprises.mayEdit(user, e));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("creditCode", e.creditCode());
		form.put("name", e.name());
		form.put("industry", e.industry() == null ? "" : e.industry());
		form.put("size", e.size() == null ? "" : e.size());
		form.put("address", e.address() == null ? "" : e.address());
		form.put("gridCode", e.gridCode());
		form.put("key", String.valueOf(e.keyEnterprise()));
		return form(user, e, form, FormErrors.in(messages, locale), model, locale);
	}

	@PostMapping({ "/enterprises", "/enterprises/{id}" })
	String save(CurrentUser user, @PathVariable(required = false) @Nullable Long id,
			@RequestParam Map<String, String> form, Locale locale, Model model, RedirectAttributes redirect) {
		EnterpriseView old = id == null ? null : enterprises.get(user, id);
		require(old == null ? enterprises.registersAny(user) : enterprises.mayEdit(user, old));
		boolean staff = old == null || enterprises.registersAny(user);
		EnterpriseInput input = new EnterpriseInput(form.get("creditCode"), form.get("name"),
				form.get("legalRepresentative"), form.get("industry"), form.get("size"), form.get("address"),
				form.get("gridCode"), staff ? Boolean.valueOf(form.containsKey("key")) : null,
				form.get("contactPhone"));
		FormErrors errors = FormErrors.in(messages, locale);
		enterprises.problems(input).forEach(errors::add);
		if (errors.isEmpty()) {
			try {
				EnterpriseView saved = old == null ? enterprises.register(user, input)
						: enterprises.update(user, old.id(), input);
				redirect.addFlashAttribute("flash", messages.getMessage("enterprise.saved", null, locale));
				return "redirect:/enterprises/" + saved.id();
			}
			catch (OutOfScopeException ex) {
				errors.addKey("gridCode", "enterprise.gridCode.scope");
			}
			catch (ConflictException ex) {
				errors.addKey("creditCode", ex.messageKey(), ex.arguments());
			}
		}
		form.remove("legalRepresentative");
		form.remove("contactPhone");
		return form(user, old, form, errors, model, locale);
	}

	private String form(CurrentUser user, @Nullable EnterpriseView e, Map<String, String> form, FormErrors errors,
			Model model, Locale locale) {
		model.addAttribute("e", e);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("industries", Industries.ALL);
		model.addAttribute("sizes", EnterpriseSizes.ALL);
		model.addAttribute("staff", e == null || enterprises.registersAny(user));
		model.addAttribute("lang", locale.getLanguage());
		return "enterprise/form";
	}

	// ------------------------------------------------------------------ import

	@GetMapping("/enterprises/import")
	String importPage(CurrentUser user, Model model) {
		require(enterprises.registersAny(user));
		return "enterprise/import";
	}

	@PostMapping("/enterprises/import")
	String upload(CurrentUser user, @RequestParam(required = false) @Nullable MultipartFile file, Locale locale,
			HttpSession session, Model model) throws IOException {
		require(enterprises.registersAny(user));
		byte[] bytes = file == null ? new byte[0] : file.getBytes();
		EnterpriseImportResult result = imports.run(user, bytes, locale);
		session.setAttribute(IMPORT_RESULT, imports.reportCsv(result, locale));
		model.addAttribute("result", result);
		return "enterprise/import";
	}

	@GetMapping("/enterprises/import/template.csv")
	ResponseEntity<byte[]> template(CurrentUser user) {
		require(enterprises.registersAny(user));
		return csv("enterprises-template.csv", EnterpriseImports.templateCsv());
	}

	@GetMapping("/enterprises/import/problems.csv")
	ResponseEntity<byte[]> problems(CurrentUser user, HttpSession session, Locale locale) {
		require(enterprises.registersAny(user));
		Object report = session.getAttribute(IMPORT_RESULT);
		return csv("enterprise-import-problems.csv", report instanceof String text ? text
				: imports.reportCsv(new EnterpriseImportResult(0, 0, 0, List.of()), locale));
	}

	private static ResponseEntity<byte[]> csv(String filename, String text) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.body(text.getBytes(StandardCharsets.UTF_8));
	}
}
