package org.gridlink.quarantine.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Supplier;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.CurrentUsers;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.quarantine.ContactQuery;
import org.gridlink.quarantine.ContactView;
import org.gridlink.quarantine.Contacts;
import org.gridlink.quarantine.ExposureType;
import org.gridlink.quarantine.IdKind;
import org.gridlink.quarantine.NewContact;
import org.gridlink.quarantine.NewOrder;
import org.gridlink.quarantine.OrderQuery;
import org.gridlink.quarantine.OrderStatus;
import org.gridlink.quarantine.OrderType;
import org.gridlink.quarantine.OrderView;
import org.gridlink.quarantine.QuarantineOrders;
import org.gridlink.quarantine.QuarantineSites;
import org.gridlink.quarantine.RiskLevel;
import org.gridlink.quarantine.SourceKind;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Contacts and quarantine pages: the contacts list and the record form (also "contact of this contact"), a person's
 * page with audited reveal and the order form, the orders list, an order's page with extend, transfer and release,
 * and the sites with their occupancy boards. Errors of a form come back as a message on the page it was sent from.
 */
@Controller
class QuarantineController {

	private static final int PAGE_SIZE = 50;

	private final Contacts contacts;
	private final QuarantineOrders orders;
	private final QuarantineSites sites;
	private final MessageSource messages;

	QuarantineController(Contacts contacts, QuarantineOrders orders, QuarantineSites sites, MessageSource messages) {
		this.contacts = contacts;
		this.orders = orders;
		this.sites = sites;
		this.messages = messages;
	}

	@GetMapping("/quarantine")
	String home() {
		return "redirect:/quarantine/contacts";
	}

	/** The search posts, so that an ID number typed into it never lands in a URL. */
	@PostMapping("/quarantine/contacts/search")
	String search(@RequestParam(required = false) @Nullable String q, Model model) {
		return contacts(q, 0, model);
	}

