package org.gridlink.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.gridlink.support.BrowserExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Every role's home and daily pages (the menu's entries in front, docs/roles.md) in one headless Chromium, at 390 px
 * (a phone) and 1280 px (a desk): a screenshot of each ({@code target/screenshots/look-<user>-<page>-<width>.png}), and the page fails on
 * a console error, sideways scrolling, a raw enum name, a {@code ??key??} or an audit detail in the text the browser
 * shows ({@link PageText}), or on a serious or critical WCAG 2.1 AA violation found by axe-core (at 1280 px on every
 * page, at 390 px on the homes, where the menu folds away). All problems are collected and reported together.
 * <p>
 * A page shared by several roles (the case list…) is looked at once, for the first user below who has it in the
 * menu: the field roles come first, so a shared list is seen as on a field worker's phone. The auditor's audit trail
 * shows audit details on purpose; only its look and accessibility are checked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LookBrowserTest {

	/** One demo user per role (docs/using.md), field roles first. */
	static final List<String> USERS = List.of("grid1", "community1", "street1", "checkpoint1", "dept1", "center",
			"leader", "police1", "liaison1", "admin", "auditor");

	static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	static final int PHONE = 390;
	static final int DESK = 1280;

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	final List<String> problems = new ArrayList<>();

	/** Pages already looked at (by an earlier user); every user's home is looked at. */
	final Set<String> seen = new LinkedHashSet<>();

	@Test
	void everyRolesMainPagesLookRightAndPassAxe() {
		long start = System.nanoTime();
		browser.open(DESK, 900);
		int pages = 0;
		for (String user : USERS) {
			browser.driver().manage().deleteAllCookies();
			browser.logIn(user);
			for (String path : mainPages()) {
				if ("/".equals(path) || seen.add(path)) {
					for (int width : List.of(PHONE, DESK)) {
						check(user, path, width);
						pages++;
					}
				}
			}
		}
		axeFindsPoorContrast();
		System.out.printf("LookBrowserTest: %d page views in %d s%n", pages, (System.nanoTime() - start) / 1_000_000_000);
		assertThat(pages).as("page views").isGreaterThan(50);
		assertThat(problems).as("problems on the main pages").isEmpty();
	}

	/** Home first, then the daily entries of the signed-in user's menu. */
	private List<String> mainPages() {
		browser.driver().manage().window().setSize(new Dimension(DESK, 900));
		browser.get("/");
		Set<String> paths = new LinkedHashSet<>();
		paths.add("/");
		for (WebElement link : browser.driver().findElements(By.cssSelector("#gl-menu > ul > li > a.nav-link"))) {
			String href = link.getDomAttribute("href");
			if (href != null && href.startsWith("/")) {
				paths.add(href);
			}
		}
		return List.copyOf(paths);
	}

	private void check(String user, String path, int width) {
		browser.driver().manage().window().setSize(new Dimension(width, width == PHONE ? 844 : 900));
		browser.get(path);
		String where = user + " " + path + " at " + width + " px: ";
		String name = (user + path).replaceAll("[^A-Za-z0-9]+", "-") + "-" + width + ".png";
		browser.screenshot("look-" + name);
		browser.console().stream().filter(line -> line.startsWith("SEVERE"))
			.forEach(line -> problems.add(where + "console " + line));
		int inner = ((Number) browser.js("return window.innerWidth")).intValue();
		if (browser.scrollWidth() > inner) {
			problems.add(where + "scrolls sideways (" + browser.scrollWidth() + " > " + inner + ")");
		}
		if (!path.startsWith("/audit")) {
			String text = (String) browser.js("return document.body.innerText");
			problems.addAll(PageText.problems(where, text.replaceAll("\\s+", " ")));
		}
		if (width == DESK || "/".equals(path)) {
			problems.addAll(axe(where, path));
		}
	}

	/** The serious and critical WCAG 2.1 AA violations axe-core finds on the page in the browser now. */
	private static List<String> axe(String where, String path) {
		AxeBuilder builder = new AxeBuilder().withTags(WCAG_21_AA);
		Results results = builder.analyze(browser.driver());
		List<String> found = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
				found.add(where + "axe " + rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") on "
						+ rule.getNodes().stream().limit(3).map(LookBrowserTest::target).toList()
						+ (rule.getNodes().size() > 3 ? " and " + (rule.getNodes().size() - 3) + " more" : ""));
			}
		}
		return found;
	}

	/** The check bites: light grey text on white, added to a page that passed, is reported. */
	private static void axeFindsPoorContrast() {
		browser.js("var p = document.createElement('p'); p.textContent = '浅灰色文字 light grey text';"
				+ " p.style.color = '#bbbbbb'; p.style.backgroundColor = '#ffffff'; document.querySelector('main').prepend(p);");
		assertThat(axe("planted: ", "/")).as("axe reports planted low-contrast text")
			.anyMatch(problem -> problem.contains("color-contrast"));
	}

	private static String target(CheckedNode node) {
		return String.valueOf(node.getTarget());
	}
}
