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
		assertThat(LayoutModel.active(items, "/cases/kpis")).isEqualTo("/cases/kpis");
		assertThat(LayoutModel.active(items, "/cases/kpis/cases")).isEqualTo("/cases/kpis");
		assertThat(LayoutModel.active(items, "/cases/42")).isEqualTo("/cases");
		assertThat(LayoutModel.active(items, "/cases")).isEqualTo("/cases");
		assertThat(LayoutModel.active(items, "/residents/imports/7")).isEqualTo("/residents/imports");
		assertThat(LayoutModel.active(items, "/")).isEqualTo("/");
		assertThat(LayoutModel.active(items, "/casesx")).as("a prefix of a word is no match").isEmpty();
		assertThat(LayoutModel.active(items, "/map")).isEmpty();
	}
}
