package org.gridlink.platform.web;

import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The left menu's entries as HTML, remembered per (entries, language, active entry, context path): the layout shows
 * the same ~40 entries on every page, and writing them with the template engine (a link, an icon, a label and the
 * active mark per entry: ~250 expressions) cost more than any page's own content but the case list. The entries are
 * the user's own ({@link Navigation#forUser}: by roles, scope and module), so two users share a menu only when their
 * entries are equal; the active entry is part of the key, so it is still marked ({@code active},
 * {@code aria-current="page"}) and a page under "more" opens it. Labels come from the message bundle (escaped as the
 * template would), links are the context path and the entry's path (menu entries are pages, never static files, so
 * the resource chain would leave them as they are). At most {@value #MAX_MENUS} menus are kept.
 */
@Component
class MenuHtml {

	static final int MAX_MENUS = 5_000;

	private final MessageSource messages;
	private final Icons icons;
	private final Cache<Key, String> menus = Caffeine.newBuilder().maximumSize(MAX_MENUS).build();

	MenuHtml(MessageSource messages, Icons icons) {
		this.messages = messages;
		this.icons = icons;
	}

	private record Key(List<NavItem> items, Locale locale, String active, String contextPath) {
	}

	/** The {@code <li>} elements of the menu's list: the daily entries, then "more" with the others (if any). */
	String render(List<NavItem> items, Locale locale, String active, String contextPath) {
		return menus.get(new Key(List.copyOf(items), locale, active, contextPath), this::build);
	}

	private String build(Key key) {
		StringBuilder html = new StringBuilder(8_192);
		boolean moreOpen = false;
		boolean anyMore = false;
		for (NavItem item : key.items()) {
			if (item.daily()) {
				entry(html, item, key, "        ");
			}
			else {
				anyMore = true;
				moreOpen |= item.href().equals(key.active());
			}
		}
		if (anyMore) {
			html.append("\n        <li class=\"nav-item\">\n          <button class=\"nav-link w-100 text-start")
				.append(moreOpen ? "" : " collapsed")
				.append("\" type=\"button\" data-bs-toggle=\"collapse\" data-bs-target=\"#gl-more\" id=\"gl-more-toggle\"")
				.append(" aria-controls=\"gl-more\" aria-expanded=\"").append(moreOpen)
				.append("\"><i class=\"bi bi-three-dots me-2\" aria-hidden=\"true\"></i><span>")
				.append(text("layout.more", key.locale()))
				.append("</span> <i class=\"bi bi-chevron-down small\" aria-hidden=\"true\"></i></button>")
				.append("\n          <ul class=\"nav flex-column ps-2 collapse").append(moreOpen ? " show" : "")
				.append("\" id=\"gl-more\">");
			for (NavItem item : key.items()) {
				if (!item.daily()) {
					entry(html, item, key, "            ");
				}
			}
			html.append("\n          </ul>\n        </li>");
		}
		return html.append("\n      ").toString();
	}

	private void entry(StringBuilder html, NavItem item, Key key, String indent) {
		boolean active = item.href().equals(key.active());
		html.append('\n').append(indent).append("<li class=\"nav-item\">\n").append(indent)
			.append("  <a class=\"nav-link").append(active ? " active" : "").append("\" href=\"")
			.append(HtmlUtils.htmlEscape(key.contextPath() + item.href(), "UTF-8")).append('"')
			.append(active ? " aria-current=\"page\"" : "").append("><i class=\"bi me-2 bi-")
			.append(HtmlUtils.htmlEscape(icons.of(item.href()), "UTF-8")).append("\" aria-hidden=\"true\"></i><span>")
			.append(text(item.labelKey(), key.locale())).append("</span></a>\n").append(indent).append("</li>");
	}

	private String text(String messageKey, Locale locale) {
		return HtmlUtils.htmlEscape(messages.getMessage(messageKey, null, messageKey, locale), "UTF-8");
	}
}