	@GetMapping("/quarantine/contacts")
	String contacts(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser user = CurrentUsers.current();
		model.addAttribute("contacts", contacts.list(user, new ContactQuery(q, null, null, null, null),
				PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("canWrite", orders.canWrite(user));
		model.addAttribute("tab", "contacts");
		return "quarantine/contacts";
	}

	@GetMapping("/quarantine/contacts/new")
	String contactForm(@RequestParam(required = false) @Nullable Long sourceContactId,
			@RequestParam(required = false) @Nullable Long caseId, Model model) {
		CurrentUser user = CurrentUsers.current();
		if (sourceContactId != null) {
			model.addAttribute("parent", contacts.get(user, sourceContactId));
		}
		model.addAttribute("form", new NewContact(sourceContactId != null ? SourceKind.CONTACT
				: caseId != null ? SourceKind.CASE : SourceKind.EVENT, caseId, null, sourceContactId, "", IdKind.ID, "",
				"", "", "", LocalDate.now(QuarantineOrders.ZONE), ExposureType.SAME_SPACE, RiskLevel.HIGH, "", ""));
		return contactPage(user, model);
	}

	private String contactPage(CurrentUser user, Model model) {
		model.addAttribute("events", contacts.events(user));
		model.addAttribute("scopeCodes", user.scope().codes().stream().sorted().toList());
		model.addAttribute("sourceKinds", SourceKind.values());
		model.addAttribute("exposureTypes", ExposureType.values());
		model.addAttribute("riskLevels", RiskLevel.values());
		model.addAttribute("idKinds", IdKind.values());
		model.addAttribute("tab", "contacts");
		return "quarantine/contact-form";
	}

	@PostMapping("/quarantine/contacts")
	String record(@RequestParam(required = false) @Nullable SourceKind sourceKind,
			@RequestParam(required = false) @Nullable Long caseId, @RequestParam(required = false) @Nullable Long eventId,
			@RequestParam(required = false) @Nullable Long sourceContactId, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) @Nullable IdKind idKind, @RequestParam(defaultValue = "") String idNumber,
			@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String gridCode,
			@RequestParam(defaultValue = "") String address,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate exposureDate,
			@RequestParam(required = false) @Nullable ExposureType exposureType,
			@RequestParam(required = false) @Nullable RiskLevel riskLevel,
			@RequestParam(defaultValue = "") String jurisdictionCode, @RequestParam(defaultValue = "") String note,
			Model model, Locale locale, RedirectAttributes redirect) {
		CurrentUser user = CurrentUsers.current();
		NewContact form = new NewContact(sourceKind, sourceKind == SourceKind.CASE ? caseId : null,
				sourceKind == SourceKind.EVENT ? eventId : null, sourceKind == SourceKind.CONTACT ? sourceContactId : null,
				name, idKind, idNumber, phone, gridCode, address, exposureDate, exposureType, riskLevel,
				jurisdictionCode.isBlank() ? null : jurisdictionCode, note);
		try {
			ContactView saved = contacts.record(user, form);
			redirect.addFlashAttribute("flash", messages.getMessage(saved.merged() ? "quarantine.contact.merged"
					: "quarantine.contact.saved", null, locale));
			return "redirect:/quarantine/persons/" + saved.personId();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
			// the typed ID number is not sent back into the page
			model.addAttribute("form", new NewContact(sourceKind, caseId, eventId, sourceContactId, name, idKind, "",
					phone, gridCode, address, exposureDate, exposureType, riskLevel, jurisdictionCode, note));
			if (sourceContactId != null && sourceKind == SourceKind.CONTACT) {
				model.addAttribute("parent", contacts.get(user, sourceContactId));
			}
			return contactPage(user, model);
		}
	}

	@PostMapping("/quarantine/events")
	String recordEvent(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String place,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate occurredOn,
			@RequestParam(defaultValue = "") String jurisdictionCode, Locale locale, RedirectAttributes redirect) {
		act(redirect, locale, "quarantine.event.saved",
				() -> contacts.recordEvent(CurrentUsers.current(), name, place, occurredOn, jurisdictionCode));
		return "redirect:/quarantine/contacts/new";
	}

	@GetMapping("/quarantine/persons/{id}")
	String person(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUsers.current();
		model.addAttribute("person", contacts.person(user, id));
		model.addAttribute("contacts", contacts.contactsOf(user, id));
		model.addAttribute("orders", orders.ofPerson(user, id));
		model.addAttribute("canWrite", orders.canWrite(user));
		model.addAttribute("sites", sites.list(user));
		model.addAttribute("tab", "contacts");
		return "quarantine/person";
	}

	/** Reveals one value as an htmx fragment in place of the masked one; the reveal and its reason are audited. */
	@PostMapping("/quarantine/persons/{id}/reveal")
	String reveal(@PathVariable long id, @RequestParam String field, @RequestParam(defaultValue = "") String reason,
			Model model, Locale locale) {
		model.addAttribute("field", field);
		try {
			model.addAttribute("value", contacts.reveal(CurrentUsers.current(), id, field, reason));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "quarantine/person :: revealed";
	}

	@PostMapping("/quarantine/persons/{id}/orders")
	String order(@PathVariable long id, @RequestParam(required = false) @Nullable OrderType type,
			@RequestParam(required = false) @Nullable Long siteId, @RequestParam(required = false) @Nullable Long bedId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startDate,
			Locale locale, RedirectAttributes redirect) {
		OrderView order = act(redirect, locale, "quarantine.order.saved", () -> orders.order(CurrentUsers.current(),
				new NewOrder(id, type, type == OrderType.HOME ? null : siteId, type == OrderType.HOME ? null : bedId,
						startDate)));
		return order == null ? "redirect:/quarantine/persons/" + id : "redirect:/quarantine/orders/" + order.id();
	}

	@GetMapping("/quarantine/orders")
	String orders(@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(required = false) @Nullable OrderType type, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser user = CurrentUsers.current();
		model.addAttribute("orders", orders.list(user, new OrderQuery(status, type, null, null),
				PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("status", status);
		model.addAttribute("type", type);
		model.addAttribute("today", LocalDate.now(QuarantineOrders.ZONE));
		model.addAttribute("tab", "orders");
		return "quarantine/orders";
	}

	@GetMapping("/quarantine/orders/{id}")
	String order(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUsers.current();
		OrderView order = orders.get(user, id);
		model.addAttribute("order", order);
		model.addAttribute("history", orders.history(user, id));
		model.addAttribute("canWrite", orders.canWrite(user) && order.status() == OrderStatus.ACTIVE);
		model.addAttribute("sites", sites.list(user));
		model.addAttribute("today", LocalDate.now(QuarantineOrders.ZONE));
		model.addAttribute("tab", "orders");
		return "quarantine/order";
	}

	@PostMapping("/quarantine/orders/{id}/extend")
	String extend(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate plannedEnd,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) @Nullable Integer version,
			Locale locale, RedirectAttributes redirect) {
		act(redirect, locale, "quarantine.order.extended",
				() -> orders.extend(CurrentUsers.current(), id, plannedEnd, reason, version));
		return "redirect:/quarantine/orders/" + id;
	}

	@PostMapping("/quarantine/orders/{id}/transfer")
	String transfer(@PathVariable long id, @RequestParam(required = false) @Nullable OrderType type,
			@RequestParam(required = false) @Nullable Long siteId, @RequestParam(required = false) @Nullable Long bedId,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) @Nullable Integer version,
			Locale locale, RedirectAttributes redirect) {
		act(redirect, locale, "quarantine.order.transferred", () -> orders.transfer(CurrentUsers.current(), id, type,
				type == OrderType.HOME ? null : siteId, type == OrderType.HOME ? null : bedId, reason, version));
		return "redirect:/quarantine/orders/" + id;
	}

	@PostMapping("/quarantine/orders/{id}/release")
	String release(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) @Nullable Integer version, Locale locale, RedirectAttributes redirect) {
		act(redirect, locale, "quarantine.order.released",
				() -> orders.release(CurrentUsers.current(), id, reason, version));
		return "redirect:/quarantine/orders/" + id;
	}

	/** The free beds of a site as the options of a bed select (htmx). */
	@GetMapping("/quarantine/sites/beds")
	String freeBeds(@RequestParam(required = false) @Nullable Long siteId, Model model) {
		model.addAttribute("beds", siteId == null ? java.util.List.of() : sites.freeBeds(CurrentUsers.current(), siteId));
		return "quarantine/fragments :: bedOptions";
	}

	/** Runs a step; its success or error message goes to the next page. */
	private <T> @Nullable T act(RedirectAttributes redirect, Locale locale, String success, Supplier<T> step) {
		try {
			T result = step.get();
			redirect.addFlashAttribute("flash", messages.getMessage(success, null, locale));
			return result;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return null;
	}
}
