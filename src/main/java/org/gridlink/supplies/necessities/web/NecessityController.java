package org.gridlink.supplies.necessities.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.QrSvg;
import org.gridlink.platform.PublicUrls;
import org.gridlink.residents.HouseholdFacts;
import org.gridlink.residents.HouseholdView;
import org.gridlink.supplies.necessities.NecessityAccess;
import org.gridlink.supplies.necessities.NecessityOrders;
import org.gridlink.supplies.necessities.PickListDocuments;
import org.gridlink.supplies.necessities.PickLists;
import org.gridlink.supplies.necessities.Produce;
import org.gridlink.supplies.necessities.Suppliers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
 * Staff pages of necessities: the board (pick lists of a day per compound and supplier with the hand-over button,
 * households left without a delivery, downloads), a grid's households (order for those without a phone, issue the
 * ordering link, mark sealed), the suppliers, and produce matching.
 */
@Controller
class NecessityController {

	private final NecessityOrders orders;
	private final PickLists pickLists;
	private final PickListDocuments documents;
	private final Suppliers suppliers;
	private final Produce produce;
	private final HouseholdFacts households;
	private final JurisdictionDirectory directory;
	private final PublicUrls urls;
	private final MessageSource messages;
	private final org.gridlink.jurisdiction.Jurisdictions jurisdictions;

	NecessityController(NecessityOrders orders, PickLists pickLists, PickListDocuments documents, Suppliers suppliers,
			Produce produce, HouseholdFacts households, JurisdictionDirectory directory, PublicUrls urls,
			MessageSource messages, org.gridlink.jurisdiction.Jurisdictions jurisdictions) {
		this.jurisdictions = jurisdictions;
		this.messages = messages;
		this.orders = orders;
		this.pickLists = pickLists;
		this.documents = documents;
		this.suppliers = suppliers;
		this.produce = produce;
		this.households = households;
		this.directory = directory;
		this.urls = urls;
	}

	private LocalDate day(@Nullable String date) {
		return NecessityApiController.day(date, pickLists.today());
	}

