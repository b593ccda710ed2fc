package org.gridlink.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One menu entry is active: the most specific one for the page. */
class ActiveMenuTest {

	final List<NavItem> items = List.of(new NavItem("nav.home", "/"), new NavItem("nav.cases", "/cases"),
			new NavItem("nav.kpis", "/cases/kpis"), new NavItem("nav.residents", "/residents"),
			new NavItem("nav.imports", "/residents/imports"));

	@Test
	void theLongestMatchingEntryWins() {
		assertThat(LayoutModelAdvice.active(items, "/cases/kpis")).isEqualTo("/cases/kpis");
		assertThat(LayoutModelAdvice.active(items, "/cases/kpis/cases")).isEqualTo("/cases/kpis");
		assertThat(LayoutModelAdvice.active(items, "/cases/42")).isEqualTo("/cases");
		assertThat(LayoutModelAdvice.active(items, "/cases")).isEqualTo("/cases");
		assertThat(LayoutModelAdvice.active(items, "/residents/imports/7")).isEqualTo("/residents/imports");
		assertThat(LayoutModelAdvice.active(items, "/")).isEqualTo("/");
		assertThat(LayoutModelAdvice.active(items, "/casesx")).as("a prefix of a word is no match").isEmpty();
		assertThat(LayoutModelAdvice.active(items, "/map")).isEmpty();
	}
}
