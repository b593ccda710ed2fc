package org.gridlink.supplies.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.UserFacingException;
import org.gridlink.supplies.GapLine;
import org.gridlink.supplies.Item;
import org.gridlink.supplies.LineInput;
import org.gridlink.supplies.MovementInput;
import org.gridlink.supplies.NewSupplyRequest;
import org.gridlink.supplies.Pick;
import org.gridlink.supplies.RequestLine;
import org.gridlink.supplies.RequestStatus;
import org.gridlink.supplies.Reserves;
import org.gridlink.supplies.StepInput;
import org.gridlink.supplies.SupplyRequestView;
import org.gridlink.supplies.SupplyRequests;
import org.gridlink.supplies.Warehouse;
import org.gridlink.supplies.WarehouseAdmin;
import org.gridlink.supplies.WarehouseInput;
import org.gridlink.platform.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of reserves and requests: warehouses and their stock (movement and minimum forms for the keepers, lots
 * in first-expiry-first order), a warehouse's ledger, the request list (cards) with the community's new-request
 * form, a request's detail with the step due (per-line quantities; the shipping form suggests lots by expiry), and
 * the gap board per community and item.
 */
@Controller
class SuppliesController {

	private final Reserves reserves;
	private final SupplyRequests requests;
	private final JurisdictionDirectory places;
	private final MessageSource messages;
	private final WarehouseAdmin warehouseAdmin;

	SuppliesController(Reserves reserves, SupplyRequests requests, JurisdictionDirectory places,
			MessageSource messages, WarehouseAdmin warehouseAdmin) {
		this.warehouseAdmin = warehouseAdmin;
		this.reserves = reserves;
		this.requests = requests;
		this.places = places;
		this.messages = messages;
	}

	private void require(boolean allowed) {
		if (!allowed) {
			throw new AccessDeniedException("supplies");
		}
	}

	private String message(UserFacingException ex, Locale locale) {
		return messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
	}

