package org.gridlink.platform.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.gridlink.platform.Accounts;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What a user must do after the right password before anything else, kept in the session: type a second-factor code
 * ({@link Step#SECOND_FACTOR}), enrol one when their roles require it and they have none ({@link Step#ENROL}), change
 * the temporary password an admin set ({@link Step#CHANGE_PASSWORD}), in that order. Set by the form login's success
 * handler in the login request itself; {@link LoginStepFilter} lets a session with a step left reach only that step's
 * pages. A session without steps left has passed a full login.
 */
@Component
public class LoginSteps implements AuthenticationSuccessHandler {

	/** Session attribute: the steps still to do, an {@code ArrayList<Step>}. */
	static final String PENDING = LoginSteps.class.getName() + ".PENDING";

	/** A step after the password, with the page that does it. */
	public enum Step {
		SECOND_FACTOR("/login/code"), ENROL("/account/second-factor"), CHANGE_PASSWORD("/account/password");

		private final String page;

		Step(String page) {
			this.page = page;
		}

		public String page() {
			return page;
		}
	}

	private final SecondFactors secondFactors;
	private final Accounts accounts;

	LoginSteps(SecondFactors secondFactors, Accounts accounts) {
		this.secondFactors = secondFactors;
		this.accounts = accounts;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		ArrayList<Step> steps = new ArrayList<>();
		if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
			SecondFactors.State state = secondFactors.state(principal.id());
			if (state == SecondFactors.State.ON) {
				steps.add(Step.SECOND_FACTOR);
			}
			else if (secondFactors.required(principal.toCurrentUser().roles())) {
				steps.add(Step.ENROL);
			}
			if (accounts.mustChangePassword(principal.getUsername())) {
				steps.add(Step.CHANGE_PASSWORD);
			}
		}
		HttpSession session = request.getSession();
		if (steps.isEmpty()) {
			session.removeAttribute(PENDING);
		}
		else {
			session.setAttribute(PENDING, steps);
		}
		response.sendRedirect(request.getContextPath() + (steps.isEmpty() ? "/" : steps.get(0).page()));
	}

	/** The step this session must do now, if any. */
	public static java.util.Optional<Step> next(HttpServletRequest request) {
		return pending(request).stream().findFirst();
	}

	/** Whether this session still has a step to do after the password. */
	public static boolean isPending(HttpServletRequest request, Step step) {
		return pending(request).contains(step);
	}

	/**
	 * Marks a step done and answers where to go next (the next step's page, or the home page). After the second
	 * factor the session id changes, as after the password.
	 */
	public static String done(HttpServletRequest request, Step step) {
		List<Step> steps = new ArrayList<>(pending(request));
		HttpSession session = request.getSession(false);
		if (session == null || !steps.remove(step)) {
			return next(request).map(Step::page).orElse("/");
		}
		if (steps.isEmpty()) {
			session.removeAttribute(PENDING);
		}
		else {
			session.setAttribute(PENDING, new ArrayList<>(steps));
		}
		if (step != Step.CHANGE_PASSWORD) {
			request.changeSessionId();
		}
		return steps.isEmpty() ? "/" : steps.get(0).page();
	}

	@SuppressWarnings("unchecked")
	private static List<Step> pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object steps = session == null ? null : session.getAttribute(PENDING);
		return steps instanceof List<?> list ? (List<Step>) list : List.of();
	}
}
