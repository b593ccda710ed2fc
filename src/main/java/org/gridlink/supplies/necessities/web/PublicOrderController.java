package org.gridlink.supplies.necessities.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.gridlink.supplies.necessities.NecessityOrders;
import org.gridlink.supplies.necessities.NecessityOrders.LinkedHousehold;
import org.gridlink.supplies.necessities.Suppliers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The household's ordering page on the phone, open without login through the household link ({@code /n/<token>})
 * or the home quarantine check-in link's token: the suppliers of the street with baskets and items and their prices,
 * a delivery day, the household's recent orders. It shows the address only, no names. An unknown link is a 400.
 */
@Controller
class PublicOrderController {

	private final NecessityOrders orders;
	private final Suppliers suppliers;
	private final NecessityLimit limit;
	private final MessageSource messages;

	PublicOrderController(NecessityOrders orders, Suppliers suppliers, NecessityLimit limit, MessageSource messages) {
		this.orders = orders;
		this.suppliers = suppliers;
		this.limit = limit;
		this.messages = messages;
	}

	@GetMapping("/n/{token}")
	String page(@PathVariable String token, @RequestParam(required = false) @Nullable String done, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		Optional<LinkedHousehold> household = orders.linked(token);
		if (household.isEmpty()) {
			return gone(model, request, response);
		}
		model.addAttribute("done", done != null);
		return form(model, token, household.get(), Map.of(), null);
	}

	@PostMapping("/n/{token}")
	String order(@PathVariable String token, @RequestParam Map<String, String> params, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		if (!limit.tryAcquire(request.getRemoteAddr(), request.getSession(true).getId())) {
			response.setStatus(429);
			model.addAttribute("tooMany", true);
			return "supplies/necessities/gone";
		}
		Optional<LinkedHousehold> household = orders.linked(token);
		if (household.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("tooMany", false);
			return "supplies/necessities/gone";
		}
		try {
			orders.place(null, OrderForm.of(null, token, params));
			return "redirect:/n/" + token + "?done=1";
		}
		catch (InvalidInputException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("done", false);
			return form(model, token, household.get(), params, text(messages, ex, locale));
		}
	}

	private String form(Model model, String token, LinkedHousehold household, Map<String, String> typed,
			@Nullable String problem) {
		model.addAttribute("token", token);
		model.addAttribute("household", household);
		fill(model, suppliers.forGrid(household.gridCode()), typed, problem, orders.today());
		model.addAttribute("recent", orders.ofHousehold(household.householdId(), 5));
		model.addAttribute("action", "/n/" + token);
		return "supplies/necessities/order";
	}

	static String text(MessageSource messages, UserFacingException ex, Locale locale) {
		return messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
	}

	static void fill(Model model, List<Suppliers.Supplier> suppliers, Map<String, String> typed,
			@Nullable String problem, LocalDate today) {
		model.addAttribute("suppliers", suppliers);
		model.addAttribute("typed", typed);
		model.addAttribute("problem", problem);
		model.addAttribute("days", List.of(today, today.plusDays(1), today.plusDays(2), today.plusDays(3)));
		model.addAttribute("clientId", typed.getOrDefault("clientId", UUID.randomUUID().toString()));
		model.addAttribute("deliveryDate", typed.getOrDefault("deliveryDate", today.plusDays(1).toString()));
	}

	private String gone(Model model, HttpServletRequest request, HttpServletResponse response) {
		boolean tooMany = !limit.tryAcquire(request.getRemoteAddr(), request.getSession(true).getId());
		response.setStatus(tooMany ? 429 : HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("tooMany", tooMany);
		return "supplies/necessities/gone";
	}

	/** The link is a credential: no cache keeps the page, no referrer carries it. */
	static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
	}
}