	@GetMapping("/necessities")
	String board(@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable String date, CurrentUser user, Model model) {
		LocalDate day = day(date);
		List<PickLists.PickList> lists = pickLists.lists(user, jurisdiction, day);
		List<PickLists.Flag> flags = NecessityAccess.canOrder(user) ? pickLists.flags(user, jurisdiction) : List.of();
		TreeSet<String> codes = new TreeSet<>();
		lists.forEach(l -> codes.add(l.gridCode()));
		flags.forEach(f -> codes.add(f.gridCode()));
		model.addAttribute("lists", lists);
		model.addAttribute("flags", flags);
		model.addAttribute("flagDays", pickLists.flagDays());
		model.addAttribute("names", directory.names(codes));
		model.addAttribute("date", day);
		model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction);
		model.addAttribute("canDeliver", NecessityAccess.canDeliver(user));
		model.addAttribute("canOrder", NecessityAccess.canOrder(user));
		model.addAttribute("grids", user.scope().codes().stream().filter(c -> c.length() == 15).sorted().toList());
		return "supplies/necessities/board";
	}

	@GetMapping("/necessities/pick-lists.xlsx")
	void workbook(@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable String date, CurrentUser user, Locale locale,
			HttpServletResponse response) throws IOException {
		LocalDate day = day(date);
		List<PickLists.PickList> lists = pickLists.lists(user, jurisdiction, day);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"pick-lists-" + day + ".xlsx\"");
		documents.workbook(lists, locale, response.getOutputStream());
	}

	@GetMapping("/necessities/pick-lists.pdf")
	void pdf(@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable String date, CurrentUser user, Locale locale,
			HttpServletResponse response) throws IOException {
		LocalDate day = day(date);
		List<PickLists.PickList> lists = pickLists.lists(user, jurisdiction, day);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"pick-lists-" + day + ".pdf\"");
		documents.pdf(lists, locale, response.getOutputStream());
	}

	@PostMapping("/necessities/orders/{id}/deliver")
	String deliver(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile photo,
			@RequestParam(required = false) @Nullable String back, CurrentUser user, RedirectAttributes flash)
			throws IOException {
		boolean withPhoto = photo != null && !photo.isEmpty();
		NecessityOrders.Delivered d = orders.deliver(user, id, withPhoto ? photo.getBytes() : null,
				withPhoto ? photo.getContentType() : null);
		flash.addFlashAttribute("flashKey", d.recorded() ? "necessities.delivery.recorded"
				: "necessities.delivery.already");
		return "redirect:/necessities?date=" + d.order().deliveryDate()
				+ (back != null && back.matches("\\d{12}|\\d{15}") ? "&jurisdiction=" + back : "");
	}

	@PostMapping("/necessities/orders/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) @Nullable String back, CurrentUser user,
			RedirectAttributes flash) {
		try {
			NecessityOrders.Cancelled c = orders.cancel(user, id);
			flash.addFlashAttribute("flashKey", c.cancelled() ? "necessities.order.cancel.done"
					: "necessities.order.cancelled");
			return "redirect:/necessities?date=" + c.order().deliveryDate()
					+ (back != null && back.matches("\\d{12}|\\d{15}") ? "&jurisdiction=" + back : "");
		}
		catch (org.gridlink.platform.ConflictException ex) {
			flash.addFlashAttribute("flashErrorKey", "necessities.order.delivered");
			return "redirect:/necessities";
		}
	}

	@GetMapping("/necessities/orders/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable long id, CurrentUser user) {
		return orders.photo(user, id).map(p -> ResponseEntity.ok().header("Content-Type", p.type())
				.header("Cache-Control", "no-store").body(p.bytes())).orElse(ResponseEntity.notFound().build());
	}

	@GetMapping("/necessities/households")
	String households(@RequestParam String grid, CurrentUser user, Model model) {
		if (!NecessityAccess.canOrder(user)) {
			throw new AccessDeniedException("this role does not serve households");
		}
		if (!grid.matches("\\d{15}")) {
			throw new InvalidInputException("necessities.jurisdiction.invalid");
		}
		if (!user.scope().covers(grid)) {
			throw new OutOfScopeException("jurisdiction", grid);
		}
		model.addAttribute("grid", grid);
		model.addAttribute("gridName", directory.names(List.of(grid)).getOrDefault(grid, grid));
		model.addAttribute("households", households.ofGrid(grid));
		return "supplies/necessities/households";
	}

	@PostMapping("/necessities/households/{id}/link")
	String link(@PathVariable long id, CurrentUser user, Model model) {
		NecessityOrders.IssuedLink link = orders.issueLink(user, id);
		String url = urls.absolute(link.path());
		model.addAttribute("url", url);
		model.addAttribute("qr", QrSvg.of(url));
		model.addAttribute("household", households.household(id).map(HouseholdView::label).orElse(""));
		return "supplies/necessities/link";
	}

	@PostMapping("/necessities/households/{id}/sealed")
	String seal(@PathVariable long id, @RequestParam boolean sealed, CurrentUser user, RedirectAttributes flash) {
		orders.seal(user, id, sealed);
		HouseholdView view = households.household(id).orElseThrow();
		flash.addFlashAttribute("flashKey", sealed ? "necessities.household.sealedNow" : "necessities.household.open");
		return "redirect:/necessities/households?grid=" + view.gridCode();
	}

	@GetMapping("/necessities/households/{id}/order")
	String orderForm(@PathVariable long id, CurrentUser user, Model model) {
		HouseholdView view = householdInScope(user, id);
		return staffForm(model, view, Map.of(), null);
	}

	@PostMapping("/necessities/households/{id}/order")
	String order(@PathVariable long id, @RequestParam Map<String, String> params, CurrentUser user, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes flash) {
		HouseholdView view = householdInScope(user, id);
		try {
			NecessityOrders.Placed placed = orders.place(user, OrderForm.of(id, null, params));
			flash.addFlashAttribute("flashKey", "necessities.order.placed");
			return "redirect:/necessities/households?grid=" + placed.order().gridCode();
		}
		catch (InvalidInputException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : 400);
			return staffForm(model, view, params, PublicOrderController.text(messages, ex, locale));
		}
	}

	private HouseholdView householdInScope(CurrentUser user, long id) {
		if (!NecessityAccess.canOrder(user)) {
			throw new AccessDeniedException("this role does not order necessities");
		}
		HouseholdView view = households.household(id)
				.orElseThrow(() -> new InvalidInputException("necessities.household.unknown", id));
		if (!user.scope().covers(view.gridCode())) {
			throw new OutOfScopeException("household", String.valueOf(id));
		}
		return view;
	}

	private String staffForm(Model model, HouseholdView view, Map<String, String> typed,
			@Nullable String problem) {
		model.addAttribute("household", new NecessityOrders.LinkedHousehold(view.id(), view.gridCode(), view.label(),
				NecessityOrders.Via.STAFF));
		PublicOrderController.fill(model, suppliers.forGrid(view.gridCode()), typed, problem, pickLists.today());
		model.addAttribute("recent", orders.ofHousehold(view.id(), 5));
		model.addAttribute("action", "/necessities/households/" + view.id() + "/order");
		model.addAttribute("done", false);
		model.addAttribute("staff", true);
		return "supplies/necessities/order";
	}

	@GetMapping("/necessities/suppliers")
	String suppliers(CurrentUser user, Model model) {
		List<Suppliers.Supplier> list = suppliers.visible(user);
		TreeSet<String> codes = new TreeSet<>();
		list.forEach(s -> codes.addAll(s.streets()));
		model.addAttribute("suppliers", list);
		model.addAttribute("names", directory.names(codes));
		model.addAttribute("manages", NecessityAccess.canManageSuppliers(user));
		return "supplies/necessities/suppliers";
	}

	// ------------------------------------------------------------------ suppliers: the center adds and edits

	@GetMapping("/necessities/suppliers/new")
	String newSupplier(CurrentUser user, Model model) {
		requireManages(user);
		Map<String, String> form = new java.util.HashMap<>();
		form.put("kind", "SUPERMARKET");
		return supplierForm(user, null, form, List.of(), org.gridlink.platform.FormErrors.in(messages,
				java.util.Locale.ROOT), model);
	}

	@GetMapping("/necessities/suppliers/{id}/edit")
	String editSupplier(@PathVariable long id, CurrentUser user, Model model) {
		requireManages(user);
		Suppliers.Supplier s = suppliers.get(id);
		Map<String, String> form = new java.util.HashMap<>();
		form.put("name", s.name());
		form.put("kind", s.kind().name());
		form.put("contact", s.contact());
		StringBuilder items = new StringBuilder();
		for (Suppliers.Item item : s.items()) {
			items.append(item.name()).append(" | ").append(item.unit()).append(" | ")
					.append(item.price().substring(1)).append(item.basket() ? " | " + item.contents() : "")
					.append('\n');
		}
		form.put("items", items.toString());
		return supplierForm(user, s, form, s.streets(), org.gridlink.platform.FormErrors.in(messages,
				java.util.Locale.ROOT), model);
	}

	@PostMapping({ "/necessities/suppliers", "/necessities/suppliers/{id}" })
	String saveSupplier(@PathVariable(required = false) @Nullable Long id,
			@RequestParam Map<String, String> form, @RequestParam(required = false) @Nullable List<String> streets,
			CurrentUser user, java.util.Locale locale, Model model, RedirectAttributes flash) {
		requireManages(user);
		Suppliers.Supplier old = id == null ? null : suppliers.get(id);
		org.gridlink.platform.FormErrors errors = org.gridlink.platform.FormErrors.in(messages, locale);
		List<String> chosen = streets == null ? List.of() : streets;
		List<Suppliers.NewItem> items = new java.util.ArrayList<>();
		int row = 0;
		for (String line : form.getOrDefault("items", "").split("\\R")) {
			row++;
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\\|", -1);
			Integer cents = parts.length < 3 ? null : itemCents(parts[2]);
			if (parts.length < 3 || parts.length > 4 || cents == null) {
				errors.addKey("items", "necessities.suppliers.form.itemLine", row);
				break;
			}
			String contents = parts.length == 4 ? parts[3].strip() : "";
			items.add(new Suppliers.NewItem(parts[0], parts[1], cents, !contents.isEmpty(), contents));
		}
		if (errors.isEmpty()) {
			Suppliers.NewSupplier input = new Suppliers.NewSupplier(form.get("name"), form.get("kind"),
					form.get("contact"), chosen, items);
			try {
				Suppliers.Supplier saved = old == null ? suppliers.create(user, input)
						: suppliers.update(user, old.id(), input);
				flash.addFlashAttribute("flashKey", "necessities.suppliers.saved");
				return "redirect:/necessities/suppliers#supplier-" + saved.id();
			}
			catch (InvalidInputException ex) {
				errors.add(supplierField(ex), ex);
			}
		}
		return supplierForm(user, old, form, chosen, errors, model);
	}

	private static @Nullable Integer itemCents(String yuan) {
		try {
			java.math.BigDecimal value = new java.math.BigDecimal(yuan.strip().replace("¥", ""));
			if (value.scale() > 2 || value.signum() < 0 || value.compareTo(java.math.BigDecimal.valueOf(100_000)) > 0) {
				return null;
			}
			return value.movePointRight(2).intValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	/** The form field a service problem belongs to. */
	private static String supplierField(InvalidInputException ex) {
		String key = ex.messageKey();
		if (key.startsWith("necessities.supplier.street")) {
			return "streets";
		}
		if (key.startsWith("necessities.item") || key.equals("necessities.supplier.items")) {
			return "items";
		}
		if (key.equals("necessities.supplier.duplicate")) {
			return "name";
		}
		Object[] args = ex.arguments();
		String field = args.length > 0 ? String.valueOf(args[0]) : "";
		return field.startsWith("items") ? "items" : switch (field) {
			case "kind", "contact" -> field;
			default -> "name";
		};
	}

	private void requireManages(CurrentUser user) {
		if (!NecessityAccess.canManageSuppliers(user)) {
			throw new AccessDeniedException("only the center manages suppliers");
		}
	}

	private String supplierForm(CurrentUser user, Suppliers.@Nullable Supplier supplier, Map<String, String> form,
			List<String> chosen, org.gridlink.platform.FormErrors errors, Model model) {
		List<org.gridlink.jurisdiction.JurisdictionNode> streets = new java.util.ArrayList<>();
		for (String district : directory.districtCodes()) {
			if (user.scope().covers(district)) {
				jurisdictions.children(user, district).forEach(r -> streets.add(r.node()));
			}
		}
		model.addAttribute("supplier", supplier);
		model.addAttribute("form", form);
		model.addAttribute("chosen", chosen);
		model.addAttribute("streets", streets);
		model.addAttribute("errors", errors);
		return "supplies/necessities/supplier-form";
	}

	@GetMapping("/produce")
	String produce(@RequestParam(required = false) @Nullable Long need, CurrentUser user, Model model) {
		List<Produce.Offer> offers = produce.offers(user);
		List<Produce.Need> needs = produce.needs(user);
		List<Produce.Deal> deals = produce.deals(user);
		model.addAttribute("offers", offers);
		model.addAttribute("needs", needs);
		model.addAttribute("deals", deals.size() > 50 ? deals.subList(0, 50) : deals);
		model.addAttribute("need", need == null ? null : produce.need(user, need));
		model.addAttribute("suggestions", need == null ? List.of() : produce.suggestions(user, need));
		TreeSet<String> codes = new TreeSet<>();
		offers.forEach(o -> codes.add(o.jurisdictionCode()));
		needs.forEach(n -> codes.add(n.jurisdictionCode()));
		model.addAttribute("names", directory.names(codes));
		List<String> places = new ArrayList<>(new TreeSet<>(user.scope().codes()));
		model.addAttribute("places", places);
		model.addAttribute("placeNames", directory.names(places));
		model.addAttribute("today", pickLists.today());
		return "supplies/necessities/produce";
	}

	@PostMapping("/produce/offers")
	String offer(@RequestParam Map<String, String> p, CurrentUser user, RedirectAttributes flash) {
		produce.offer(user, new Produce.NewOffer(p.get("seller"), p.get("sellerKind"), p.get("item"), p.get("unit"),
				decimal(p.get("quantity")), cents(p.get("price")), p.get("place"), dbl(p.get("lat")), dbl(p.get("lng")),
				p.get("jurisdictionCode"), p.get("availableUntil")));
		flash.addFlashAttribute("flashKey", "necessities.produce.saved");
		return "redirect:/produce";
	}

	@PostMapping("/produce/needs")
	String need(@RequestParam Map<String, String> p, CurrentUser user, RedirectAttributes flash) {
		Produce.Need need = produce.need(user, new Produce.NewNeed(p.get("buyer"), p.get("buyerKind"), p.get("item"),
				p.get("unit"), decimal(p.get("quantity")), p.get("place"), dbl(p.get("lat")), dbl(p.get("lng")),
				p.get("jurisdictionCode"), p.get("neededBy")));
		flash.addFlashAttribute("flashKey", "necessities.produce.saved");
		return "redirect:/produce?need=" + need.id();
	}

	@PostMapping("/produce/deals")
	String deal(@RequestParam long offerId, @RequestParam long needId, @RequestParam String quantity,
			CurrentUser user, RedirectAttributes flash) {
		produce.agree(user, offerId, needId, decimal(quantity));
		flash.addFlashAttribute("flashKey", "necessities.produce.agreed");
		return "redirect:/produce?need=" + needId;
	}

	@PostMapping("/produce/deals/{id}/moved")
	String moved(@PathVariable long id, @RequestParam String moved, CurrentUser user, RedirectAttributes flash) {
		produce.moved(user, id, decimal(moved));
		flash.addFlashAttribute("flashKey", "necessities.produce.saved");
		return "redirect:/produce";
	}

	static @Nullable BigDecimal decimal(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("necessities.produce.quantity.invalid");
		}
	}

	static @Nullable Integer cents(@Nullable String yuan) {
		BigDecimal d;
		try {
			d = yuan == null || yuan.isBlank() ? null : new BigDecimal(yuan.strip());
		}
		catch (NumberFormatException ex) {
			d = null;
		}
		if (d == null || d.scale() > 2 || d.signum() < 0 || d.compareTo(new BigDecimal("100000")) > 0) {
			throw new InvalidInputException("necessities.item.price");
		}
		return d.movePointRight(2).intValueExact();
	}

	static @Nullable Double dbl(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("necessities.produce.coordinates");
		}
	}
}
