package org.gridlink.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.CurrentUsers;
import org.gridlink.platform.DemoData;
import org.gridlink.platform.MenuEntries;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Adds what the layout needs to every rendered page: the user, their menu (its entries, and as HTML from
 * {@link MenuHtml}: the same for every page of a user but the active entry), the language, the current path and
 * whether the demo banner shows (demo mode on a real database). An
 * interceptor rather than {@code @ModelAttribute} methods of a controller advice, so that it runs only when a view is
 * rendered: model attributes of an advice are computed for every API call too (a REST controller is a controller),
 * and nobody reads them there.
 */
@Component
class LayoutModel implements HandlerInterceptor {

	private final List<MenuEntries> modules;
	private final boolean demoOnRealDatabase;
	private final @Nullable MenuHtml menu;

	LayoutModel(List<MenuEntries> modules, Environment environment, @Nullable MenuHtml menu) {
		this.modules = modules;
		this.demoOnRealDatabase = DemoData.DemoMode.onRealDatabase(environment);
		this.menu = menu;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
			return;
		}
		CurrentUser user = CurrentUsers.find().orElse(null);
		List<NavItem> nav = user == null ? List.of() : Navigation.forUser(user, modules);
		Locale locale = RequestContextUtils.getLocale(request);
		page.addObject("me", user);
		page.addObject("nav", nav);
		page.addObject("lang", locale.getLanguage().equals("en") ? "en" : "zh-CN");
		page.addObject("path", request.getRequestURI());
		String active = active(nav, request.getRequestURI());
		page.addObject("activeNav", active);
		if (menu != null && !nav.isEmpty()) {
			page.addObject("menuHtml", menu.render(nav, locale, active, request.getContextPath()));
		}
		page.addObject("demoBanner", demoOnRealDatabase);
	}

	/** The menu entry of the current page: the longest href the path starts with ("/" only for the home page). */
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
