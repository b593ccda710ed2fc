package org.gridlink.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.CurrentUsers;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds what the layout needs to every page: the user, their menu, the language and the current path. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

	private final List<MenuEntries> modules;

	LayoutModelAdvice(List<MenuEntries> modules) {
		this.modules = modules;
	}

	@ModelAttribute("me")
	CurrentUser me() {
		return CurrentUsers.find().orElse(null);
	}

	@ModelAttribute("nav")
	List<NavItem> nav() {
		return CurrentUsers.find().map(user -> Navigation.forUser(user, modules)).orElse(List.of());
	}

	@ModelAttribute("lang")
	String lang(Locale locale) {
		return locale.getLanguage().equals("en") ? "en" : "zh-CN";
	}

	@ModelAttribute("path")
	String path(HttpServletRequest request) {
		return request.getRequestURI();
	}

	/** The menu entry of the current page: the longest href the path starts with ("/" only for the home page). */
	@ModelAttribute("activeNav")
	String activeNav(HttpServletRequest request) {
		return active(nav(), request.getRequestURI());
	}

	static String active(List<NavItem> items, String path) {
		String best = "";
		for (NavItem item : items) {
			String href = item.href();
			boolean matches = "/".equals(href) ? "/".equals(path)
					: path.equals(href) || path.startsWith(href.endsWith("/") ? href : href + "/");
			if (matches && href.length() > best.length()) {
				best = href;
			}
		}
		return best;
	}
}