	private static @Nullable Long number(@Nullable String text, String key) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(key, 10_000_000);
		}
	}

	// ------------------------------------------------------------------ reserves

	@GetMapping("/supplies")
	String reserves(CurrentUser user, @RequestParam(required = false) @Nullable Long warehouse, Model model) {
		require(reserves.canReadReserves(user));
		List<Warehouse> all = reserves.warehouses(user);
		model.addAttribute("warehouses", all);
		model.addAttribute("items", reserves.itemsByCode());
		model.addAttribute("names", places.names(all.stream().map(Warehouse::jurisdictionCode).toList()));
		Warehouse selected = warehouse == null ? (all.size() == 1 ? all.get(0) : null)
				: reserves.warehouse(user, warehouse);
		model.addAttribute("selected", selected);
		model.addAttribute("managesWarehouses", warehouseAdmin.managesAny(user));
		if (selected != null) {
			model.addAttribute("stock", reserves.itemStock(user, selected.id()));
			model.addAttribute("keeps", reserves.canKeep(user, selected));
			model.addAttribute("editsWarehouse", warehouseAdmin.manages(user, selected));
			model.addAttribute("targets", all.stream().filter(w -> w.id() != selected.id() && w.active()).toList());
		}
		return "supplies/reserves";
	}

	// ------------------------------------------------------------------ warehouses (create and edit)

	@GetMapping("/supplies/warehouses/new")
	String newWarehouse(CurrentUser user, Model model) {
		require(warehouseAdmin.managesAny(user));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("level", user.has(org.gridlink.platform.Role.CENTER) ? "DISTRICT"
				: user.has(org.gridlink.platform.Role.STREET) ? "STREET" : "COMMUNITY");
		if (user.scope().codes().size() == 1) {
			form.put("jurisdictionCode", user.scope().codes().iterator().next());
		}
		return warehouseForm(user, null, form, FormErrors.in(messages, Locale.ROOT), model);
	}

	@GetMapping("/supplies/warehouses/{id}/edit")
	String editWarehouse(CurrentUser user, @PathVariable long id, Model model) {
		Warehouse w = reserves.warehouse(user, id);
		require(warehouseAdmin.manages(user, w));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", w.name());
		form.put("level", w.level());
		form.put("jurisdictionCode", w.jurisdictionCode());
		form.put("unitId", w.unitId() == null ? "" : String.valueOf(w.unitId()));
		form.put("address", w.address() == null ? "" : w.address());
		form.put("active", String.valueOf(w.active()));
		return warehouseForm(user, w, form, FormErrors.in(messages, Locale.ROOT), model);
	}

	@PostMapping({ "/supplies/warehouses", "/supplies/warehouses/{id}" })
	String saveWarehouse(CurrentUser user, @PathVariable(required = false) @Nullable Long id,
			@RequestParam Map<String, String> form, Locale locale, Model model, RedirectAttributes redirect) {
		require(warehouseAdmin.managesAny(user));
		Warehouse old = id == null ? null : reserves.warehouse(user, id);
		if (old != null) {
			require(warehouseAdmin.manages(user, old));
		}
		FormErrors errors = FormErrors.in(messages, locale);
		Long unit = null;
		String unitText = form.getOrDefault("unitId", "").strip();
		if (!unitText.isEmpty()) {
			try {
				unit = Long.valueOf(unitText);
			}
			catch (NumberFormatException ex) {
				errors.addKey("unitId", "supplies.warehouse.unit.invalid", unitText);
			}
		}
		WarehouseInput input = new WarehouseInput(form.get("name"), form.get("level"), form.get("jurisdictionCode"),
				unit, form.get("address"), old == null ? Boolean.TRUE : Boolean.valueOf(form.containsKey("active")));
		warehouseAdmin.problems(user, input, old).forEach(errors::add);
		if (errors.isEmpty()) {
			try {
				Warehouse saved = old == null ? warehouseAdmin.create(user, input)
						: warehouseAdmin.update(user, old.id(), input);
				redirect.addFlashAttribute("flash", messages.getMessage("supplies.warehouse.saved", null, locale));
				return "redirect:/supplies?warehouse=" + saved.id();
			}
			catch (org.gridlink.platform.OutOfScopeException ex) {
				errors.addKey("jurisdictionCode", "supplies.warehouse.place.scope");
			}
		}
		return warehouseForm(user, old, form, errors, model);
	}

	private String warehouseForm(CurrentUser user, @Nullable Warehouse w, Map<String, String> form,
			FormErrors errors, Model model) {
		model.addAttribute("warehouse", w);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		List<String> levels = new ArrayList<>();
		if (user.has(org.gridlink.platform.Role.CENTER)) {
			levels.add("DISTRICT");
		}
		if (user.has(org.gridlink.platform.Role.STREET)) {
			levels.add("STREET");
		}
		if (user.has(org.gridlink.platform.Role.COMMUNITY)) {
			levels.add("COMMUNITY");
		}
		model.addAttribute("levels", levels);
		model.addAttribute("center", user.has(org.gridlink.platform.Role.CENTER));
		model.addAttribute("units", warehouseAdmin.units());
		return "supplies/warehouse-form";
	}

	@PostMapping("/supplies/movements")
	String move(CurrentUser user, @RequestParam long warehouseId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String itemCode, @RequestParam(required = false) String lot,
			@RequestParam(required = false) String quantity, @RequestParam(required = false) String expiresOn,
			@RequestParam(required = false) String toWarehouseId, @RequestParam(required = false) String reason,
			Locale locale, RedirectAttributes redirect) {
		try {
			reserves.move(user, new MovementInput(warehouseId, itemCode, lot,
					number(quantity, "supplies.quantity.invalid"), kind, reason, expiresOn,
					number(toWarehouseId, "supplies.transfer.target.invalid")));
			redirect.addFlashAttribute("flash", messages.getMessage("supplies.move.done", null, locale));
		}
		catch (InvalidInputException | org.gridlink.platform.ConflictException ex) {
			redirect.addFlashAttribute("flashError", message(ex, locale));
		}
		return "redirect:/supplies?warehouse=" + warehouseId;
	}

	@PostMapping("/supplies/minimums")
	String minimum(CurrentUser user, @RequestParam long warehouseId, @RequestParam(required = false) String itemCode,
			@RequestParam(required = false) String minimum, Locale locale, RedirectAttributes redirect) {
		try {
			reserves.setMinimum(user, warehouseId, itemCode, number(minimum, "supplies.minimum.invalid"));
			redirect.addFlashAttribute("flash", messages.getMessage("supplies.step.done", null, locale));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", message(ex, locale));
		}
		return "redirect:/supplies?warehouse=" + warehouseId;
	}

	@GetMapping("/supplies/warehouses/{id}/ledger")
	String ledger(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String item,
			Model model) {
		Warehouse w = reserves.warehouse(user, id);
		model.addAttribute("warehouse", w);
		model.addAttribute("items", reserves.itemsByCode());
		model.addAttribute("item", item);
		model.addAttribute("rows", reserves.ledger(user, id, item, 300));
		return "supplies/ledger";
	}

	// ------------------------------------------------------------------ requests

	@GetMapping("/supplies/requests")
	String requests(CurrentUser user, @RequestParam(required = false) @Nullable RequestStatus status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		require(requests.canRead(user));
		Page<SupplyRequestView> list = requests.list(user, status, null, PageRequest.of(Math.max(0, page), 20));
		model.addAttribute("page", list);
		model.addAttribute("status", status);
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("items", reserves.itemsByCode());
		model.addAttribute("names", places.names(list.stream().map(SupplyRequestView::jurisdictionCode).toList()));
		model.addAttribute("canRequest", requests.canRequest(user));
		Map<Long, Boolean> mine = new LinkedHashMap<>();
		list.forEach(r -> mine.put(r.id(), requests.canAct(user, r, r.status().next())));
		model.addAttribute("mine", mine);
		return "supplies/requests";
	}

	@GetMapping("/supplies/requests/new")
	String newRequest(CurrentUser user, Model model) {
		require(requests.canRequest(user));
		List<String> own = user.scope().codes().stream().filter(c -> c.length() == 12 && !c.endsWith("000"))
				.sorted().toList();
		model.addAttribute("communities", own);
		model.addAttribute("names", places.names(own));
		model.addAttribute("items", reserves.items());
		return "supplies/new-request";
	}

	@PostMapping("/supplies/requests")
	String create(CurrentUser user, @RequestParam Map<String, String> params, Locale locale,
			RedirectAttributes redirect) {
		List<LineInput> lines = new ArrayList<>();
		for (Item item : reserves.items()) {
			Long q = number(params.get("q_" + item.code()), "supplies.quantity.invalid");
			if (q != null && q != 0) {
				lines.add(new LineInput(item.code(), q, null));
			}
		}
		SupplyRequestView r = requests.create(user,
				new NewSupplyRequest(params.get("jurisdictionCode"), lines, params.get("reason")));
		redirect.addFlashAttribute("flash", messages.getMessage("supplies.request.created", null, locale));
		return "redirect:/supplies/requests/" + r.id();
	}

	@GetMapping("/supplies/requests/{id}")
	String request(CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		SupplyRequestView r = requests.get(user, id);
		model.addAttribute("r", r);
		model.addAttribute("items", reserves.itemsByCode());
		Set<String> codes = new HashSet<>(List.of(r.jurisdictionCode(), r.streetCode()));
		model.addAttribute("names", places.names(codes));
		String next = r.status().next();
		boolean acts = requests.canAct(user, r, next);
		model.addAttribute("next", acts ? next : null);
		model.addAttribute("warehouseName", r.warehouseId() == null ? null : reserves.warehouseName(r.warehouseId()));
		if (acts && "allocate".equals(next)) {
			model.addAttribute("allocatable", reserves.allocatable(user));
		}
		if (acts && "ship".equals(next) && r.warehouseId() != null) {
			Map<String, String> suggestions = new LinkedHashMap<>();
			for (RequestLine l : r.lines()) {
				long q = l.approved() == null ? 0 : l.approved();
				if (q > 0) {
					suggestions.put(l.itemCode(), reserves.suggest(r.warehouseId(), l.itemCode(), q).stream()
							.map(p -> describe(p, locale)).collect(Collectors.joining("；")));
				}
			}
			model.addAttribute("suggestions", suggestions);
		}
		return "supplies/request";
	}

	private String describe(Pick p, Locale locale) {
		return p.lot() + (p.expiresOn() == null ? "" : " (" + p.expiresOn() + ")") + " × " + p.quantity();
	}

	@PostMapping("/supplies/requests/{id}/{action}")
	String act(CurrentUser user, @PathVariable long id, @PathVariable String action,
			@RequestParam Map<String, String> params, Locale locale, RedirectAttributes redirect) {
		SupplyRequestView r = requests.get(user, id);
		List<LineInput> lines = new ArrayList<>();
		for (RequestLine l : r.lines()) {
			Long q = number(params.get("q_" + l.itemCode()), "supplies.step.quantity.invalid");
			if (q != null) {
				lines.add(new LineInput(l.itemCode(), q, null));
			}
		}
		Long version = number(params.get("version"), "supplies.stale");
		try {
			requests.act(user, id, action, new StepInput(version == null ? null : version.intValue(),
					number(params.get("warehouseId"), "supplies.warehouse.required"), lines, params.get("note")));
			redirect.addFlashAttribute("flash", messages.getMessage("supplies.step.done", null, locale));
		}
		catch (org.gridlink.platform.ConflictException ex) {
			redirect.addFlashAttribute("flashError", message(ex, locale));
		}
		return "redirect:/supplies/requests/" + id;
	}

	// ------------------------------------------------------------------ gaps

	@GetMapping("/supplies/gaps")
	String gaps(CurrentUser user, @RequestParam(required = false) @Nullable String place,
			@RequestParam(defaultValue = "30") int days, Model model) {
		require(requests.canReadGaps(user));
		List<GapLine> lines = requests.gaps(user, place, days);
		Map<String, List<GapLine>> byPlace = new LinkedHashMap<>();
		for (GapLine g : lines) {
			byPlace.computeIfAbsent(g.jurisdictionCode(), k -> new ArrayList<>()).add(g);
		}
		model.addAttribute("byPlace", byPlace);
		model.addAttribute("names", places.names(byPlace.keySet()));
		model.addAttribute("items", reserves.itemsByCode());
		model.addAttribute("days", days);
		model.addAttribute("place", place);
		return "supplies/gaps";
	}
}
