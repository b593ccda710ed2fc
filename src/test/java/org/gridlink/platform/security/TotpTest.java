package org.gridlink.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** TOTP against the test vectors of RFC 6238 (appendix B, SHA-1), base32 as RFC 4648 writes it, window and replay. */
class TotpTest {

	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void rfc6238Vectors(long time, String code) {
		assertThat(Totp.code(RFC_SECRET, Totp.step(time), 8)).isEqualTo(code);
		assertThat(Totp.code(RFC_SECRET, Totp.step(time))).isEqualTo(code.substring(2));
	}

	@Test
	void base32AsRfc4648() {
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.fromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq".replace(" ", ""))).isEqualTo(RFC_SECRET);
	}

	@Test
	void acceptsOneStepOfDriftEachWayAndNeverAStepAlreadyUsed() {
		long now = 1111111111;
		long step = Totp.step(now);
		String current = Totp.code(RFC_SECRET, step);
		assertThat(Totp.match(RFC_SECRET, current, now, 0)).isEqualTo(OptionalLong.of(step));
		assertThat(Totp.match(RFC_SECRET, current.substring(0, 3) + " " + current.substring(3), now, 0))
			.isEqualTo(OptionalLong.of(step));
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, 0)).isEqualTo(OptionalLong.of(step - 1));
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, 0)).isEqualTo(OptionalLong.of(step + 1));
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, 0)).isEmpty();
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, 0)).isEmpty();
		// replay: the step already accepted, or an earlier one, is refused
		assertThat(Totp.match(RFC_SECRET, current, now, step)).isEmpty();
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, step - 1)).isEmpty();
		for (String bad : new String[] { "", "12345", "1234567", "abcdef", "12345a" }) {
			assertThat(Totp.match(RFC_SECRET, bad, now, 0)).isEmpty();
		}
	}
}
