package org.gridlink.platform.security;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's header checks as loops answer exactly as Spring Security's default regular expressions. */
class HeaderFirewallTest {

	// StrictHttpFirewall's defaults (spring-security-web 7.0)
	private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
	private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	private static void same(String text) {
		assertThat(HeaderFirewall.NAME.test(text)).as("name %s", escape(text)).isEqualTo(NAME.matcher(text).matches());
		assertThat(HeaderFirewall.VALUE.test(text)).as("value %s", escape(text))
			.isEqualTo(VALUE.matcher(text).matches());
	}

	private static String escape(String text) {
		StringBuilder out = new StringBuilder();
		text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
		return out.toString();
	}

	@Test
	void everyCharacterAloneAndInsideText() {
		for (int c = 0; c <= 0xFFFF; c++) {
			same(String.valueOf((char) c));
			same("Bearer gl_" + (char) c + "x");
		}
		for (int c = 0x10000; c <= Character.MAX_CODE_POINT; c += 7) {
			same(new String(Character.toChars(c)));
		}
		same("");
		same("Bearer gl_abc\tdef");
		same("x\ud800"); // a lone high surrogate
		same("\udc00x"); // a lone low surrogate
	}

	@Test
	void randomText() {
		Random random = new Random(11);
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(12);
			for (int i = 0; i < length; i++) {
				text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : 0x20 + random.nextInt(0x60)));
			}
			same(text.toString());
		}
	}

	@Test
	void theRulesRefuseControlsAndUnassigned() {
		assertThat(HeaderFirewall.VALUE.test("ok value\twith tab")).isTrue();
		assertThat(HeaderFirewall.NAME.test("with\ttab")).isFalse();
		assertThat(HeaderFirewall.VALUE.test("line\nbreak")).isFalse();
		assertThat(HeaderFirewall.VALUE.test("nul\0")).isFalse();
		assertThat(HeaderFirewall.VALUE.test("\u0378")).isFalse(); // unassigned
		assertThat(HeaderFirewall.VALUE.test("中文 ok")).isTrue();
	}
}
