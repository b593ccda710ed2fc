package org.gridlink.quarantine.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.validation.Valid;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
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
import org.gridlink.quarantine.web.OrderForms.EventForm;
import org.gridlink.quarantine.web.OrderForms.ExtendForm;
import org.gridlink.quarantine.web.OrderForms.OrderForm;
import org.gridlink.quarantine.web.OrderForms.ReleaseForm;
import org.gridlink.quarantine.web.OrderForms.TransferForm;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
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
	private final Clock clock;
	private final HistoryWords words;

	private final org.gridlink.quarantine.ReleasedPersonRetention retention;

	QuarantineController(Contacts contacts, QuarantineOrders orders, QuarantineSites sites, MessageSource messages,
			Clock clock, HistoryWords words, org.gridlink.quarantine.ReleasedPersonRetention retention) {
		this.retention = retention;
		this.words = words;
		this.clock = clock;
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
	String search(CurrentUser user, @RequestParam(required = false) @Nullable String q, Model model) {
		return contacts(user, q, 0, model);
	}

	@GetMapping("/quarantine/contacts")
	String contacts(CurrentUser user, @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("contacts", contacts.list(user, new ContactQuery(q, null, null, null, null),
				PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("canWrite", orders.canWrite(user));
		model.addAttribute("tab", "contacts");
		return "quarantine/contacts";
	}

	@GetMapping("/quarantine/contacts/new")
	String contactForm(CurrentUser user, @RequestParam(required = false) @Nullable Long sourceContactId,
			@RequestParam(required = false) @Nullable Long caseId, Model model) {
		if (sourceContactId != null) {
			model.addAttribute("parent", contacts.get(user, sourceContactId));
		}
		model.addAttribute("form", new NewContact(sourceContactId != null ? SourceKind.CONTACT
				: caseId != null ? SourceKind.CASE : SourceKind.EVENT, caseId, null, sourceContactId, "", IdKind.ID, "",
				"", "", "", LocalDate.now(clock), ExposureType.SAME_SPACE, RiskLevel.HIGH, "", ""));
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
	String record(CurrentUser user, @Valid ContactForm contact, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			ContactView saved = contacts.record(user, contact.toNewContact());
			redirect.addFlashAttribute("flash", messages.getMessage(saved.merged() ? "quarantine.contact.merged"
					: "quarantine.contact.saved", null, locale));
			return "redirect:/quarantine/persons/" + saved.personId();
		}
		catch (InvalidInputException ex) {
			String message = messages.getMessage(ex.messageKey(), ex.arguments(), locale);
			model.addAttribute("error", message);
			if (ex.messageKey().startsWith("quarantine.grid.")) {
				model.addAttribute("gridError", message);
			}
			if (ex.messageKey().startsWith("quarantine.jurisdiction.")) {
				model.addAttribute("jurisdictionError", message);
			}
			// the typed ID number is not sent back into the page
			model.addAttribute("form", contact.refill());
			if (contact.sourceContactId() != null && contact.sourceKind() == SourceKind.CONTACT) {
				model.addAttribute("parent", contacts.get(user, contact.sourceContactId()));
			}
			return contactPage(user, model);
		}
	}

	@PostMapping("/quarantine/events")
	String recordEvent(CurrentUser user, @Valid EventForm event, Locale locale, RedirectAttributes redirect) {
		try {
			contacts.recordEvent(user, text(event.name()), text(event.place()), event.occurredOn(),
					text(event.jurisdictionCode()));
			redirect.addFlashAttribute("flash", messages.getMessage("quarantine.event.saved", null, locale));
		}
		catch (InvalidInputException ex) {
			String message = messages.getMessage(ex.messageKey(), ex.arguments(), locale);
			redirect.addFlashAttribute("flashError", message);
			// the event form comes back open and as typed (strings: flash attributes live in the JDBC session)
			redirect.addFlashAttribute("typedEvent", new java.util.HashMap<>(java.util.Map.of("name", text(event.name()),
					"place", text(event.place()), "occurredOn", event.occurredOn() == null ? "" : event.occurredOn().toString(),
					"jurisdictionCode", text(event.jurisdictionCode()))));
			if (ex.messageKey().startsWith("quarantine.jurisdiction.")) {
				redirect.addFlashAttribute("eventJurisdictionError", message);
			}
		}
		return "redirect:/quarantine/contacts/new";
	}

	@GetMapping("/quarantine/persons/{id}")
	String person(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("person", contacts.person(user, id));
		model.addAttribute("removedAfterDays", retention.removedAfterDays(id).orElse(null));
		model.addAttribute("contacts", contacts.contactsOf(user, id));
		model.addAttribute("orders", orders.ofPerson(user, id));
		model.addAttribute("canWrite", orders.canWrite(user));
		model.addAttribute("sites", sites.list(user));
		model.addAttribute("tab", "contacts");
		return "quarantine/person";
	}

	/** Reveals one value as an htmx fragment in place of the masked one; the reveal and its reason are audited. */
	@PostMapping("/quarantine/persons/{id}/reveal")
	String reveal(CurrentUser user, @PathVariable long id, @RequestParam String field, @RequestParam(defaultValue = "") String reason,
			Model model, Locale locale) {
		model.addAttribute("field", field);
		try {
			model.addAttribute("value", contacts.reveal(user, id, field, reason));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "quarantine/person :: revealed";
	}

	@PostMapping("/quarantine/persons/{id}/orders")
	String order(CurrentUser user, @PathVariable long id, @Valid OrderForm form, Locale locale,
			RedirectAttributes redirect) {
		OrderView order = act(redirect, locale, "quarantine.order.saved", () -> orders.order(user,
				new NewOrder(id, form.type(), form.site(), form.bed(), form.startDate())));
		return order == null ? "redirect:/quarantine/persons/" + id : "redirect:/quarantine/orders/" + order.id();
	}

	@GetMapping("/quarantine/orders")
	String orders(CurrentUser user, @RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(required = false) @Nullable OrderType type, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("orders", orders.list(user, new OrderQuery(status, type, null, null),
				PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("status", status);
		model.addAttribute("type", type);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("tab", "orders");
		return "quarantine/orders";
	}

	@GetMapping("/quarantine/orders/{id}")
	String order(CurrentUser user, @PathVariable long id, Model model) {
		OrderView order = orders.get(user, id);
		model.addAttribute("order", order);
		model.addAttribute("history", words.order(orders.history(user, id)));
		model.addAttribute("canWrite", orders.canWrite(user) && order.status() == OrderStatus.ACTIVE);
		model.addAttribute("sites", sites.list(user));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("tab", "orders");
		return "quarantine/order";
	}

	@PostMapping("/quarantine/orders/{id}/extend")
	String extend(CurrentUser user, @PathVariable long id, @Valid ExtendForm form, Locale locale,
			RedirectAttributes redirect) {
		act(redirect, locale, "quarantine.order.extended",
				() -> orders.extend(user, id, form.plannedEnd(), text(form.reason()), form.version()));
		return "redirect:/quarantine/orders/" + id;
	}

	@PostMapping("/quarantine/orders/{id}/transfer")
	String transfer(CurrentUser user, @PathVariable long id, @Valid TransferForm form, Locale locale,
			RedirectAttributes redirect) {
		act(redirect, locale, "quarantine.order.transferred", () -> orders.transfer(user, id, form.type(),
				form.site(), form.bed(), text(form.reason()), form.version()));
		return "redirect:/quarantine/orders/" + id;
	}

	@PostMapping("/quarantine/orders/{id}/release")
	String release(CurrentUser user, @PathVariable long id, @Valid ReleaseForm form, Locale locale,
			RedirectAttributes redirect) {
		act(redirect, locale, "quarantine.order.released",
				() -> orders.release(user, id, text(form.reason()), form.version()));
		return "redirect:/quarantine/orders/" + id;
	}

	/** The free beds of a site as the options of a bed select (htmx). */
	@GetMapping("/quarantine/sites/beds")
	String freeBeds(CurrentUser user, @RequestParam(required = false) @Nullable Long siteId, Model model) {
		model.addAttribute("beds", siteId == null ? java.util.List.of() : sites.freeBeds(user, siteId));
		return "quarantine/fragments :: bedOptions";
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
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
