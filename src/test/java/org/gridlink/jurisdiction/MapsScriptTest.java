package org.gridlink.jurisdiction;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code static/js/maps.js} gives Leaflet's tooltips, the map's labels and its hover line the jurisdiction names as text
 * nodes, never as HTML: run with
 * Node against a fake Leaflet and DOM ({@code js/maps-harness.js}) with a name that is an {@code <img onerror>}.
 */
class MapsScriptTest {

	@Test
	void jurisdictionNamesAreTextInTooltips() throws Exception {
		assumeTrue(nodeAvailable(), "node is not installed");
		Path harness = Path.of("src/test/resources/js/maps-harness.js");
		Path script = Path.of("src/main/resources/static/js/maps.js");
		Process node = new ProcessBuilder("node", harness.toString(), script.toString()).redirectErrorStream(true)
				.start();
		assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
		String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(node.exitValue()).as(out).isZero();
		assertThat(out).contains("\"kind\":\"node\",\"text\":\"<img src=x onerror=alert(1)>\"")
				.contains("<img src=x onerror=alert(1)> 320819001001001").doesNotContain("\"kind\":\"string\"")
				.doesNotContain("\"kind\":\"other\"")
				// the district map's hover line, street label and legend got the names as text too
				.contains("\"hover\":\"<img src=x onerror=alert(1)> 320819001001001")
				.contains("\"ready\":\"true\"");
		assertThat(Files.readString(script)).doesNotContain("innerHTML");
	}

	private static boolean nodeAvailable() {
		try {
			return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			return false;
		}
	}
}
