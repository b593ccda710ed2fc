package org.gridlink.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;
import org.gridlink.support.BrowserExtension;
import org.gridlink.support.Demo;
import org.gridlink.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * In headless Chromium: a user sets up the second factor (QR code and key on a phone-sized screen), keeps the
 * recovery codes, logs out, and logs in again with the password and then a code from the app.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecondFactorBrowserTest {

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	@Autowired
	Accounts accounts;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void enrolThenLogInWithTheCode() {
		String name = "totp-browser-" + System.nanoTime();
		accounts.createDemoAccounts(List.of(new NewAccount(name, "二次验证", Demo.PASSWORD, Set.of(Role.LEADER),
				Set.of(Demo.DISTRICT), null)), Demo.PASSWORD);
		ChromeDriver driver = browser.open(390, 844, name);
		browser.get("/account/second-factor");
		browser.click(browser.waiting().until(visibilityOfElementLocated(By.id("enrol"))));
		WebElement qr = browser.waiting().until(visibilityOfElementLocated(By.cssSelector("#qr svg")));
		assertThat(qr.getRect().getWidth()).as("the QR code fits the phone").isBetween(200, 390);
		Authenticator app = Authenticator.scan(driver.getPageSource(), clock);
		driver.findElement(By.id("code")).sendKeys(app.code());
		browser.click(driver.findElement(By.id("confirm")));
		List<WebElement> codes = browser.waiting()
			.until(d -> d.findElements(By.cssSelector("#recovery-codes li")).size() == 10
					? d.findElements(By.cssSelector("#recovery-codes li")) : null);
		assertThat(codes).allSatisfy(code -> assertThat(code.getText()).matches("[2-9a-z]{5}-[2-9a-z]{5}"));
		browser.assertNoSidewaysScrolling();
		browser.assertNoConsoleErrors();
		browser.screenshot("second-factor-recovery-390.png");
		browser.click(driver.findElement(By.id("continue")));

		driver.manage().deleteAllCookies();
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		browser.get("/login");
		browser.waiting().until(visibilityOfElementLocated(By.id("login-submit")));
		driver.findElement(By.id("username")).sendKeys(name);
		driver.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
		browser.click(driver.findElement(By.id("login-submit")));
		WebElement code = browser.waiting().until(visibilityOfElementLocated(By.id("code")));
		assertThat(driver.getCurrentUrl()).endsWith("/login/code");
		browser.screenshot("second-factor-code-390.png");
		code.sendKeys(app.code());
		browser.click(driver.findElement(By.id("code-submit")));
		browser.waiting().until(d -> d.getCurrentUrl().equals(browser.url("/")));
		assertThat(driver.findElement(By.id("gl-user")).getAttribute("textContent")).contains("二次验证");
		browser.assertNoConsoleErrors();
	}
}
