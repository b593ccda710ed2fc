package org.gridlink.platform;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

	private final PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataCipher.DEMO_DATA_KEY,
			PersonalDataCipher.DEMO_LOOKUP_KEY, new MockEnvironment());

	@Test
	void roundTripWithFreshIvEachTime() {
		String a = cipher.encrypt("11010519491231002X");
		String b = cipher.encrypt("11010519491231002X");
		assertThat(a).isNotEqualTo(b).doesNotContain("1101051949");
		assertThat(cipher.decrypt(a)).isEqualTo("11010519491231002X");
	}

	@Test
	void tamperedCiphertextIsRejected() {
		byte[] raw = Base64.getDecoder().decode(cipher.encrypt("13812345678").substring(3));
		raw[raw.length - 1] ^= 1;
		assertThatThrownBy(() -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(raw)))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void lookupHashIsStableAndKeyed() {
		assertThat(cipher.lookupHash("13812345678")).isEqualTo(cipher.lookupHash("13812345678")).hasSize(64);
		PersonalDataCipher other = new PersonalDataCipher(PersonalDataCipher.DEMO_DATA_KEY,
				Base64.getEncoder().encodeToString(new byte[32]), new MockEnvironment());
		assertThat(other.lookupHash("13812345678")).isNotEqualTo(cipher.lookupHash("13812345678"));
	}

	@Test
	void demoKeysAreRefusedWithAProductionDatabase() {
		MockEnvironment production = new MockEnvironment().withProperty("GRIDLINK_DB_URL", "jdbc:postgresql://db/x");
		assertThatThrownBy(() -> new PersonalDataCipher(PersonalDataCipher.DEMO_DATA_KEY,
				PersonalDataCipher.DEMO_LOOKUP_KEY, production)).hasMessageContaining("GRIDLINK_DATA_KEY");
		MockEnvironment springUrl = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x");
		assertThatThrownBy(() -> new PersonalDataCipher(PersonalDataCipher.DEMO_DATA_KEY,
				PersonalDataCipher.DEMO_LOOKUP_KEY, springUrl)).hasMessageContaining("GRIDLINK_DATA_KEY");
		springUrl.setProperty("gridlink.demo.on-real-database", "true");
		new PersonalDataCipher(PersonalDataCipher.DEMO_DATA_KEY, PersonalDataCipher.DEMO_LOOKUP_KEY, springUrl);
		assertThatThrownBy(() -> new PersonalDataCipher("c2hvcnQ=", PersonalDataCipher.DEMO_LOOKUP_KEY,
				new MockEnvironment())).hasMessageContaining("32 bytes");
	}
}
