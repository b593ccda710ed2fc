package org.gridlink.passes;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridlink.passes.token.PassAlgorithm;
import org.gridlink.passes.token.PassToken;
import org.gridlink.passes.token.PassVerifier;
import org.gridlink.passes.token.RevocationList;
import org.gridlink.passes.token.SigningKey;
import org.gridlink.passes.token.TrustList;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.security.AccountPrincipal;
import org.gridlink.support.BrowserExtension;
import org.gridlink.support.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * The checkpoint page in headless Chromium at 360 px: it loads once online (lists fetched, page kept by the service
 * worker), the network is cut, the page is reloaded and every case of the issue is scanned into the field (flipped
 * byte, truncated code, unknown key id, disallowed algorithm, expired, not yet valid, revoked, rotated key, SM2,
 * stale list) and answered by the page's own JavaScript verifier as the server answers (SM2 and a stale list:
 * "status unknown", never green). Then the network comes back, the scan log is uploaded once, and uploading it all
 * again adds nothing. Skipped where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CheckpointBrowserTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(40);
	/** The community of checkpoint1's checkpoint (金桥路卡口), and a grid of the community next to it. */
	private static final String HERE = "320819001002";
	private static final String ELSEWHERE = Demo.GRID1;

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	@Autowired
	Passes passes;

	@Autowired
	KeyRing keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private ChromeDriver driver;

	CurrentUser user(String name) {
		return ((AccountPrincipal) users.loadUserByUsername(name)).toCurrentUser();
	}

	String issue(PassType type, String holder, String plate, PassAlgorithm algorithm) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
		return passes.issue(user("center"), new NewPass(type, holder, plate, "上班", List.of(HERE),
				now.minusMinutes(5), now.plusDays(3), algorithm)).code();
	}

	static String signed(SigningKey key, Instant from, Instant to) {
		return PassToken.sign(new PassClaims(1, UUID.randomUUID(), PassType.PERSON, "赵*", List.of(HERE), from, to,
				"320819"), key);
	}

	@Test
	void verifiesEveryCaseOfflineAsTheServerDoesAndUploadsTheScanLogOnce() {
		// the cases, made before the page loads its lists
		String beforeRotation = issue(PassType.PERSON, "钱小七", null, PassAlgorithm.ES256);
		passes.rotateKey(user("center"), PassAlgorithm.ES256);
		String valid = issue(PassType.PERSON, "孙大伟", null, PassAlgorithm.ES256);
		String vehicle = issue(PassType.VEHICLE, "", "苏AD12345", PassAlgorithm.ES256);
		String sm2 = issue(PassType.PERSON, "周一", null, PassAlgorithm.SM2_SM3);
		String revoked = issue(PassType.PERSON, "吴二", null, PassAlgorithm.ES256);
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
		String elsewhere = passes.issue(user("center"), new NewPass(PassType.PERSON, "郑三", null, "探亲",
				List.of(ELSEWHERE), start.minusMinutes(5), start.plusDays(3), PassAlgorithm.ES256)).code();
		String revokedId = jdbc.sql("SELECT id FROM pass WHERE code = ?").param(revoked).query(String.class).single();
		passes.revoke(user("center"), UUID.fromString(revokedId), "测试撤销");
		Instant now = Instant.now();
		SigningKey live = keys.signing(PassAlgorithm.ES256);
		KeyPair stranger = PassAlgorithm.ES256.generate();
		SigningKey unknown = new SigningKey(PassAlgorithm.keyId(stranger.getPublic().getEncoded()), PassAlgorithm.ES256,
				PassAlgorithm.ES256.privateKey(stranger.getPrivate().getEncoded()));

		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("valid", valid);
		cases.put("vehicle", vehicle);
		cases.put("rotated key: signed by the retired key", beforeRotation);
		cases.put("flipped byte", Tokens.flip(valid, 40));
		cases.put("flipped signature byte", Tokens.flip(valid, (valid.length() - 4) / 3 * 2 - 10));
		cases.put("truncated", valid.substring(0, 4 + (valid.length() - 4 - 30) / 3 * 3)); // whole Base45 groups
		cases.put("unknown key id", signed(unknown, now.minusSeconds(60), now.plusSeconds(3600)));
		cases.put("disallowed algorithm", Tokens.withAlgorithm(valid, -35));
		cases.put("expired", signed(live, now.minus(3, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
		cases.put("not yet valid", signed(live, now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS)));
		cases.put("revoked", revoked);
		cases.put("not a pass", "HELLO");
		Map<String, String> expected = Map.ofEntries(Map.entry("valid", "VALID OK"),
				Map.entry("vehicle", "VALID OK"), Map.entry("rotated key: signed by the retired key", "VALID OK"),
				Map.entry("flipped byte", "INVALID BAD_SIGNATURE"),
				Map.entry("flipped signature byte", "INVALID BAD_SIGNATURE"),
				Map.entry("truncated", "INVALID BAD_STRUCTURE"), Map.entry("unknown key id", "INVALID UNKNOWN_KEY"),
				Map.entry("disallowed algorithm", "INVALID DISALLOWED_ALGORITHM"),
				Map.entry("expired", "EXPIRED EXPIRED"), Map.entry("not yet valid", "EXPIRED NOT_YET_VALID"),
				Map.entry("revoked", "REVOKED REVOKED"), Map.entry("not a pass", "INVALID BAD_PREFIX"));

		// online: the page loads, fetches and checks the lists, the service worker keeps the page; the phone is set
		// to another time zone than the district's
		open(360, 780, "checkpoint1");
		driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/New_York"));
		browser.get("/checkpoint");
		browser.waiting(TIMEOUT).until(d -> "true".equals(d.findElement(By.id("checkpoint-app")).getDomAttribute("data-ready")));
		browser.waiting(TIMEOUT).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-offline-ready")));
		assertThat(driver.findElement(By.id("checkpoint-lists")).getDomAttribute("data-state")).isEqualTo("fresh");
		assertThat(driver.findElement(By.id("checkpoint-camera")).isDisplayed())
				.as("the camera button only where BarcodeDetector exists")
				.isEqualTo((Boolean) browser.js("return 'BarcodeDetector' in window"));
		String checkpointId = driver.findElement(By.id("checkpoint-select")).getDomProperty("value");
		assertThat(checkpointId).isNotBlank();

		// the network is cut, and the page reloads from what the service worker kept
		network(false);
		driver.navigate().refresh();
		browser.waiting(TIMEOUT).until(d -> "true".equals(d.findElement(By.id("checkpoint-app")).getDomAttribute("data-ready")));
		assertThat(driver.findElement(By.id("checkpoint-lists")).getDomAttribute("data-state")).isEqualTo("fresh");
		assertThat(browser.js("return navigator.onLine")).isEqualTo(false);

		List<String> failures = new ArrayList<>();
		int scanned = 0;
		for (Map.Entry<String, String> c : cases.entrySet()) {
			if (scanned == 6) {
				driver.findElement(By.cssSelector("label[for='direction-out']")).click();
			}
			String page = scan(c.getValue());
			scanned++;
			Verdict server = passes.verify(c.getValue(), Instant.now());
			String serverAnswer = server.result() + " " + server.reason();
			if (!page.equals(expected.get(c.getKey())) || !page.equals(serverAnswer)) {
				failures.add(c.getKey() + ": page " + page + ", server " + serverAnswer + ", expected "
						+ expected.get(c.getKey()));
			}
		}
		assertThat(failures).as("offline answers of the page").isEmpty();

		// SM2: the page cannot check it offline and says so, grey, never green; the server says VALID
		assertThat(scan(sm2)).isEqualTo("UNKNOWN NEEDS_SERVER");
		scanned++;
		assertThat(driver.findElement(By.id("checkpoint-verdict")).getDomAttribute("class")).contains("text-bg-secondary");
		assertThat(passes.verify(sm2, Instant.now()).result()).isEqualTo(VerifyResult.VALID);

		// the holder is shown masked, as in the code
		scan(valid);
		scanned++;
		assertThat(driver.findElement(By.id("checkpoint-holder")).getText()).isEqualTo("孙*伟");
		assertThat(driver.findElement(By.id("checkpoint-verdict")).getDomAttribute("class")).contains("text-bg-success");
		assertThat(driver.getPageSource()).doesNotContain("孙大伟");
		browser.assertNoSidewaysScrolling();
		browser.screenshot("checkpoint-360-offline-valid.png");
		// district time, whatever the phone's time zone
		assertThat(browser.js("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo("America/New_York");
		Instant validFrom = passes.verify(valid, Instant.now()).claims().validFrom();
		assertThat(driver.findElement(By.id("checkpoint-verdict")).getText())
				.contains(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
						.format(validFrom.atZone(java.time.ZoneId.of("Asia/Shanghai"))));

		// a good pass for another community: amber, not valid here, its zone by name, as the server answers
		assertThat(scan(elsewhere)).isEqualTo("NOT_VALID_HERE OUTSIDE_ZONES");
		scanned++;
		Verdict there = passes.verify(user("checkpoint1"), elsewhere, Long.parseLong(checkpointId));
		assertThat(there.result() + " " + there.reason()).isEqualTo("NOT_VALID_HERE OUTSIDE_ZONES");
		assertThat(driver.findElement(By.id("checkpoint-verdict")).getDomAttribute("class")).contains("text-bg-warning");
		assertThat(driver.findElement(By.id("checkpoint-zones")).getText())
				.contains(jdbc.sql("SELECT name FROM jurisdiction WHERE code = ?").param(ELSEWHERE).query(String.class).single());
		browser.screenshot("checkpoint-360-offline-not-valid-here.png");

		// the code typed from its text form, without spaces, in lower case
		assertThat(scan(org.gridlink.passes.token.PassCodeText.of(valid).replace(" ", "").toLowerCase()))
				.isEqualTo("VALID OK");
		scanned++;

		// a list older than 24 hours: status unknown, never green, as the Java offline verifier answers
		long later = Instant.now().plus(25, ChronoUnit.HOURS).toEpochMilli();
		PassVerifier offlineJava = PassVerifier.offline(TrustList.read(passes.trustList(user("checkpoint1")), passes.listKeyId()),
				RevocationList.read(passes.revocations(user("checkpoint1")), passes.listKeyId()),
				EnumSet.allOf(PassAlgorithm.class));
		for (String code : List.of(valid, cases.get("unknown key id"))) {
			Verdict java = offlineJava.verify(code, Instant.ofEpochMilli(later));
			assertThat(verifyAt(code, later)).isEqualTo("UNKNOWN STALE_LIST")
					.isEqualTo(java.result() + " " + java.reason());
		}
		assertThat(verifyAt(cases.get("revoked"), later)).as("revoked stays red with a stale list").isEqualTo("REVOKED REVOKED");

		// the scans wait on the device while offline
		assertThat(driver.findElement(By.id("checkpoint-pending")).getDomAttribute("data-count"))
				.isEqualTo(String.valueOf(scanned));
		@SuppressWarnings("unchecked")
		List<String> clientIds = (List<String>) browser.js(
				"return JSON.parse(localStorage.getItem('gridlink.checkpoint.scans')).map(s => s.clientId)");
		assertThat(clientIds).hasSize(scanned);
		assertThat(stored(clientIds)).isZero();
		browser.screenshot("checkpoint-360-offline-pending.png");

		// a scan the server will never take (older than 31 days, e.g. a device offline for long) must not hold back the rest
		String refusedId = (String) browser.js("const scans = JSON.parse(localStorage.getItem('gridlink.checkpoint.scans'));"
				+ "const old = Object.assign({}, scans[0], {clientId: crypto.randomUUID(), scannedAt: '2020-01-01T00:00:00.000Z'});"
				+ "scans.unshift(old); localStorage.setItem('gridlink.checkpoint.scans', JSON.stringify(scans)); return old.clientId");

		// the network is back: the log is uploaded once; sending all of it again adds nothing
		network(true);
		browser.js("window.dispatchEvent(new Event('online'))");
		browser.waiting(TIMEOUT).until(d -> "0".equals(d.findElement(By.id("checkpoint-pending")).getDomAttribute("data-count")));
		assertThat(stored(clientIds)).isEqualTo(scanned);
		assertThat(stored(List.of(refusedId))).isZero();
		assertThat(browser.js("return JSON.parse(localStorage.getItem('gridlink.checkpoint.scans'))"
				+ ".find(s => s.clientId === arguments[0]).refused", refusedId)).isEqualTo(true);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM checkpoint_scan WHERE checkpoint_id = ? AND direction = 'OUT' AND "
				+ "uploaded_by = 'checkpoint1' AND client_id IN (" + String.join(",", clientIds.stream().map(id -> "'" + id + "'").toList())
				+ ")").param(Long.parseLong(checkpointId)).query(Long.class).single()).isEqualTo(scanned - 6);
		@SuppressWarnings("unchecked")
		Map<String, Object> again = (Map<String, Object>) driver.executeAsyncScript(
				"const done = arguments[arguments.length - 1]; window.gridlinkCheckpoint.upload(true).then(done)");
		assertThat(((Number) again.get("stored")).intValue()).isZero();
		assertThat(((Number) again.get("duplicates")).intValue()).isEqualTo(scanned);
		assertThat(stored(clientIds)).isEqualTo(scanned);

		// online, the server decides what the page cannot: the SM2 pass is green, checked by the server
		assertThat(scan(sm2)).isEqualTo("VALID OK");
		assertThat(driver.findElement(By.id("checkpoint-verdict")).getDomAttribute("data-verified-by")).isEqualTo("SERVER");
		browser.assertNoScriptErrors();
		browser.close();

		// the street's staff see the day's counts and the entry/exit log of the gate on a phone
		open(360, 780, "street1");
		browser.get("/checkpoints/" + checkpointId);
		browser.waiting(TIMEOUT).until(visibilityOfElementLocated(By.id("checkpoint-counts")));
		assertThat(driver.findElements(By.cssSelector("#checkpoint-log-table tbody tr")).size())
				.isGreaterThanOrEqualTo(scanned);
		assertThat(driver.findElement(By.id("checkpoint-shifts")).getText()).contains("郭勇");
		browser.assertNoSidewaysScrolling();
		browser.screenshot("checkpoint-360-gate-log.png");
	}

	/** Types the code into the field as a handheld scanner does (ending with Enter) and reads the answer. */
	private String scan(String code) {
		browser.js("document.getElementById('checkpoint-result').replaceChildren()");
		WebElement field = driver.findElement(By.id("checkpoint-code"));
		browser.js("arguments[0].value = arguments[1].slice(0, -1)", field, code);
		field.sendKeys(code.substring(code.length() - 1) + Keys.ENTER);
		WebElement verdict = browser.waiting(TIMEOUT).until(visibilityOfElementLocated(By.id("checkpoint-verdict")));
		assertThat(field.getDomProperty("value")).as("the field is emptied for the next scan").isEmpty();
		return verdict.getDomAttribute("data-result") + " " + verdict.getDomAttribute("data-reason");
	}

	private String verifyAt(String code, long at) {
		return (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1]; "
				+ "window.gridlinkCheckpoint.verify(arguments[0], arguments[1]).then(v => done(v.result + ' ' + v.reason))",
				code, at);
	}

	private long stored(List<String> clientIds) {
		return jdbc.sql("SELECT COUNT(*) FROM checkpoint_scan WHERE client_id IN ("
				+ String.join(",", clientIds.stream().map(id -> "'" + UUID.fromString(id) + "'").toList()) + ")")
				.query(Long.class).single();
	}

	private void network(boolean online) {
		driver.executeCdpCommand("Network.enable", Map.of());
		driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
				"downloadThroughput", -1, "uploadThroughput", -1));
	}

	private void open(int width, int height, String user) {
		driver = browser.open(width, height);
		driver.manage().timeouts().scriptTimeout(TIMEOUT);
		browser.logIn(user);
	}
}
