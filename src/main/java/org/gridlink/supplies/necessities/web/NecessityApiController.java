package org.gridlink.supplies.necessities.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.platform.ApiStatus;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.supplies.necessities.NecessityOrders;
import org.gridlink.supplies.necessities.NecessityOrders.Delivered;
import org.gridlink.supplies.necessities.NecessityOrders.IssuedLink;
import org.gridlink.supplies.necessities.NecessityOrders.NewOrder;
import org.gridlink.supplies.necessities.NecessityOrders.OrderView;
import org.gridlink.supplies.necessities.PickListDocuments;
import org.gridlink.supplies.necessities.PickLists;
import org.gridlink.supplies.necessities.PickLists.Flag;
import org.gridlink.supplies.necessities.PickLists.PickList;
import org.gridlink.supplies.necessities.Produce;
import org.gridlink.supplies.necessities.Suppliers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Necessities for sealed and quarantined households (orders, pick lists, deliveries, the board of households left
 * without a delivery, suppliers) and produce matching, for API clients. Scope: the caller's jurisdictions.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Necessities and produce")
class NecessityApiController {

	private final NecessityOrders orders;
	private final PickLists pickLists;
	private final Suppliers suppliers;
	private final Produce produce;
	private final PickListDocuments documents;

	NecessityApiController(NecessityOrders orders, PickLists pickLists, Suppliers suppliers, Produce produce,
			PickListDocuments documents) {
		this.documents = documents;
		this.orders = orders;
		this.pickLists = pickLists;
		this.suppliers = suppliers;
		this.produce = produce;
	}

	static ResponseEntity<OrderView> placed(NecessityOrders.Placed placed) {
		return ApiStatus.createdOrOk(placed.created(), placed.order());
	}

	@PostMapping("/necessity-orders")
	@Operation(summary = "Place an order for a household (grid worker, community, street, center in scope): "
			+ "{householdId or token, items:[{itemId,quantity}], deliveryDate yyyy-MM-dd (today to 14 days ahead), "
			+ "clientId}. All items from one supplier serving the household's street; the price shown is kept. 201 "
			+ "created; 200 with the same order when the clientId was used before for this household; 409 when it was "
			+ "used for another; 400 names the field")
	ResponseEntity<OrderView> place(@RequestBody NewOrder order, @Parameter(hidden = true) CurrentUser user) {
		return placed(orders.place(user, order));
	}

	@PostMapping("/public/necessity-orders")
	@Operation(summary = "Place an order through a household link or a home quarantine check-in link, without an "
			+ "account: {token, items, deliveryDate, clientId}. An unknown or expired token is a 400")
	ResponseEntity<OrderView> placePublic(@RequestBody NewOrder order) {
		if (order.token() == null || order.token().isBlank()) {
			throw new InvalidInputException("necessities.link.invalid");
		}
		return placed(orders.place(null, order));
	}

	@GetMapping("/necessity-orders/{id}")
	@Operation(summary = "One order with its lines and delivery")
	OrderView order(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return orders.get(user, id);
	}

	@PostMapping("/necessity-orders/{id}/delivery")
	@Operation(summary = "Record the hand-over at the compound gate (grid worker, community, volunteer in scope), "
			+ "optionally with a photo (multipart field photo: JPEG, PNG or WebP, at most 5 MB). Recorded once: a "
			+ "retry answers the recorded delivery with recorded=false")
	Delivered deliver(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile photo,
			@Parameter(hidden = true) CurrentUser user) throws IOException {
		return orders.deliver(user, id, photo == null ? null : photo.getBytes(),
				photo == null ? null : photo.getContentType());
	}

	@PostMapping("/necessity-orders/{id}/cancel")
	@Operation(summary = "Cancel an order before its delivery (grid worker, community, street, center in scope). A "
			+ "retry answers the cancelled order with cancelled=false; a delivered order is a 409")
	NecessityOrders.Cancelled cancel(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return orders.cancel(user, id);
	}

	@GetMapping("/pick-lists")
	@Operation(summary = "The pick lists of a delivery day (default today) per compound and supplier below a "
			+ "jurisdiction (default the caller's scope): households under home quarantine first, then vulnerable "
			+ "households (care tags), then the rest; the totals to pack")
	List<PickList> pickLists(@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable String date, @Parameter(hidden = true) CurrentUser user) {
		return pickLists.lists(user, jurisdiction, day(date));
	}

