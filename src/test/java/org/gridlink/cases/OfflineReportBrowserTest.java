package org.gridlink.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gridlink.support.BrowserExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * The installed app without a signal, in headless Chromium at 390 px. The browser reaches the application through a
 * small relay that the test cuts and restores, so that the service worker loses the network too (Chromium's emulated
 * offline mode leaves a service worker's own requests alone) and the radio still says "online", as on a phone with
 * no data. The report page, opened once online, opens again with the network cut (from the service worker's copy; a
 * field page never opened says it is offline); a
 * report made offline with a photo is kept on the phone ("1 条待发送" in the header and on the page) and sent exactly
 * once when the signal returns: one case with that description, with its photo, and the count back to 0. Skipped
 * where Chromium is not installed.
 * <p>
 * The report page opens right after signing in, while the worker the home page registered may still be starting;
 * the browser's claim at activation leaves out a page still loading, so the page must ask the worker to take it
 * (static/js/offline.js): before the network is cut the page is ready and controlled. When it is not, the test fails
 * with the page's reason ({@code data-gl-offline-error}), the worker's states and the browser console.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OfflineReportBrowserTest {

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int appPort;

	@Test
	void aReportMadeOfflineWaitsOnThePhoneAndIsSentOnce() throws Exception {
		try (Relay signal = new Relay(appPort)) {
			offlineReport(signal);
		}
	}

	private void offlineReport(Relay signal) throws Exception {
		String description = "离线上报测试：路灯不亮 " + System.nanoTime();
		Path photo = Files.createTempFile("gridlink-offline-", ".png");
		Files.write(photo, TestImages.image("png"));

		ChromeDriver driver = browser.open(390, 844);
		String base = "http://localhost:" + signal.port();
		driver.get(base + "/login");
		browser.waiting().until(visibilityOfElementLocated(By.id("login-submit")));
		driver.findElement(By.id("username")).sendKeys("grid1");
		driver.findElement(By.id("password")).sendKeys(org.gridlink.support.Demo.PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		browser.waiting().until(d -> !d.getCurrentUrl().contains("/login"));
		driver.get(base + "/cases/report");
		browser.waiting().until(visibilityOfElementLocated(By.id("report-form")));
		offlineReady();
		assertThat(browser.js("return navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL"))
				.as("the worker controls the report page").asString().endsWith("/sw.js");

		signal.cut();
		// a field page never opened: the worker cannot reach the server either and says so
		driver.get(base + "/screening/999999/work");
		browser.waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("当前离线"));

		driver.get(base + "/cases/report");
		browser.waiting().until(visibilityOfElementLocated(By.id("report-form")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("上报问题");
		new Select(driver.findElement(By.id("major"))).selectByValue("E01");
		new Select(driver.findElement(By.id("categoryCode"))).selectByValue("E0101");
		driver.findElement(By.id("description")).sendKeys(description);
		driver.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
		browser.click(driver.findElement(By.id("report-submit")));

		WebElement saved = browser.waiting().until(visibilityOfElementLocated(By.id("gl-outbox-saved")));
		assertThat(saved.getText()).contains("保存在本机");
		WebElement header = driver.findElement(By.id("gl-outbox"));
		browser.waiting().until(d -> header.isDisplayed() && header.getText().equals("1 条待发送"));
		assertThat(driver.findElement(By.id("gl-outbox-status")).getText()).isEqualTo("1 条待发送");
		assertThat(driver.findElement(By.id("gl-outbox-list")).getText()).contains("离线上报测试").contains("1 张照片");
		assertThat(driver.findElement(By.id("description")).getAttribute("value")).as("the form is ready for the next")
				.isEmpty();
		browser.assertNoSidewaysScrolling();
		browser.screenshot("offline-390-report-waiting.png");
		assertThat(cases(description)).isZero();

		signal.restore();
		browser.js("window.dispatchEvent(new Event('online'))");
		browser.waiting().until(d -> "0".equals(header.getAttribute("data-count")));
		assertThat(header.isDisplayed()).isFalse();
		assertThat(cases(description)).as("sent exactly once").isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_photo p JOIN case_file c ON c.id = p.case_id WHERE c.description = ?")
				.param(description).query(Long.class).single()).as("with its photo").isEqualTo(1);

		// signal again: nothing is sent twice
		browser.js("return window.GridLinkOutbox.flush()");
		driver.get(base + "/cases/report");
		browser.waiting().until(visibilityOfElementLocated(By.id("report-form")));
		assertThat(cases(description)).isEqualTo(1);
		browser.screenshot("offline-390-report-sent.png");
		assertThat(keptPages()).as("the user's pages are kept").isPositive();

		// logging out leaves no page of this user on the phone
		driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
		browser.waiting().until(d -> d.getCurrentUrl().contains("/login"));
		browser.waiting().until(d -> keptPages() == 0);
		Files.deleteIfExists(photo);
	}

	/**
	 * Waits until the page says its service worker controls it and kept its pages ({@code data-gl-offline-ready}), or
	 * fails at once with the page's reason ({@code data-gl-offline-error}); either way with the worker's states and
	 * the console. Bounded generously: on a machine at load 20 registering, starting and keeping took up to a minute.
	 */
	private void offlineReady() {
		String state = "var r = document.documentElement; return [r.getAttribute('data-gl-offline-ready'),"
				+ " r.getAttribute('data-gl-offline-error'), r.getAttribute('data-gl-offline-state'),"
				+ " navigator.serviceWorker.controller ? navigator.serviceWorker.controller.scriptURL : null]";
		try {
			browser.waiting(java.time.Duration.ofSeconds(90)).until(d -> {
				List<?> now = (List<?>) browser.js(state);
				return "true".equals(now.get(0)) || now.get(1) != null;
			});
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// reported below with the page's state
		}
		List<?> now = (List<?>) browser.js(state);
		assertThat(now.get(0)).as("offline ready; the page's reason: %s; worker states: %s; controller: %s;"
				+ " console: %s", now.get(1), now.get(2), now.get(3), browser.console()).isEqualTo("true");
	}

	/** How many caches of kept pages the browser holds. */
	private long keptPages() {
		return ((Number) browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
				+ "caches.keys().then(function (n) { done(n.filter(function (x) {"
				+ " return x.indexOf('gridlink-pages-') === 0; }).length); });")).longValue();
	}

	private long cases(String description) {
		return jdbc.sql("SELECT COUNT(*) FROM case_file WHERE description = ?").param(description).query(Long.class)
				.single();
	}

	/**
	 * A TCP relay to the application on a port of its own; {@link #cut()} drops every connection and refuses new ones.
	 * A connection accepted while the relay is cut (accepted just before its socket closed) is closed at once, so that
	 * no connection outlives a cut and carries a request of the "offline" browser to the application.
	 */
	static final class Relay implements AutoCloseable {

		private final int target;
		private final int port;
		private final List<Socket> open = new ArrayList<>();
		private ServerSocket server;
		private boolean up;

		Relay(int target) throws IOException {
			this.target = target;
			ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			this.port = first.getLocalPort();
			listen(first);
		}

		int port() {
			return port;
		}

		synchronized void cut() throws IOException {
			up = false;
			server.close();
			for (Socket s : open) {
				s.close();
			}
			open.clear();
		}

		void restore() throws IOException {
			ServerSocket again = new ServerSocket();
			again.setReuseAddress(true);
			again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
			listen(again);
		}

		@Override
		public void close() throws IOException {
			cut();
		}

		private synchronized void listen(ServerSocket socket) {
			server = socket;
			up = true;
			daemon(() -> {
				while (!socket.isClosed()) {
					try {
						Socket client = socket.accept();
						Socket app = new Socket(InetAddress.getLoopbackAddress(), target);
						if (track(client, app)) {
							pipe(client, app);
							pipe(app, client);
						}
					}
					catch (IOException ex) {
						// closed by cut()
					}
				}
			});
		}

		/** Keeps the pair to be dropped by the next cut; false (both closed) when the relay is cut already. */
		private synchronized boolean track(Socket client, Socket app) throws IOException {
			if (!up) {
				client.close();
				app.close();
				return false;
			}
			open.add(client);
			open.add(app);
			return true;
		}

		private synchronized void untrack(Socket from, Socket to) {
			open.remove(from);
			open.remove(to);
		}

		private static void daemon(Runnable work) {
			Thread thread = new Thread(work, "offline-test-relay");
			thread.setDaemon(true);
			thread.start();
		}

		private void pipe(Socket from, Socket to) {
			daemon(() -> {
				try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
					in.transferTo(out);
				}
				catch (IOException ex) {
					// the other side went away
				}
				finally {
					try {
						from.close();
						to.close();
					}
					catch (IOException ex) {
						// already closed
					}
					untrack(from, to);
				}
			});
		}
	}
}
