package org.gridlink.housing.choice.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridlink.housing.HousingDirectory;
import org.gridlink.housing.HousingProjectRef;
import org.gridlink.housing.MilestoneKind;
import org.gridlink.housing.choice.AgreementPdf;
import org.gridlink.housing.choice.Agreements;
import org.gridlink.housing.choice.ChoiceAccess;
import org.gridlink.housing.choice.Choices;
import org.gridlink.housing.choice.SubsidyTranches;
import org.gridlink.housing.choice.TranchePlan;
import org.gridlink.housing.choice.UnitTypes;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.ListPage;
import org.gridlink.platform.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of choice and agreements: the projects, a project's overview (unit types with drawings, progress,
 * allocation rounds, tranche plan and totals) and the household cards the village staff use on a phone during home
 * visits (choice, agreement, signed scan, tranches). Plus the public drawing files linked from the board.
 */
@Controller
class ChoiceController {

	private static final int PAGE_SIZE = 20;

	private final HousingDirectory projects;
	private final UnitTypes unitTypes;
	private final Choices choices;
	private final Agreements agreements;
	private final SubsidyTranches tranches;
	private final AgreementPdf pdf;
	private final JurisdictionDirectory directory;
	private final MessageSource messages;

	ChoiceController(HousingDirectory projects, UnitTypes unitTypes, Choices choices, Agreements agreements,
			SubsidyTranches tranches, AgreementPdf pdf, JurisdictionDirectory directory, MessageSource messages) {
		this.projects = projects;
		this.unitTypes = unitTypes;
		this.choices = choices;
		this.agreements = agreements;
		this.tranches = tranches;
		this.pdf = pdf;
		this.directory = directory;
		this.messages = messages;
	}

	static ResponseEntity<byte[]> file(String contentType, byte[] bytes, String name) {
		String extension = switch (contentType) {
			case "application/pdf" -> ".pdf";
			case "image/png" -> ".png";
			case "image/webp" -> ".webp";
			default -> ".jpg";
		};
		return ResponseEntity.ok().header("Content-Type", contentType).header("Cache-Control", "no-store")
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Disposition", ContentDisposition.inline().filename(name + extension).build().toString())
				.body(bytes);
	}

