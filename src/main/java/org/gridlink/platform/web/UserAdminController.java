package org.gridlink.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gridlink.platform.AccountEmails;
import org.gridlink.platform.AccountView;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.CodeLists;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.gridlink.platform.security.SecondFactors;

/**
 * User administration for the system admin: list, create, and per user roles, scope, disable/enable, and the optional
 * e-mail address (the notices' e-mail channel; shown masked, set or removed).
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	static final int PAGE_SIZE = 50;

	private final Accounts accounts;
	private final MessageSource messages;

	private final JurisdictionDirectory places;

	private final SecondFactors secondFactors;

	private final AccountEmails emails;

	UserAdminController(Accounts accounts, MessageSource messages, JurisdictionDirectory places,
			SecondFactors secondFactors, AccountEmails emails) {
		this.emails = emails;
		this.secondFactors = secondFactors;
		this.places = places;
		this.accounts = accounts;
		this.messages = messages;
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("q", q == null ? "" : q);
		var users = accounts.list(q, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("users", users);
		model.addAttribute("placeNames",
				places.names(users.stream().flatMap(u -> u.scope().stream()).collect(java.util.stream.Collectors.toSet())));
		model.addAttribute("pageUrl",
				UriComponentsBuilder.fromPath("/admin/users").queryParam("q", q == null ? "" : q).queryParam("page", "")
						.encode().build().toUriString());
		return "admin/users/list";
	}

	@GetMapping("/new")
	String newUser(Model model, Locale locale) {
		model.addAttribute("form", new UserForm());
		model.addAttribute("errors", FormErrors.in(messages, locale));
		return "admin/users/new";
	}

	@PostMapping
	String create(@ModelAttribute("form") UserForm form, Model model, Locale locale, RedirectAttributes redirect) {
		FormErrors errors = FormErrors.in(messages, locale);
		accounts.problemsOf(form.toNewAccount()).forEach(p -> errors.add(UserForm.field(p.column()), p.message()));
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			return "admin/users/new";
		}
		AccountView created = accounts.create(form.toNewAccount());
		redirect.addFlashAttribute("flash", message("admin.users.created", locale, created.username()));
		return "redirect:/admin/users/" + created.id();
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model, Locale locale) {
		AccountView user = accounts.get(id);
		return detailPage(user, user.roles().stream().map(Role::name).toList(), String.join("\n", user.scope()),
				FormErrors.in(messages, locale), model);
	}

	@PostMapping("/{id}/roles")
	String roles(@PathVariable long id, @RequestParam(required = false) @Nullable List<String> roles, Model model,
			Locale locale, RedirectAttributes redirect) {
		AccountView user = accounts.get(id);
		List<String> typed = roles == null ? List.of() : roles;
		try {
			accounts.setRoles(user.username(), UserForm.roles(typed));
		}
		catch (InvalidInputException ex) {
			return detailPage(user, typed, String.join("\n", user.scope()),
					FormErrors.in(messages, locale).add("roles", ex), model);
		}
		return saved(id, "admin.users.roles.saved", locale, redirect);
	}

	@PostMapping("/{id}/scope")
	String scope(@PathVariable long id, @RequestParam(defaultValue = "") String scope, Model model, Locale locale,
			RedirectAttributes redirect) {
		AccountView user = accounts.get(id);
		try {
			accounts.setScope(user.username(), CodeLists.parse(scope));
		}
		catch (InvalidInputException ex) {
			return detailPage(user, user.roles().stream().map(Role::name).toList(), scope,
					FormErrors.in(messages, locale).add("scope", ex), model);
		}
		return saved(id, "admin.users.scope.saved", locale, redirect);
	}

	@PostMapping("/{id}/enabled")
	String enabled(@PathVariable long id, @RequestParam boolean enabled, Model model, Locale locale,
			RedirectAttributes redirect) {
		AccountView user = accounts.get(id);
		try {
			accounts.setEnabled(user.username(), enabled);
		}
		catch (InvalidInputException ex) {
			return detailPage(user, user.roles().stream().map(Role::name).toList(), String.join("\n", user.scope()),
					FormErrors.in(messages, locale).add("status", ex), model);
		}
		return saved(id, enabled ? "admin.users.enabled" : "admin.users.disabled", locale, redirect);
	}

	/** Forces a password reset: the temporary password is shown once, on the page after the redirect. */
	@PostMapping("/{id}/password-reset")
	String resetPassword(@PathVariable long id, Model model, Locale locale, RedirectAttributes redirect) {
		AccountView user = accounts.get(id);
		try {
			redirect.addFlashAttribute("temporaryPassword", accounts.resetPassword(user.username()));
		}
		catch (InvalidInputException ex) {
			return detailPage(user, user.roles().stream().map(Role::name).toList(), String.join("\n", user.scope()),
					FormErrors.in(messages, locale).add("status", ex), model);
		}
		return saved(id, "admin.users.password.reset", locale, redirect);
	}

	/** Resets the user's second factor (a lost phone): they enrol again at the next login when it is required. */
	@PostMapping("/{id}/second-factor-reset")
	String resetSecondFactor(@PathVariable long id, Model model, Locale locale, RedirectAttributes redirect) {
		AccountView user = accounts.get(id);
		try {
			secondFactors.reset(user.username());
		}
		catch (InvalidInputException ex) {
			return detailPage(user, user.roles().stream().map(Role::name).toList(), String.join("\n", user.scope()),
					FormErrors.in(messages, locale).add("status", ex), model);
		}
		return saved(id, "admin.users.secondFactor.reset", locale, redirect);
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		accounts.unlock(accounts.get(id).username());
		return saved(id, "admin.users.unlocked", locale, redirect);
	}

	/** Sets the account's e-mail address; an empty field (or the remove button) removes it. */
	@PostMapping("/{id}/email")
	String email(@PathVariable long id, CurrentUser admin, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "false") boolean remove, Model model, Locale locale,
			RedirectAttributes redirect) {
		AccountView user = accounts.get(id);
		String value = remove ? "" : email.strip();
		try {
			emails.set(admin, id, value);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("emailText", email);
			return detailPage(user, user.roles().stream().map(Role::name).toList(), String.join("\n", user.scope()),
					FormErrors.in(messages, locale).add("email", ex), model);
		}
		return saved(id, value.isEmpty() ? "admin.users.email.removed" : "admin.users.email.saved", locale, redirect);
	}

	/** {@code wang.wei@example.gov.cn} → {@code w*******@example.gov.cn}: enough to recognise, not to write to. */
	static String maskedEmail(String email) {
		int at = email.indexOf('@');
		if (at < 1) {
			return "*".repeat(email.length());
		}
		return email.charAt(0) + "*".repeat(Math.max(at - 1, 3)) + email.substring(at);
	}

	private String detailPage(AccountView user, List<String> roles, String scope, FormErrors errors, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("emailMasked", emails.of(user.id()).map(UserAdminController::maskedEmail).orElse(null));
		if (!model.containsAttribute("emailText")) {
			model.addAttribute("emailText", "");
		}
		model.addAttribute("secondFactorOn", secondFactors.state(user.id()) != SecondFactors.State.OFF);
		model.addAttribute("placeNames", places.names(user.scope()));
		model.addAttribute("checkedRoles", Set.copyOf(roles));
		model.addAttribute("scopeText", scope);
		model.addAttribute("errors", errors);
		return "admin/users/detail";
	}

	private String saved(long id, String key, Locale locale, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", message(key, locale, accounts.get(id).username()));
		return "redirect:/admin/users/" + id;
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
