package org.gridlink.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The menu as HTML: the active entry marked, "more" open only for an entry under it, labels escaped, per language. */
class MenuHtmlTest {

	private final MenuHtml menu;

	MenuHtmlTest() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("nav.cases", Locale.SIMPLIFIED_CHINESE, "案件");
		messages.addMessage("nav.cases", Locale.ENGLISH, "Cases <&>");
		messages.addMessage("nav.map", Locale.SIMPLIFIED_CHINESE, "地图");
		messages.addMessage("layout.more", Locale.SIMPLIFIED_CHINESE, "更多");
		menu = new MenuHtml(messages, new Icons());
	}

	private final List<NavItem> items = List.of(new NavItem("nav.cases", "/cases", true),
			new NavItem("nav.map", "/map", false));

	@Test
	void theActiveEntryIsMarkedAndOnlyIt() {
		String html = menu.render(items, Locale.SIMPLIFIED_CHINESE, "/cases", "");
		assertThat(html).contains("<a class=\"nav-link active\" href=\"/cases\" aria-current=\"page\">"
				+ "<i class=\"bi me-2 bi-clipboard-check\" aria-hidden=\"true\"></i><span>案件</span></a>");
		assertThat(html).contains("<a class=\"nav-link\" href=\"/map\"><i");
		assertThat(html).containsOnlyOnce("aria-current");
		assertThat(html).contains("class=\"nav flex-column ps-2 collapse\" id=\"gl-more\"").contains("collapsed")
			.contains("<span>更多</span>");
		String other = menu.render(items, Locale.SIMPLIFIED_CHINESE, "/map", "");
		assertThat(other).contains("class=\"nav flex-column ps-2 collapse show\" id=\"gl-more\"")
			.contains("<a class=\"nav-link active\" href=\"/map\" aria-current=\"page\">")
			.contains("aria-expanded=\"true\"").doesNotContain("collapsed");
		assertThat(menu.render(items, Locale.SIMPLIFIED_CHINESE, "/cases", "")).isSameAs(html);
	}

	@Test
	void labelsAreEscapedLinksCarryTheContextPathAndNoMoreWithoutEntriesUnderIt() {
		String html = menu.render(List.of(items.get(0)), Locale.ENGLISH, "", "/app");
		assertThat(html).contains("href=\"/app/cases\"").contains("<span>Cases &lt;&amp;&gt;</span>")
			.doesNotContain("active").doesNotContain("gl-more");
	}
}
