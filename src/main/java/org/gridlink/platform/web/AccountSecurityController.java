package org.gridlink.platform.web;

import org.gridlink.platform.QrSvg;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.security.LoginSteps;
import org.gridlink.platform.security.LoginSteps.Step;
import org.gridlink.platform.security.SecondFactors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's own sign-in security: change the password (also the forced change after an admin's reset), the second
 * factor (enrol with a QR code, recovery codes shown once, switch off when not required), and the login's second
 * step (the code). Every call names the signed-in user; the rules are in {@link Accounts} and {@link SecondFactors}.
 */
@Controller
class AccountSecurityController {

	private final Accounts accounts;
	private final SecondFactors secondFactors;
	private final MessageSource messages;

	AccountSecurityController(Accounts accounts, SecondFactors secondFactors, MessageSource messages) {
		this.accounts = accounts;
		this.secondFactors = secondFactors;
		this.messages = messages;
	}

	@GetMapping("/account/password")
	String password(HttpServletRequest request, Model model, Locale locale) {
		return passwordPage(request, FormErrors.in(messages, locale), model);
	}

	@PostMapping("/account/password")
	String changePassword(CurrentUser user, HttpServletRequest request,
			@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String repeatPassword, Model model, Locale locale,
			RedirectAttributes redirect) {
		FormErrors errors = FormErrors.in(messages, locale);
		if (!newPassword.equals(repeatPassword)) {
			return passwordPage(request, errors.addKey("repeatPassword", "password.repeat.mismatch"), model);
		}
		try {
			accounts.changePassword(user, currentPassword, newPassword);
		}
		catch (InvalidInputException ex) {
			String field = ex.messageKey().equals("password.current.wrong") ? "currentPassword" : "newPassword";
			return passwordPage(request, errors.add(field, ex), model);
		}
		redirect.addFlashAttribute("flash", messages.getMessage("password.changed", null, locale));
		boolean forced = LoginSteps.isPending(request, Step.CHANGE_PASSWORD);
		return "redirect:" + (forced ? LoginSteps.done(request, Step.CHANGE_PASSWORD) : "/account/password");
	}

	private String passwordPage(HttpServletRequest request, FormErrors errors, Model model) {
		model.addAttribute("errors", errors);
		model.addAttribute("forced", LoginSteps.isPending(request, Step.CHANGE_PASSWORD));
		model.addAttribute("minLength", org.gridlink.platform.PasswordPolicy.MIN_LENGTH);
		return "account/password";
	}

	@GetMapping("/account/second-factor")
	String secondFactor(CurrentUser user, HttpServletRequest request, Model model, Locale locale) {
		return secondFactorPage(user, request, FormErrors.in(messages, locale), model);
	}

	@PostMapping("/account/second-factor/enrol")
	String enrol(CurrentUser user, HttpServletRequest request, Model model, Locale locale) {
		try {
			secondFactors.begin(user);
		}
		catch (InvalidInputException ex) {
			return secondFactorPage(user, request, FormErrors.in(messages, locale).add("code", ex), model);
		}
		return "redirect:/account/second-factor";
	}

	@PostMapping("/account/second-factor/confirm")
	String confirm(CurrentUser user, HttpServletRequest request, @RequestParam(defaultValue = "") String code,
			Model model, Locale locale) {
		List<String> recoveryCodes;
		try {
			recoveryCodes = secondFactors.confirm(user, code);
		}
		catch (InvalidInputException ex) {
			return secondFactorPage(user, request, FormErrors.in(messages, locale).add("code", ex), model);
		}
		String next = LoginSteps.isPending(request, Step.ENROL) ? LoginSteps.done(request, Step.ENROL)
				: "/account/second-factor";
		model.addAttribute("recoveryCodes", recoveryCodes);
		model.addAttribute("next", next);
		return "account/recovery-codes";
	}

	@PostMapping("/account/second-factor/disable")
	String disable(CurrentUser user, HttpServletRequest request, @RequestParam(defaultValue = "") String code,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			secondFactors.disable(user, code, request.getRemoteAddr());
		}
		catch (InvalidInputException ex) {
			return secondFactorPage(user, request, FormErrors.in(messages, locale).add("disable-code", ex), model);
		}
		redirect.addFlashAttribute("flash", messages.getMessage("secondFactor.disabled", null, locale));
		return "redirect:/account/second-factor";
	}

	private String secondFactorPage(CurrentUser user, HttpServletRequest request, FormErrors errors, Model model) {
		SecondFactors.State state = secondFactors.state(user.id());
		model.addAttribute("state", state.name());
		model.addAttribute("required", secondFactors.required(user.roles()));
		model.addAttribute("enrolling", LoginSteps.isPending(request, Step.ENROL));
		model.addAttribute("recoveryLeft", state == SecondFactors.State.ON ? secondFactors.recoveryCodesLeft(user.id()) : 0);
		secondFactors.pending(user).ifPresent(enrolment -> {
			model.addAttribute("secret", enrolment.secret().replaceAll("(.{4})(?!$)", "$1 "));
			model.addAttribute("qr", QrSvg.of(enrolment.uri()));
			model.addAttribute("uri", enrolment.uri());
		});
		model.addAttribute("errors", errors);
		return "account/second-factor";
	}

	@GetMapping("/login/code")
	String code(HttpServletRequest request, Model model, Locale locale) {
		if (!LoginSteps.isPending(request, Step.SECOND_FACTOR)) {
			return "redirect:/";
		}
		model.addAttribute("errors", FormErrors.in(messages, locale));
		return "account/login-code";
	}

	@PostMapping("/login/code")
	String checkCode(CurrentUser user, HttpServletRequest request, @RequestParam(defaultValue = "") String code,
			Model model, Locale locale) {
		if (!LoginSteps.isPending(request, Step.SECOND_FACTOR)) {
			return "redirect:/";
		}
		SecondFactors.Check check = secondFactors.check(user.id(), user.username(), code, request.getRemoteAddr());
		if (check == SecondFactors.Check.ACCEPTED) {
			return "redirect:" + LoginSteps.done(request, Step.SECOND_FACTOR);
		}
		model.addAttribute("errors", FormErrors.in(messages, locale).addKey("code",
				check == SecondFactors.Check.WRONG ? "secondFactor.code.wrong" : "secondFactor.code.throttled"));
		return "account/login-code";
	}
}
