package org.gridlink.passes;

import java.nio.charset.StandardCharsets;

import org.gridlink.passes.token.Base45;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Base45 against the examples of RFC 9285, section 4.3 and 4.4, and its strict decoding. */
class Base45Test {

	@Test
	void encodesTheRfcExamples() {
		assertThat(Base45.encode(bytes("AB"))).isEqualTo("BB8");
		assertThat(Base45.encode(bytes("Hello!!"))).isEqualTo("%69 VD92EX0");
		assertThat(Base45.encode(bytes("base-45"))).isEqualTo("UJCLQE7W581");
		assertThat(Base45.encode(bytes("ietf!"))).isEqualTo("QED8WEX0");
		assertThat(Base45.encode(new byte[0])).isEmpty();
	}

	@Test
	void decodesTheRfcExamples() {
		assertThat(new String(Base45.decode("QED8WEX0"), StandardCharsets.UTF_8)).isEqualTo("ietf!");
		assertThat(new String(Base45.decode("%69 VD92EX0"), StandardCharsets.UTF_8)).isEqualTo("Hello!!");
		assertThat(new String(Base45.decode("BB8"), StandardCharsets.UTF_8)).isEqualTo("AB");
	}

	@Test
	void roundTripsEveryByteValue() {
		byte[] all = new byte[257];
		for (int i = 0; i < all.length; i++) {
			all[i] = (byte) (i * 7);
		}
		assertThat(Base45.decode(Base45.encode(all))).isEqualTo(all);
	}

	@Test
	void refusesWhatIsNotBase45() {
		assertThatThrownBy(() -> Base45.decode(":::")).isInstanceOf(IllegalArgumentException.class); // 91124 > 65535
		assertThatThrownBy(() -> Base45.decode("::")).isInstanceOf(IllegalArgumentException.class); // 2024 > 255
		assertThatThrownBy(() -> Base45.decode("BB8B")).isInstanceOf(IllegalArgumentException.class); // dangling
		assertThatThrownBy(() -> Base45.decode("bb8")).isInstanceOf(IllegalArgumentException.class); // lower case
		assertThatThrownBy(() -> Base45.decode("B\u00e98")).isInstanceOf(IllegalArgumentException.class);
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}
}
