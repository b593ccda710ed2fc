package org.gridlink.platform.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.DemoLoading;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.gridlink.platform.HomeChart;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The landing page after login answers "what do I do now?": the large buttons that start the role's daily work, then
 * what waits for the user (tasks, modules in {@code @Order}), then the trends and the overview figures of their area.
 */
@Controller
class HomeController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d");

	/** A chart as the page draws it: worded title, the link, its figures as JSON for the script and as a table. */
	record ChartView(String id, String title, String href, String json, List<String> days,
			Map<String, List<Long>> table) {

		/** Nothing happened in the period: the page says so in words instead of drawing flat lines. */
		public boolean empty() {
			return table.values().stream().flatMap(List::stream).allMatch(v -> v == 0);
		}
	}

	private final List<HomeCards> contributors;
	private final DemoLoading demoLoading;
	private final MessageSource messages;
	private final JsonMapper json;

	private final TransactionTemplate readOnly;

	HomeController(List<HomeCards> contributors, DemoLoading demoLoading, MessageSource messages, JsonMapper json,
			PlatformTransactionManager transactionManager) {
		this.contributors = contributors;
		// the home page's figures (the command center's among them) are reads: one read-only transaction, which reads
		// the replica when one is configured (docs/operations.md, reads on the replica)
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.demoLoading = demoLoading;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/")
	String home(CurrentUser user, Model model) {
		List<HomeCard> cards = new ArrayList<>();
		List<HomeChart> charts = new ArrayList<>();
		readOnly.executeWithoutResult(status -> {
			contributors.forEach(c -> cards.addAll(c.cardsFor(user)));
			contributors.forEach(c -> charts.addAll(c.chartsFor(user)));
		});
		model.addAttribute("actions", of(cards, HomeCard.Kind.ACTION));
		model.addAttribute("tasks", of(cards, HomeCard.Kind.TASK));
		model.addAttribute("cards", of(cards, HomeCard.Kind.FIGURE));
		model.addAttribute("roles", user.roles());
		Locale locale = LocaleContextHolder.getLocale();
		List<ChartView> views = new ArrayList<>();
		for (HomeChart chart : charts) {
			views.add(view("home-chart-" + views.size(), chart, locale));
		}
		model.addAttribute("charts", views);
		return "platform/home";
	}

	private ChartView view(String id, HomeChart chart, Locale locale) {
		List<String> days = chart.days().stream().map(DAY::format).toList();
		Map<String, List<Long>> table = new LinkedHashMap<>();
		List<Map<String, Object>> series = new ArrayList<>();
		for (HomeChart.Series s : chart.series()) {
			String name = messages.getMessage(s.labelKey(), null, locale);
			table.put(name, s.values());
			series.add(Map.of("name", name, "tone", s.tone().name().toLowerCase(Locale.ROOT), "values", s.values()));
		}
		String data = json.writeValueAsString(Map.of("days", days, "series", series));
		return new ChartView(id, messages.getMessage(chart.titleKey(), null, locale), chart.href(), data, days, table);
	}

	private static List<HomeCard> of(List<HomeCard> cards, HomeCard.Kind kind) {
		return cards.stream().filter(c -> c.kind() == kind).toList();
	}

	@GetMapping("/login")
	String login(Optional<CurrentUser> user, Model model) {
		model.addAttribute("demoLoading", demoLoading.isLoading());
		return user.isPresent() ? "redirect:/" : "platform/login";
	}
}
