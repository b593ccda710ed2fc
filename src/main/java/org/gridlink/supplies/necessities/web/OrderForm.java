package org.gridlink.supplies.necessities.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridlink.platform.InvalidInputException;
import org.gridlink.supplies.necessities.NecessityOrders;

/** The ordering form as posted: quantities as {@code q<itemId>}, the day, the client id written into the form. */
final class OrderForm {

	private OrderForm() {
	}

	static NecessityOrders.NewOrder of(Long householdId, String token, Map<String, String> params) {
		List<NecessityOrders.OrderItem> items = new ArrayList<>();
		for (var e : params.entrySet()) {
			if (e.getKey().matches("q\\d{1,18}") && !e.getValue().isBlank()) {
				int quantity;
				try {
					quantity = Integer.parseInt(e.getValue().strip());
				}
				catch (NumberFormatException ex) {
					throw new InvalidInputException("necessities.order.quantity");
				}
				if (quantity != 0) {
					items.add(new NecessityOrders.OrderItem(Long.parseLong(e.getKey().substring(1)), quantity));
				}
			}
		}
		return new NecessityOrders.NewOrder(householdId, token, items, params.get("deliveryDate"),
				params.get("clientId"));
	}
}
