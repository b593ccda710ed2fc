package org.gridlink.cases.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.gridlink.cases.CaseCategories;
import org.gridlink.cases.CaseDirectory;
import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CasePhotos;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.CaseView;
import org.gridlink.cases.NewCase;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reporting by staff: the grid worker's phone page ({@code /cases/report}: category, description, address, "use my
 * location", photos) and the command center's hotline entry ({@code /cases/hotline}: the caller's phone, stored
 * encrypted, and the place picked street → community → grid). A hidden one-time key makes a double tap one case.
 */
@Controller
class CaseReportController {

	private final CaseManagement cases;
	private final CaseCategories categories;
	private final CaseDirectory directory;
	private final MessageSource messages;
	private final CasePhotos casePhotos;

	CaseReportController(CaseManagement cases, CaseCategories categories, CaseDirectory directory,
			MessageSource messages, CasePhotos casePhotos) {
		this.casePhotos = casePhotos;
		this.cases = cases;
		this.categories = categories;
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/cases/report")
	String reportForm(@RequestParam(defaultValue = "false") boolean tooLarge, CurrentUser user, Model model,
			Locale locale) {
		requireReporter(user);
		Map<String, String> form = emptyForm();
		List<CaseDirectory.Place> places = directory.roots(user);
		form.put("jurisdictionCode", places.isEmpty() ? "" : places.get(0).code());
		FormErrors errors = FormErrors.in(messages, locale);
		if (tooLarge) {
			errors.addKey("photos", "cases.photos.tooLarge");
		}
		return reportPage(model, user, form, errors);
	}

	@PostMapping("/cases/report")
	String report(@RequestParam Map<String, String> params,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos, CurrentUser user,
			Model model, Locale locale, RedirectAttributes redirect) {
		requireReporter(user);
		Map<String, String> form = typed(params, "categoryCode", "major", "description", "address", "lat", "lng",
				"jurisdictionCode", "key");
		FormErrors errors = FormErrors.in(messages, locale);
		Location location = location(form, errors);
		check(form, errors);
		if (errors.isEmpty()) {
			try {
				CaseView created = cases.report(user, new NewCase(form.get("categoryCode"), form.get("description"),
						location == null ? form.get("jurisdictionCode") : null, location == null ? null : location.lat(),
						location == null ? null : location.lng(), form.get("address"),
						CaseSource.reportedBy(user), null), form.get("key"));
				redirect.addFlashAttribute("flash", messages.getMessage("cases.report.done",
						new Object[] { created.number() }, locale));
				// a repeated tap answers with the same case: its photos are already there
				boolean repeated = casePhotos.list(user, created.id()).stream()
						.anyMatch(p -> p.createdBy().equals(user.username()));
				if (!repeated) {
					List<String> refused = CasePhotoUploads.add(casePhotos, user, created.id(), CasePhotos.REPORT,
							photos, messages, locale);
					if (!refused.isEmpty()) {
						redirect.addFlashAttribute("flashError", String.join(" ", refused));
					}
				}
				return "redirect:/cases/" + created.id();
			}
			catch (InvalidInputException ex) {
				errors.add(field(ex.messageKey(), "jurisdictionCode"), ex);
			}
			catch (OutOfScopeException ex) {
				errors.addKey(location == null ? "jurisdictionCode" : "location", "cases.location.notYours",
						ex.subject());
			}
		}
		return reportPage(model, user, form, errors);
	}

	private String reportPage(Model model, CurrentUser user, Map<String, String> form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("minorsByMajor", CaseCategoryGroups.group(categories.all(), true));
		model.addAttribute("places", directory.roots(user));
		model.addAttribute("photosEnabled", true);
		return "cases/report";
	}

	@GetMapping("/cases/hotline")
	String hotlineForm(CurrentUser user, Model model) {
		requireCenter(user);
		return hotlinePage(model, user, emptyForm(), FormErrors.in(messages, Locale.ROOT));
	}

	@PostMapping("/cases/hotline")
	String hotline(@RequestParam Map<String, String> params, CurrentUser user, Model model, Locale locale,
			RedirectAttributes redirect) {
		requireCenter(user);
		Map<String, String> form = typed(params, "phone", "categoryCode", "major", "description", "address", "lat",
				"lng", "street", "community", "grid", "key");
		FormErrors errors = FormErrors.in(messages, locale);
		String phone = form.get("phone");
		if (phone.isEmpty()) {
			errors.addKey("phone", "cases.phone.required");
		}
		else if (!phone.matches("[0-9+\\- ]{5,20}")) {
			errors.addKey("phone", "cases.phone.invalid");
		}
		Location location = location(form, errors);
		String place = !form.get("grid").isEmpty() ? form.get("grid")
				: !form.get("community").isEmpty() ? form.get("community") : form.get("street");
		if (location == null && place.isEmpty() && !errors.has("location")) {
			errors.addKey("street", "cases.place.required");
		}
		check(form, errors);
		if (errors.isEmpty()) {
			try {
				CaseView created = cases.report(user, new NewCase(form.get("categoryCode"), form.get("description"),
						location == null ? place : null, location == null ? null : location.lat(),
						location == null ? null : location.lng(), form.get("address"),
						CaseSource.reportedBy(user, CaseSource.HOTLINE),
						phone.replace(" ", "")), form.get("key"));
				redirect.addFlashAttribute("flash", messages.getMessage("cases.report.done",
						new Object[] { created.number() }, locale));
				return "redirect:/cases/" + created.id();
			}
			catch (InvalidInputException ex) {
				errors.add(field(ex.messageKey(), "street"), ex);
			}
			catch (OutOfScopeException ex) {
				errors.addKey(location == null ? "street" : "location", "cases.location.notYours", ex.subject());
			}
		}
		return hotlinePage(model, user, form, errors);
	}

	private String hotlinePage(Model model, CurrentUser user, Map<String, String> form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("minorsByMajor", CaseCategoryGroups.group(categories.all(), true));
		model.addAttribute("streets", streets(user));
		model.addAttribute("communities", children(user, form.get("street")));
		model.addAttribute("grids", children(user, form.get("community")));
		return "cases/hotline";
	}

	/** The options below a street (its communities) or a community (its grids), for the hotline's place picker. */
	@GetMapping("/cases/places")
	String places(@RequestParam(defaultValue = "") String street, @RequestParam(defaultValue = "") String community,
			CurrentUser user, Model model) {
		requireCenter(user);
		model.addAttribute("options", children(user, community.isBlank() ? street : community));
		return "cases/places";
	}

	private List<CaseDirectory.Place> streets(CurrentUser user) {
		return directory.roots(user).stream().flatMap(root -> directory.children(user, root.code()).stream()).toList();
	}

	private List<CaseDirectory.Place> children(CurrentUser user, @Nullable String code) {
		if (code == null || code.isBlank() || !code.strip().matches("\\d{12}") || !user.scope().covers(code.strip())) {
			return List.of();
		}
		return directory.children(user, code.strip());
	}

	record Location(double lat, double lng) {
	}

	/** The point from "use my location", if any; a half or unreadable point is an error. */
	static @Nullable Location location(Map<String, String> form, FormErrors errors) {
		String lat = form.get("lat");
		String lng = form.get("lng");
		if (lat.isEmpty() && lng.isEmpty()) {
			return null;
		}
		try {
			return new Location(Double.parseDouble(lat), Double.parseDouble(lng));
		}
		catch (NumberFormatException ex) {
			errors.addKey("location", "cases.location.invalid");
			return null;
		}
	}

	/** What the page can tell before asking the core: a category is chosen and something is described. */
	static void check(Map<String, String> form, FormErrors errors) {
		if (form.get("categoryCode").isEmpty()) {
			errors.addKey("categoryCode", "cases.category.required");
		}
		if (form.get("description").isEmpty()) {
			errors.addKey("description", "cases.description.invalid");
		}
	}

	/** The form field a core message belongs to. */
	static String field(String messageKey, String placeField) {
		if (messageKey.startsWith("cases.category")) {
			return "categoryCode";
		}
		if (messageKey.startsWith("cases.description")) {
			return "description";
		}
		if (messageKey.startsWith("cases.address")) {
			return "address";
		}
		if (messageKey.startsWith("cases.contact")) {
			return "phone";
		}
		if (messageKey.startsWith("cases.location")) {
			return "location";
		}
		if (messageKey.startsWith("cases.jurisdiction")) {
			return placeField;
		}
		return "form";
	}

	static Map<String, String> emptyForm() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("key", UUID.randomUUID().toString());
		return form;
	}

	/** The typed values of the named fields, stripped, never null; a missing key gets a fresh one. */
	static Map<String, String> typed(Map<String, String> params, String... names) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String name : names) {
			String value = params.get(name);
			form.put(name, value == null ? "" : value.strip());
		}
		if (form.containsKey("key") && form.get("key").isEmpty()) {
			form.put("key", UUID.randomUUID().toString());
		}
		return form;
	}

	private void requireReporter(CurrentUser user) {
		if (!cases.canReport(user)) {
			throw new AccessDeniedException("this role does not report cases");
		}
	}

	private static void requireCenter(CurrentUser user) {
		if (!user.has(Role.CENTER)) {
			throw new AccessDeniedException("the hotline entry is the command center's");
		}
	}
}
