package org.gridlink.jurisdiction;

import java.util.List;

import org.gridlink.support.BrowserExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.COMMUNITY1;
import static org.gridlink.support.Demo.GRID1;

/**
 * The district map in headless Chromium at 1280 px: base layer, grids, legend, street labels zoomed out and
 * community labels zoomed in, the measure switch; on a community's map, hovering a grid shows its name as text (a
 * name holding {@code <b>} shows the tag literally). No console errors. Screenshots in target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MapBrowserTest {

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	@Autowired
	JdbcClient jdbc;

	@Test
	void legendLabelsAndTheMeasureSwitch() {
		ChromeDriver driver = browser.open(1280, 900, "center");
		browser.get("/map?lang=en");
		WebElement map = driver.findElement(By.cssSelector("[data-gl-map]"));
		browser.waiting().until(d -> "true".equals(map.getDomAttribute("data-ready")) ? true : null);
		assertThat(driver.findElements(By.cssSelector("path.gl-grid"))).hasSize(1291);
		assertThat(driver.findElements(By.cssSelector(".leaflet-glBase-pane path"))).hasSize(5);
		WebElement legend = driver.findElement(By.cssSelector("[data-gl-map-legend]"));
		assertThat(legend.getText()).contains("Open cases").contains("8+");
		assertThat(legend.findElements(By.tagName("li"))).hasSize(5);
		assertThat(labels(driver, "street")).containsExactlyInAnyOrder("城东街道", "城西街道", "城南街道", "城北街道", "河口镇",
				"柳湾镇");
		assertThat(labels(driver, "community")).isEmpty();
		browser.screenshot("map-district-1280");

		new Select(driver.findElement(By.cssSelector("[data-gl-map-measure]"))).selectByValue("screening-progress");
		browser.waiting().until(d -> "screening-progress".equals(map.getDomAttribute("data-measure-shown")) ? true : null);
		assertThat(legend.getText()).contains("Screening progress").contains("100%").contains("No running task");

		WebElement zoomIn = driver.findElement(By.cssSelector(".leaflet-control-zoom-in"));
		browser.click(zoomIn);
		browser.waiting().until(d -> !labels(driver, "community").isEmpty() ? true : null);
		browser.click(zoomIn);
		browser.waiting().until(d -> labels(driver, "street").isEmpty() ? true : null);
		List<String> communities = labels(driver, "community");
		assertThat(communities).isNotEmpty().allMatch(name -> name.endsWith("社区") || name.endsWith("村"));
		browser.screenshot("map-zoomed-1280");
		browser.assertNoConsoleErrors();
		browser.assertNoScriptErrors();
		browser.assertNoSidewaysScrolling();
	}

	@Test
	void hoverShowsTheGridNameAsText() {
		String name = jdbc.sql("SELECT name FROM jurisdiction WHERE code = ?").param(GRID1).query(String.class).single();
		jdbc.sql("UPDATE jurisdiction SET name = ? WHERE code = ?").params("<b>粗体</b>网格", GRID1).update();
		try {
			ChromeDriver driver = browser.open(1280, 900, "community1");
			browser.get("/map?parent=" + COMMUNITY1);
			WebElement map = driver.findElement(By.cssSelector("[data-gl-map]"));
			browser.waiting().until(d -> "true".equals(map.getDomAttribute("data-ready")) ? true : null);
			assertThat(driver.findElements(By.cssSelector("path.gl-grid"))).hasSize(13);
			new Actions(driver).moveToElement(driver.findElement(By.cssSelector("path.gl-grid-" + GRID1))).perform();
			WebElement hover = driver.findElement(By.cssSelector("[data-gl-map-hover]"));
			browser.waiting().until(d -> hover.getText().contains(GRID1) ? true : null);
			assertThat(hover.getText()).contains("<b>粗体</b>网格");
			WebElement tooltip = browser.waiting()
					.until(d -> d.findElements(By.cssSelector(".leaflet-tooltip:not(.gl-map-label)")).stream().findFirst()
							.orElse(null));
			assertThat(tooltip.getText()).contains("<b>粗体</b>网格");
			assertThat(driver.findElements(By.cssSelector(".leaflet-tooltip b, [data-gl-map-hover] b"))).isEmpty();
			browser.screenshot("map-hover-1280");
			browser.assertNoConsoleErrors();
		}
		finally {
			jdbc.sql("UPDATE jurisdiction SET name = ? WHERE code = ?").params(name, GRID1).update();
		}
	}

	private static List<String> labels(ChromeDriver driver, String kind) {
		return driver.findElements(By.cssSelector(".gl-map-label-" + kind)).stream().map(label -> label.getDomProperty("textContent")).toList();
	}
}
