package org.gridlink.quarantine.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.ApiStatus;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.ListPage;
import org.gridlink.quarantine.ContactQuery;
import org.gridlink.quarantine.ContactView;
import org.gridlink.quarantine.Contacts;
import org.gridlink.quarantine.ExposureEvent;
import org.gridlink.quarantine.ExposureType;
import org.gridlink.quarantine.NewContact;
import org.gridlink.quarantine.NewOrder;
import org.gridlink.quarantine.OrderEvent;
import org.gridlink.quarantine.OrderQuery;
import org.gridlink.quarantine.OrderType;
import org.gridlink.quarantine.OrderView;
import org.gridlink.quarantine.PersonView;
import org.gridlink.quarantine.QuarantineOrders;
import org.gridlink.quarantine.QuarantineRules;
import org.gridlink.quarantine.QuarantineSites;
import org.gridlink.quarantine.RiskLevel;
import org.gridlink.quarantine.SiteBoard;
import org.gridlink.quarantine.SiteView;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contacts and quarantine: close contacts and exposure events, persons (masked; audited reveal), quarantine orders
 * with extend, transfer and release, centralized sites with rooms, beds and the occupancy board, and the rules.
 * Reads are scoped (grid workers: their grids); writes by center, street and community staff.
 */
@RestController
@RequestMapping("/api/v1/quarantine")
@Tag(name = "Quarantine")
class QuarantineApiController {

	private final Contacts contacts;
	private final QuarantineOrders orders;
	private final QuarantineSites sites;
	private final QuarantineRules rules;

	QuarantineApiController(Contacts contacts, QuarantineOrders orders, QuarantineSites sites, QuarantineRules rules) {
		this.contacts = contacts;
		this.orders = orders;
		this.sites = sites;
		this.rules = rules;
	}

	record EventRequest(@Nullable String name, @Nullable String place, @Nullable LocalDate occurredOn,
			@Nullable String jurisdictionCode) {
	}

	record RevealRequest(@Nullable String field, @Nullable String reason) {
	}

	record Revealed(String field, String value) {
	}

	record PersonDetail(PersonView person, List<ContactView> contacts, List<OrderView> orders) {
	}

	record OrderDetail(OrderView order, List<OrderEvent> history) {
	}

	record ExtendRequest(@Nullable LocalDate plannedEnd, @Nullable String reason, @Nullable Integer version) {
	}

	record ReleaseRequest(@Nullable String reason, @Nullable Integer version) {
	}

	record TransferRequest(@Nullable OrderType type, @Nullable Long siteId, @Nullable Long bedId,
			@Nullable String reason, @Nullable Integer version) {
	}

	record SiteRequest(@Nullable String name, @Nullable String address, @Nullable String jurisdictionCode) {
	}

	record RoomRequest(@Nullable String number, @Nullable Integer floor, @Nullable Integer beds) {
	}

	record ServiceRequest(boolean inService) {
	}

	record RuleRequest(@Nullable RiskLevel riskLevel, @Nullable ExposureType exposureType, int days) {
	}

	@PostMapping("/contacts")
	@Operation(summary = "Record a close contact of a case, an exposure event or another contact (generation 2). The "
			+ "person is matched by ID number or passport (keyed hash): one person however many report them; a second "
			+ "report of the same person and source is merged (201 new, 200 merged)")
	ResponseEntity<ContactView> record(CurrentUser user, @RequestBody NewContact contact) {
		ContactView view = contacts.record(user, contact);
		return ApiStatus.createdOrOk(!view.merged(), view);
	}

	@GetMapping("/contacts")
	@Operation(summary = "Close contacts the caller may see, newest first; q = name or an exact ID number/passport",
			description = "page/size as usual, or after=<next of the previous page> for the page after it at any depth "
					+ "(keyset; page must then be 0). A bad cursor is a 400.")
	ListPage.Json<ContactView> contacts(CurrentUser user, @ParameterObject @Valid ContactQuery query,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@RequestParam(required = false) @Nullable String after) {
		if (after != null && page != 0) {
			throw new InvalidInputException("error.cursor");
		}
		return contacts.list(user, query, ApiPaging.of(page, size), after).json();
	}

	@GetMapping("/contacts/{id}")
	@Operation(summary = "One close contact the caller may see")
	ContactView contact(CurrentUser user, @PathVariable long id) {
		return contacts.get(user, id);
	}

	@PostMapping("/events")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record an exposure event (a source that is not a case) in a jurisdiction of the caller's scope")
	ExposureEvent recordEvent(CurrentUser user, @RequestBody EventRequest event) {
		return contacts.recordEvent(user, event.name(), event.place(), event.occurredOn(),
				event.jurisdictionCode());
	}

	@GetMapping("/events")
	@Operation(summary = "Exposure events of the district, newest first (no personal data)")
	List<ExposureEvent> events(CurrentUser user) {
		return contacts.events(user);
	}