	@GetMapping("/pick-lists.xlsx")
	@Operation(summary = "The same pick lists as an Excel workbook (one row per order, priority first)")
	void pickListsWorkbook(@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable String date, @Parameter(hidden = true) CurrentUser user,
			Locale locale, HttpServletResponse response) throws IOException {
		LocalDate day = day(date);
		List<PickList> lists = pickLists.lists(user, jurisdiction, day);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"pick-lists-" + day + ".xlsx\"");
		documents.workbook(lists, locale, response.getOutputStream());
	}

	@GetMapping("/pick-lists.pdf")
	@Operation(summary = "The same pick lists as a PDF, one page per compound and supplier")
	void pickListsPdf(@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable String date, @Parameter(hidden = true) CurrentUser user,
			Locale locale, HttpServletResponse response) throws IOException {
		LocalDate day = day(date);
		List<PickList> lists = pickLists.lists(user, jurisdiction, day);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"pick-lists-" + day + ".pdf\"");
		documents.pdf(lists, locale, response.getOutputStream());
	}

	@GetMapping("/necessity-flags")
	@Operation(summary = "Sealed households and households with a resident under home quarantine that have had no "
			+ "delivery for gridlink.necessities.flag-days days (default 3)")
	List<Flag> flags(@RequestParam(required = false) @Nullable String jurisdiction,
			@Parameter(hidden = true) CurrentUser user) {
		return pickLists.flags(user, jurisdiction);
	}

	@PostMapping("/necessity-households/{id}/link")
	@Operation(summary = "Issue (or replace) a household's ordering link /n/<token>; the token is shown only now")
	IssuedLink link(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return orders.issueLink(user, id);
	}

	record Sealed(@Nullable Boolean sealed) {
	}

	@PostMapping("/necessity-households/{id}/sealed")
	@Operation(summary = "Mark a household sealed (watched for deliveries from today) or not: {sealed}")
	ResponseEntity<Void> seal(@PathVariable long id, @RequestBody Sealed body,
			@Parameter(hidden = true) CurrentUser user) {
		if (body.sealed() == null) {
			throw new InvalidInputException("necessities.field.required", "sealed");
		}
		orders.seal(user, id, body.sealed());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/necessity-suppliers")
	@Operation(summary = "Partner suppliers delivering to the caller's streets, with their baskets and items")
	List<Suppliers.Supplier> suppliers(@Parameter(hidden = true) CurrentUser user) {
		return suppliers.visible(user);
	}

	@org.springframework.web.bind.annotation.PutMapping("/necessity-suppliers/{id}")
	@Operation(summary = "Edit a supplier (center), the same body as adding one: its streets are replaced; items are "
			+ "matched by name (updated or added), an item no longer listed is withdrawn; orders keep what they showed")
	Suppliers.Supplier updateSupplier(@PathVariable long id, @RequestBody Suppliers.NewSupplier supplier,
			@Parameter(hidden = true) CurrentUser user) {
		return suppliers.update(user, id, supplier);
	}

	@PostMapping("/necessity-suppliers")
	@Operation(summary = "Add a supplier (center): {name, kind SUPERMARKET|LOGISTICS, contact, streets:[12-digit "
			+ "codes], items:[{name, unit, priceCents, basket, contents}]}")
	ResponseEntity<Suppliers.Supplier> addSupplier(@RequestBody Suppliers.NewSupplier supplier,
			@Parameter(hidden = true) CurrentUser user) {
		return ResponseEntity.status(201).body(suppliers.create(user, supplier));
	}

	@GetMapping("/produce-offers")
	@Operation(summary = "Produce offers still available in the caller's scope (center, street)")
	List<Produce.Offer> offers(@Parameter(hidden = true) CurrentUser user) {
		return produce.offers(user);
	}

	@PostMapping("/produce-offers")
	@Operation(summary = "Post a farmer's or cooperative's offer: {seller, sellerKind FARMER|COOPERATIVE, item, unit, "
			+ "quantity, priceCents, place, lat, lng (optional, both or none), jurisdictionCode, availableUntil}")
	ResponseEntity<Produce.Offer> offer(@RequestBody Produce.NewOffer offer,
			@Parameter(hidden = true) CurrentUser user) {
		return ResponseEntity.status(201).body(produce.offer(user, offer));
	}

	@GetMapping("/produce-needs")
	@Operation(summary = "Buyers' needs in the caller's scope")
	List<Produce.Need> needs(@Parameter(hidden = true) CurrentUser user) {
		return produce.needs(user);
	}

	@PostMapping("/produce-needs")
	@Operation(summary = "Post a buyer's need: {buyer, buyerKind SUPERMARKET|CANTEEN|COMMUNITY, item, unit, quantity, "
			+ "place, lat, lng, jurisdictionCode, neededBy}")
	ResponseEntity<Produce.Need> need(@RequestBody Produce.NewNeed need, @Parameter(hidden = true) CurrentUser user) {
		return ResponseEntity.status(201).body(produce.need(user, need));
	}

	@GetMapping("/produce-needs/{id}/suggestions")
	@Operation(summary = "Offers of the need's item, nearest first (haversine when both have coordinates)")
	List<Produce.Suggestion> suggestions(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return produce.suggestions(user, id);
	}

	record NewDeal(@Nullable Long offerId, @Nullable Long needId, @Nullable BigDecimal quantity) {
	}

	@PostMapping("/produce-deals")
	@Operation(summary = "Record an agreed deal {offerId, needId, quantity}: 409 when the offer has less left")
	ResponseEntity<Produce.Deal> deal(@RequestBody NewDeal deal, @Parameter(hidden = true) CurrentUser user) {
		if (deal.offerId() == null || deal.needId() == null) {
			throw new InvalidInputException("necessities.field.required", "offerId, needId");
		}
		return ResponseEntity.status(201).body(produce.agree(user, deal.offerId(), deal.needId(), deal.quantity()));
	}

	@GetMapping("/produce-deals")
	@Operation(summary = "Deals of the caller's scope (by the need's place), newest first")
	List<Produce.Deal> deals(@Parameter(hidden = true) CurrentUser user) {
		return produce.deals(user);
	}

	record Moved(@Nullable BigDecimal moved) {
	}

	@PostMapping("/produce-deals/{id}/moved")
	@Operation(summary = "Record the quantity moved so far {moved} (0 to the agreed quantity)")
	Produce.Deal moved(@PathVariable long id, @RequestBody Moved body, @Parameter(hidden = true) CurrentUser user) {
		return produce.moved(user, id, body.moved());
	}

	static LocalDate day(@Nullable String date, LocalDate today) {
		if (date == null || date.isBlank()) {
			return today;
		}
		try {
			return LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("necessities.order.date");
		}
	}

	LocalDate day(@Nullable String date) {
		return day(date, pickLists.today());
	}
}
