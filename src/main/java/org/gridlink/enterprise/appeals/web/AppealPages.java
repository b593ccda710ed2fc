package org.gridlink.enterprise.appeals.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.enterprise.EnterpriseDirectory;
import org.gridlink.enterprise.EnterpriseRef;
import org.gridlink.enterprise.appeals.AppealCategories;
import org.gridlink.enterprise.appeals.AppealFiled;
import org.gridlink.enterprise.appeals.AppealKpis;
import org.gridlink.enterprise.appeals.AppealLine;
import org.gridlink.enterprise.appeals.Appeals;
import org.gridlink.enterprise.appeals.GreenChannel;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of appeals: every appeal the user sees ({@code /enterprise-appeals}), one enterprise's appeals with the
 * form to file on its behalf ({@code /enterprises/{id}/appeals}), and the green channel's figures and settings
 * ({@code /enterprise-appeals/green-channel}).
 */
@Controller
class AppealPages {

	private final Appeals appeals;
	private final AppealKpis kpis;
	private final GreenChannel greenChannel;
	private final EnterpriseDirectory directory;
	private final MessageSource messages;
	private final Clock clock;

	AppealPages(Appeals appeals, AppealKpis kpis, GreenChannel greenChannel, EnterpriseDirectory directory,
			MessageSource messages, Clock clock) {
		this.appeals = appeals;
		this.kpis = kpis;
		this.greenChannel = greenChannel;
		this.directory = directory;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/enterprise-appeals")
	String list(CurrentUser user, @RequestParam(required = false) @Nullable String channel,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "0") int page,
			Model model) {
		if (!directory.seesAny(user)) {
			throw new AccessDeniedException("no enterprises in scope");
		}
		Boolean green = "green".equals(channel) ? Boolean.TRUE : "standard".equals(channel) ? Boolean.FALSE : null;
		Page<AppealLine> lines = appeals.list(user, null, green, open, page, 30);
		model.addAttribute("page", lines);
		model.addAttribute("channel", green == null ? "" : channel);
		model.addAttribute("open", open);
		model.addAttribute("now", OffsetDateTime.now(clock));
		model.addAttribute("caseLinks", caseLinks(user, lines.getContent()));
		return "enterprise/appeals/list";
	}

	private Set<Long> caseLinks(CurrentUser user, List<AppealLine> lines) {
		Set<Long> out = new LinkedHashSet<>();
		for (AppealLine l : lines) {
			if (appeals.seesCase(user, l.caseId())) {
				out.add(l.caseId());
			}
		}
		return out;
	}

	@GetMapping("/enterprises/{id}/appeals")
	String enterprise(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
			Model model) {
		EnterpriseRef enterprise = directory.require(user, id);
		return enterprisePage(user, enterprise, page, Map.of("categoryCode", "", "description", ""), null, model);
	}

	@PostMapping("/enterprises/{id}/appeals")
	String file(CurrentUser user, @PathVariable long id, @RequestParam Map<String, String> params, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		EnterpriseRef enterprise = directory.require(user, id);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("categoryCode", params.getOrDefault("categoryCode", "").strip());
		form.put("description", params.getOrDefault("description", "").strip());
		try {
			AppealFiled filed = appeals.file(user, id, form.get("categoryCode"), form.get("description"), "LIAISON");
			redirect.addFlashAttribute("flash", messages.getMessage(filed.greenChannel()
					? "enterprise.appeals.filed.green" : "enterprise.appeals.filed", null, locale));
			return "redirect:/enterprises/" + id + "/appeals";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return enterprisePage(user, enterprise, 0, form,
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale), model);
		}
	}

	private String enterprisePage(CurrentUser user, EnterpriseRef enterprise, int page, Map<String, String> form,
			@Nullable String error, Model model) {
		Page<AppealLine> lines = appeals.list(user, enterprise.id(), null, false, page, 30);
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("page", lines);
		model.addAttribute("form", form);
		model.addAttribute("formError", error);
		model.addAttribute("mayFile", appeals.mayFile(user, enterprise));
		model.addAttribute("categories", AppealCategories.CODES);
		model.addAttribute("now", OffsetDateTime.now(clock));
		model.addAttribute("caseLinks", caseLinks(user, lines.getContent()));
		return "enterprise/appeals/enterprise";
	}

	@GetMapping("/enterprise-appeals/green-channel")
	String greenChannel(CurrentUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model) {
		ZoneId zone = clock.getZone();
		LocalDate today = LocalDate.now(clock);
		LocalDate first;
		LocalDate last;
		try {
			first = from == null || from.isBlank() ? today.withDayOfMonth(1) : LocalDate.parse(from);
			last = to == null || to.isBlank() ? today : LocalDate.parse(to);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("enterprise.appeals.period.invalid");
		}
		AppealKpis.Kpis figures = kpis.of(user, first.atStartOfDay(zone).toOffsetDateTime(),
				last.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
		model.addAttribute("kpis", figures);
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("settings", greenChannel.settings());
		model.addAttribute("standard", greenChannel.standardLimits());
		model.addAttribute("supervisor", greenChannel.supervisor().orElse(null));
		model.addAttribute("mayChange", GreenChannel.mayChange(user));
		model.addAttribute("categories", AppealCategories.CODES);
		return "enterprise/appeals/green-channel";
	}

	@PostMapping("/enterprise-appeals/green-channel")
	String change(CurrentUser user, @RequestParam Map<String, String> params,
			@RequestParam(name = "categories", required = false) @Nullable List<String> categories, Locale locale,
			RedirectAttributes redirect) {
		greenChannel.change(user, minutes(params.get("respondMinutes"), "respondMinutes"),
				minutes(params.get("planMinutes"), "planMinutes"), minutes(params.get("closeMinutes"), "closeMinutes"),
				categories == null ? Set.of() : new LinkedHashSet<>(categories), params.get("supervisor"));
		redirect.addFlashAttribute("flash", messages.getMessage("enterprise.appeals.settings.saved", null, locale));
		return "redirect:/enterprise-appeals/green-channel";
	}

	private static int minutes(@Nullable String value, String field) {
		if (value == null || !value.strip().matches("\\d{1,6}")) {
			throw new InvalidInputException("enterprise.appeals.limit.invalid", field);
		}
		return Integer.parseInt(value.strip());
	}
}