	/** Runs a change; a refusal the user can act on becomes the flash message, the rest propagates. */
	private void attempt(RedirectAttributes flash, Locale locale, String done, Runnable change) {
		try {
			change.run();
			flash.addFlashAttribute("flashKey", done);
		}
		catch (UserFacingException ex) {
			flash.addFlashAttribute("flashError",
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		}
	}

	@GetMapping("/housing/choice")
	String projects(CurrentUser user, Model model) {
		model.addAttribute("projects", projects.visible(user));
		return "housing/choice/projects";
	}

	@GetMapping("/housing/projects/{id}/choice")
	String overview(@PathVariable long id, CurrentUser user, Model model) {
		HousingProjectRef project = projects.require(user, id);
		model.addAttribute("project", project);
		model.addAttribute("unitTypes", unitTypes.list(user, id));
		model.addAttribute("chosen", choices.chosenPerType(id));
		Choices.Progress p = choices.progress(user, id);
		model.addAttribute("progress", Map.of("onList", p.onList(), "chosen", p.chosen(), "deferred", p.deferred(),
				"allocated", p.allocated(), "drafted", p.drafted(), "signed", p.signed()));
		model.addAttribute("rounds", choices.rounds(user, id));
		List<TranchePlan.Step> plan = tranches.plan(id);
		model.addAttribute("plan", plan);
		Map<String, Integer> planPercent = new HashMap<>();
		plan.forEach(s -> planPercent.put(s.milestone().name(), s.percent()));
		model.addAttribute("planPercent", planPercent);
		model.addAttribute("totals", tranches.totals(user, id));
		model.addAttribute("manages", ChoiceAccess.managesProject(user, project));
		model.addAttribute("milestones", MilestoneKind.values());
		List<String> villages = new ArrayList<>(
				user.scope().codes().stream().filter(c -> c.length() == 12).sorted().toList());
		model.addAttribute("names", directory.names(villages));
		return "housing/choice/overview";
	}

	@PostMapping("/housing/projects/{id}/choice/unit-types")
	String addUnitType(@PathVariable long id, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String floorArea,
			@RequestParam(required = false) @Nullable String price,
			@RequestParam(required = false) @Nullable String subsidy, CurrentUser user, Locale locale,
			RedirectAttributes flash) {
		attempt(flash, locale, "housing.choice.unitType.added", () -> unitTypes.create(user, id,
				new UnitTypes.NewUnitType(name, decimal(floorArea, "housing.choice.unitType.area"),
						fen(price, "housing.choice.unitType.price"), fen(subsidy, "housing.choice.unitType.subsidy"))));
		return "redirect:/housing/projects/" + id + "/choice";
	}

	@PostMapping("/housing/choice/unit-types/{id}/drawings")
	String addDrawing(@PathVariable long id, @RequestParam long project,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(name = "public", defaultValue = "false") boolean publicFile, CurrentUser user, Locale locale,
			RedirectAttributes flash) throws IOException {
		byte[] bytes = file == null ? new byte[0] : file.getBytes();
		attempt(flash, locale, "housing.choice.drawing.added",
				() -> unitTypes.addDrawing(user, id, title, bytes, publicFile));
		return "redirect:/housing/projects/" + project + "/choice";
	}

	@GetMapping("/housing/choice/drawings/{id}")
	ResponseEntity<byte[]> drawing(@PathVariable long id, CurrentUser user) {
		UnitTypes.DrawingContent content = unitTypes.drawing(user, id);
		return file(content.contentType(), content.bytes(), "drawing-" + id);
	}

	/** A public drawing for the public board, without login. */
	@GetMapping("/housing/drawings/{id}")
	ResponseEntity<byte[]> publicDrawing(@PathVariable long id) {
		return unitTypes.publicDrawing(id).map(c -> file(c.contentType(), c.bytes(), "drawing-" + id))
				.orElse(ResponseEntity.notFound().build());
	}

	@PostMapping("/housing/projects/{id}/choice/allocation")
	String allocate(@PathVariable long id, @RequestParam(required = false) @Nullable String method,
			@RequestParam(required = false) @Nullable String seed,
			@RequestParam(required = false) @Nullable String witnesses, CurrentUser user, Locale locale,
			RedirectAttributes flash) {
		attempt(flash, locale, "housing.choice.allocation.done", () -> {
			Long s = null;
			if (seed != null && !seed.isBlank()) {
				try {
					s = Long.valueOf(seed.strip());
				}
				catch (NumberFormatException ex) {
					throw new InvalidInputException("housing.choice.allocation.seed");
				}
			}
			List<String> names = witnesses == null ? List.of() : List.of(witnesses.split("[,，、;；\\n]+"));
			choices.allocate(user, id, new Choices.NewRound(method, s, "LOT".equals(method) ? names : null));
		});
		return "redirect:/housing/projects/" + id + "/choice";
	}

	@PostMapping("/housing/projects/{id}/choice/plan")
	String plan(@PathVariable long id, @RequestParam Map<String, String> params, CurrentUser user, Locale locale,
			RedirectAttributes flash) {
		attempt(flash, locale, "housing.choice.plan.saved", () -> {
			List<TranchePlan.Step> steps = new ArrayList<>();
			for (MilestoneKind kind : MilestoneKind.values()) {
				String value = params.get("percent_" + kind.name());
				if (value != null && !value.isBlank()) {
					try {
						steps.add(new TranchePlan.Step(kind, Integer.parseInt(value.strip())));
					}
					catch (NumberFormatException ex) {
						throw new InvalidInputException("housing.choice.plan.percent");
					}
				}
			}
			tranches.setPlan(user, id, steps);
		});
		return "redirect:/housing/projects/" + id + "/choice";
	}

	@GetMapping("/housing/projects/{id}/choice/households")
	String households(@PathVariable long id, @RequestParam(required = false) @Nullable String village,
			@RequestParam(defaultValue = "0") int page, CurrentUser user, Model model) {
		HousingProjectRef project = projects.require(user, id);
		if (page < 0) {
			throw new InvalidInputException("error.paging", 500);
		}
		ListPage<Choices.HouseholdRow> rows = choices.households(user, id, village, true, PageRequest.of(page, PAGE_SIZE));
		Map<Long, List<SubsidyTranches.Tranche>> trancheMap = new HashMap<>();
		for (Choices.HouseholdRow row : rows.getContent()) {
			if ("SIGNED".equals(row.agreementState()) && row.agreementId() != null) {
				trancheMap.put(row.id(), tranches.tranches(user, row.agreementId()));
			}
		}
		model.addAttribute("project", project);
		model.addAttribute("rows", rows);
		model.addAttribute("tranches", trancheMap);
		model.addAttribute("unitTypes", unitTypes.list(user, id));
		model.addAttribute("village", village == null ? "" : village);
		model.addAttribute("serves", ChoiceAccess.servesHouseholds(user));
		model.addAttribute("manages", ChoiceAccess.managesProject(user, project));
		model.addAttribute("names", directory.names(rows.getContent().stream().map(Choices.HouseholdRow::villageCode)
				.distinct().toList()));
		return "housing/choice/households";
	}

	private String back(long householdId, CurrentUser user) {
		Choices.HouseholdRow row = choices.household(user, householdId);
		return "redirect:/housing/projects/" + row.projectId() + "/choice/households?village=" + row.villageCode()
				+ "#h" + householdId;
	}

	@PostMapping("/housing/choice/households/{id}/choice")
	String choose(@PathVariable long id, @RequestParam(required = false) @Nullable String unitType, CurrentUser user,
			Locale locale, RedirectAttributes flash) {
		String back = back(id, user);
		attempt(flash, locale, "housing.choice.choice.saved", () -> {
			if (unitType == null || unitType.isBlank()) {
				throw new InvalidInputException("housing.choice.choice.required");
			}
			if (unitType.equals("deferred")) {
				choices.choose(user, id, null, true);
			}
			else {
				try {
					choices.choose(user, id, Long.valueOf(unitType), false);
				}
				catch (NumberFormatException ex) {
					throw new InvalidInputException("housing.choice.choice.required");
				}
			}
		});
		return back;
	}

	@PostMapping("/housing/choice/households/{id}/agreement")
	String draft(@PathVariable long id, CurrentUser user, Locale locale, RedirectAttributes flash) {
		String back = back(id, user);
		attempt(flash, locale, "housing.choice.agreement.drafted", () -> agreements.draft(user, id));
		return back;
	}

	@GetMapping("/housing/choice/agreements/{id}.pdf")
	ResponseEntity<byte[]> agreementPdf(@PathVariable long id, CurrentUser user, Locale locale) {
		Agreements.Agreement a = agreements.get(user, id);
		return file("application/pdf",
				pdf.render(agreements.project(user, a.projectId()), a, tranches.tranches(user, id), locale), a.number());
	}

	@PostMapping("/housing/choice/agreements/{id}/scan")
	String sign(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile scan,
			@RequestParam(required = false) @Nullable String signedOn, CurrentUser user, Locale locale,
			RedirectAttributes flash) throws IOException {
		Agreements.Agreement a = agreements.get(user, id);
		byte[] bytes = scan == null ? new byte[0] : scan.getBytes();
		attempt(flash, locale, "housing.choice.agreement.signedNow", () -> agreements.sign(user, id, bytes,
				ChoiceApiController.date(signedOn, "housing.choice.agreement.signedOn")));
		return back(a.householdId(), user);
	}

	@GetMapping("/housing/choice/agreements/{id}/scan")
	ResponseEntity<byte[]> scan(@PathVariable long id, CurrentUser user) {
		Agreements.Scan scan = agreements.scan(user, id);
		return file(scan.contentType(), scan.bytes(), "agreement-" + id);
	}

	@PostMapping("/housing/choice/agreements/{id}/payments")
	String pay(@PathVariable long id, @RequestParam(required = false) @Nullable String milestone,
			@RequestParam(required = false) @Nullable String paidOn,
			@RequestParam(required = false) @Nullable String reference, CurrentUser user, Locale locale,
			RedirectAttributes flash) {
		Agreements.Agreement a = agreements.get(user, id);
		attempt(flash, locale, "housing.choice.payment.recorded", () -> tranches.pay(user, id,
				new SubsidyTranches.Payment(milestone, ChoiceApiController.date(paidOn, "housing.choice.payment.date"),
						reference)));
		return back(a.householdId(), user);
	}

	static @Nullable BigDecimal decimal(@Nullable String text, String key) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(key);
		}
	}

	/** Yuan as typed ("182000" or "182000.50") into fen. */
	static @Nullable Long fen(@Nullable String yuan, String key) {
		BigDecimal value = decimal(yuan == null ? null : yuan.replace(",", ""), key);
		if (value == null) {
			return null;
		}
		if (value.scale() > 2) {
			throw new InvalidInputException(key);
		}
		try {
			return value.movePointRight(2).longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new InvalidInputException(key);
		}
	}
}