	@GetMapping("/persons")
	@Operation(summary = "Persons under contact tracing the caller may see; quarantine = ACTIVE, RELEASED or NONE")
	PagedModel<PersonView> persons(CurrentUser user, @RequestParam(required = false) @Nullable String quarantine,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(contacts.persons(user, quarantine, ApiPaging.of(page, size)));
	}

	@GetMapping("/persons/{id}")
	@Operation(summary = "One person (ID number and phone masked) with their contacts and orders")
	PersonDetail person(CurrentUser user, @PathVariable long id) {
		return new PersonDetail(contacts.person(user, id), contacts.contactsOf(user, id), orders.ofPerson(user, id));
	}

	@PostMapping("/persons/{id}/reveal")
	@Operation(summary = "The full ID number or phone of a person, with a reason (audited)")
	Revealed reveal(CurrentUser user, @PathVariable long id, @RequestBody RevealRequest request) {
		String field = request.field() == null ? "" : request.field();
		return new Revealed(field, contacts.reveal(user, id, field, request.reason()));
	}

	@PostMapping("/orders")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Order quarantine: HOME, or CENTRALIZED in a bed (bedId) or the first free bed of a site "
			+ "(siteId); planned end from the rules (days since the last exposure). 409 when the bed is taken or the "
			+ "person is already in quarantine")
	OrderView order(CurrentUser user, @RequestBody NewOrder order) {
		return orders.order(user, order);
	}

	@GetMapping("/orders")
	@Operation(summary = "Quarantine orders the caller may see: active ones by planned end, then released ones")
	PagedModel<OrderView> orders(CurrentUser user, @ParameterObject @Valid OrderQuery query,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(orders.list(user, query, ApiPaging.of(page, size)));
	}

	@GetMapping("/orders/{id}")
	@Operation(summary = "One order with its history")
	OrderDetail order(CurrentUser user, @PathVariable long id) {
		return new OrderDetail(orders.get(user, id), orders.history(user, id));
	}

	@PostMapping("/orders/{id}/extend")
	@Operation(summary = "Extend an active order to a later planned end (at most 30 days more), with a reason")
	OrderView extend(CurrentUser user, @PathVariable long id, @RequestBody ExtendRequest request) {
		return orders.extend(user, id, request.plannedEnd(), request.reason(), request.version());
	}

	@PostMapping("/orders/{id}/transfer")
	@Operation(summary = "Transfer an active order to another bed or site, or between home and a site, with a reason")
	OrderView transfer(CurrentUser user, @PathVariable long id, @RequestBody TransferRequest request) {
		return orders.transfer(user, id, request.type(), request.siteId(), request.bedId(),
				request.reason(), request.version());
	}

	@PostMapping("/orders/{id}/release")
	@Operation(summary = "Release an active order (before the planned end: early, reason required); frees the bed and "
			+ "hands the person back to their grid")
	OrderView release(CurrentUser user, @PathVariable long id, @RequestBody(required = false) @Nullable ReleaseRequest request) {
		return orders.release(user, id, request == null ? null : request.reason(),
				request == null ? null : request.version());
	}

	@GetMapping("/sites")
	@Operation(summary = "Centralized quarantine sites with capacity (beds in service) and occupancy")
	List<SiteView> sites(CurrentUser user) {
		return sites.list(user);
	}

	@PostMapping("/sites")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a site in a jurisdiction of the caller's scope (center, street staff)")
	SiteView createSite(CurrentUser user, @RequestBody SiteRequest request) {
		return sites.create(user, request.name(), request.address(), request.jurisdictionCode());
	}

	@PostMapping("/sites/{id}/rooms")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a room with 1-10 beds to a site")
	SiteView addRoom(CurrentUser user, @PathVariable long id, @RequestBody RoomRequest request) {
		return sites.addRoom(user, id, request.number(), request.floor(), request.beds());
	}

	@GetMapping("/sites/{id}/board")
	@Operation(summary = "A site's occupancy board: rooms × beds, capacity, admissions and discharges of the last 7 days")
	SiteBoard board(CurrentUser user, @PathVariable long id) {
		return sites.board(user, id);
	}

	@GetMapping("/sites/{id}/free-beds")
	@Operation(summary = "The free beds in service of a site")
	List<SiteBoard.Bed> freeBeds(CurrentUser user, @PathVariable long id) {
		return sites.freeBeds(user, id);
	}

	@PostMapping("/beds/{id}/service")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Take a free bed out of service or back (an occupied bed: 409)")
	void service(CurrentUser user, @PathVariable long id, @RequestBody ServiceRequest request) {
		sites.setInService(user, id, request.inService());
	}

	@GetMapping("/rules")
	@Operation(summary = "Quarantine days since the last exposure per risk level (and exposure type)")
	List<QuarantineRules.Rule> rules(CurrentUser user) {
		return rules.list(user);
	}

	@PutMapping("/rules")
	@Operation(summary = "Set the days of a rule (center); orders already made keep their planned end")
	QuarantineRules.Rule setRule(CurrentUser user, @RequestBody RuleRequest request) {
		return rules.set(user, request.riskLevel(), request.exposureType(), request.days());
	}
}
