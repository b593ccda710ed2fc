package org.gridlink.supplies.web;

import java.util.List;

import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.supplies.GapLine;
import org.gridlink.supplies.Item;
import org.gridlink.supplies.LotBalance;
import org.gridlink.supplies.Movement;
import org.gridlink.supplies.MovementInput;
import org.gridlink.supplies.NewSupplyRequest;
import org.gridlink.supplies.Pick;
import org.gridlink.supplies.RequestStatus;
import org.gridlink.supplies.Reserves;
import org.gridlink.supplies.StepInput;
import org.gridlink.supplies.SupplyRequestView;
import org.gridlink.supplies.SupplyRequests;
import org.gridlink.supplies.Warehouse;
import org.gridlink.supplies.WarehouseAdmin;
import org.gridlink.supplies.WarehouseInput;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Emergency reserves and community supply requests for API clients (docs/supplies.md). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Supplies")
class SuppliesApiController {

	private final Reserves reserves;
	private final SupplyRequests requests;
	private final WarehouseAdmin warehouseAdmin;

	SuppliesApiController(Reserves reserves, SupplyRequests requests, WarehouseAdmin warehouseAdmin) {
		this.reserves = reserves;
		this.requests = requests;
		this.warehouseAdmin = warehouseAdmin;
	}

	@GetMapping("/supply-items")
	@Operation(summary = "The item catalogue with units of measure")
	List<Item> items() {
		return reserves.items();
	}

	@GetMapping("/warehouses")
	@Operation(summary = "The warehouses the caller reads (center, leaders, streets and communities by scope; "
			+ "department staff their unit's)")
	List<Warehouse> warehouses(@Parameter(hidden = true) CurrentUser user) {
		return reserves.warehouses(user);
	}

	@PostMapping("/warehouses")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a warehouse: name, level DISTRICT|STREET|COMMUNITY, jurisdictionCode (of that level), "
			+ "unitId (optional keeping unit; center only), address. The center creates district warehouses, a street "
			+ "its street's, a community its own; 403 outside that, 400 for bad input")
	Warehouse createWarehouse(@RequestBody WarehouseInput input, @Parameter(hidden = true) CurrentUser user) {
		return warehouseAdmin.create(user, input);
	}

	@PutMapping("/warehouses/{id}")
	@Operation(summary = "Edit a warehouse (the same people as create, for the warehouse as it is and as it becomes); "
			+ "active false closes it for allocation")
	Warehouse updateWarehouse(@PathVariable long id, @RequestBody WarehouseInput input,
			@Parameter(hidden = true) CurrentUser user) {
		return warehouseAdmin.update(user, id, input);
	}

	@GetMapping("/stock")
	@Operation(summary = "Balance per lot (lots with stock), per item first-expiry-first; 403 for a warehouse outside "
			+ "the caller's scope, 400 for an unknown item")
	List<LotBalance> stock(@RequestParam(required = false) @Nullable Long warehouse,
			@RequestParam(required = false) @Nullable String item, @Parameter(hidden = true) CurrentUser user) {
		return reserves.stock(user, warehouse, item);
	}

	@GetMapping("/stock/suggestion")
	@Operation(summary = "First-expiry-first-out suggestion: which lots to take a quantity of an item from")
	List<Pick> suggestion(@RequestParam long warehouse, @RequestParam String item, @RequestParam long quantity,
			@Parameter(hidden = true) CurrentUser user) {
		reserves.warehouse(user, warehouse);
		if (quantity <= 0 || quantity > 10_000_000) {
			throw new InvalidInputException("supplies.quantity.invalid", 10_000_000);
		}
		return reserves.suggest(warehouse, item, quantity);
	}

	@GetMapping("/stock/ledger")
	@Operation(summary = "A warehouse's ledger, newest first (at most 1000 rows)")
	List<Movement> ledger(@RequestParam long warehouse, @RequestParam(required = false) @Nullable String item,
			@RequestParam(defaultValue = "200") int limit, @Parameter(hidden = true) CurrentUser user) {
		return reserves.ledger(user, warehouse, item, limit);
	}

	@PostMapping("/stock/movements")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a movement (keepers of the warehouse): kind IN|OUT|TRANSFER|ADJUST, quantity (ADJUST "
			+ "signed), lot (IN and ADJUST; OUT and TRANSFER take first-expiry-first without one), expiresOn, "
			+ "toWarehouseId (TRANSFER), reason (ADJUST, TRANSFER). Answers the ledger rows; 409 when an OUT exceeds "
			+ "the balance")
	List<Movement> move(@RequestBody MovementInput input, @Parameter(hidden = true) CurrentUser user) {
		return reserves.move(user, input);
	}

	record MinimumRequest(@Nullable Long warehouseId, @Nullable String itemCode, @Nullable Long minimum) {
	}

	@PutMapping("/stock/minimums")
	@Operation(summary = "Set the minimum level of an item in a warehouse (null removes it); below it the keepers get "
			+ "one inbox note per crossing")
	void minimum(@RequestBody MinimumRequest input, @Parameter(hidden = true) CurrentUser user) {
		if (input.warehouseId() == null) {
			throw new InvalidInputException("supplies.warehouse.required");
		}
		reserves.setMinimum(user, input.warehouseId(), input.itemCode(), input.minimum());
	}

	@PostMapping("/supply-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A community's request (community staff): jurisdictionCode, lines [{itemCode, quantity}], "
			+ "reason")
	SupplyRequestView create(@RequestBody NewSupplyRequest input, @Parameter(hidden = true) CurrentUser user) {
		return requests.create(user, input);
	}

	@GetMapping("/supply-requests")
	@Operation(summary = "The requests the caller reads, newest first; status and place (subtree) filters")
	PagedModel<SupplyRequestView> list(@RequestParam(required = false) @Nullable RequestStatus status,
			@RequestParam(required = false) @Nullable String place, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @Parameter(hidden = true) CurrentUser user) {
		return new PagedModel<>(requests.list(user, status, place, ApiPaging.of(page, size)));
	}

	@GetMapping("/supply-requests/{id}")
	@Operation(summary = "A request with its lines: requested, approved, shipped, received")
	SupplyRequestView get(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return requests.get(user, id);
	}

	@PostMapping("/supply-requests/{id}/actions/{action}")
	@Operation(summary = "A step: approve (street; lines may only cut), allocate (center; warehouseId), ship "
			+ "(the warehouse's keepers; lines up to approved, optional lot), receive (community; lines up to "
			+ "shipped). Optional version (409 when stale); a line left out keeps the quantity of the step before")
	SupplyRequestView act(@PathVariable long id, @PathVariable String action, @RequestBody StepInput input,
			@Parameter(hidden = true) CurrentUser user) {
		return requests.act(user, id, action, input);
	}

	@GetMapping("/supply-gaps")
	@Operation(summary = "The gap board: per community and item requested, approved, shipped, received, short, open "
			+ "over the last days (default 30) under a place (default the caller's scope)")
	List<GapLine> gaps(@RequestParam(required = false) @Nullable String place,
			@RequestParam(defaultValue = "30") int days, @Parameter(hidden = true) CurrentUser user) {
		return requests.gaps(user, place, days);
	}
}
