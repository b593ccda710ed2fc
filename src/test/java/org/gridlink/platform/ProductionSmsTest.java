package org.gridlink.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * Production mode and the SMS channel: configured with the demo's access key, secret or callback secret, or pointing
 * at this machine (where only the demo's simulator listens), it refuses to start; without an SMS endpoint it starts
 * (no SMS) and the published demo callback secret stops working.
 */
class ProductionSmsTest {

	private static MockEnvironment production() {
		return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x")
			.withProperty("gridlink.public-base-url", "https://grid.example")
			.withProperty("gridlink.notices.sms.access-key-id", "LTAI5tRealKeyId")
			.withProperty("gridlink.notices.sms.access-key-secret", "a-real-secret")
			.withProperty("gridlink.notices.sms.callback-secret", "a-real-callback-secret");
	}

	private static void start(MockEnvironment environment) {
		new ProductionMode().postProcessEnvironment(environment, new SpringApplication());
	}

	@Test
	void aRealProviderWithRealSecretsStarts() {
		MockEnvironment env = production().withProperty("gridlink.notices.sms.endpoint", "https://dysmsapi.aliyuncs.com/");
		assertThatCode(() -> start(env)).doesNotThrowAnyException();
		assertThat(env.getProperty("gridlink.notices.sms.callback-secret")).isEqualTo("a-real-callback-secret");
	}

	@Test
	void theSimulatorOrALocalAddressIsRefused() {
		for (String local : new String[] { "http://127.0.0.1:18080/", "https://127.0.0.1:443/", "https://localhost/",
				"https://[::1]:8443/", "https://sms.localhost/" }) {
			assertThatThrownBy(() -> start(production().withProperty("gridlink.notices.sms.endpoint", local))).as(local)
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("GRIDLINK_SMS_ENDPOINT");
		}
		assertThatThrownBy(() -> start(production().withProperty("gridlink.notices.sms.endpoint", "not a url")))
			.hasMessageContaining("GRIDLINK_SMS_ENDPOINT");
	}

	@Test
	void theDemoSecretsAreRefused() {
		assertThatThrownBy(() -> start(production().withProperty("gridlink.notices.sms.endpoint", "https://dysmsapi.aliyuncs.com/")
			.withProperty("gridlink.notices.sms.access-key-id", "demo-access-key")))
			.hasMessageContaining("GRIDLINK_SMS_ACCESS_KEY_ID");
		assertThatThrownBy(() -> start(production().withProperty("gridlink.notices.sms.endpoint", "https://dysmsapi.aliyuncs.com/")
			.withProperty("gridlink.notices.sms.access-key-secret", "demo-access-secret")))
			.hasMessageContaining("GRIDLINK_SMS_ACCESS_KEY_SECRET");
		assertThatThrownBy(() -> start(production().withProperty("gridlink.notices.sms.endpoint", "https://dysmsapi.aliyuncs.com/")
			.withProperty("gridlink.notices.sms.callback-secret", "demo-callback-secret")))
			.hasMessageContaining("GRIDLINK_SMS_CALLBACK_SECRET");
	}

	@Test
	void withoutAnEndpointThereIsNoSmsAndTheDemoCallbackSecretStopsWorking() {
		MockEnvironment env = production().withProperty("gridlink.notices.sms.access-key-id", "demo-access-key")
			.withProperty("gridlink.notices.sms.callback-secret", "demo-callback-secret");
		assertThatCode(() -> start(env)).doesNotThrowAnyException();
		assertThat(env.getProperty("gridlink.notices.sms.callback-secret")).isNotEqualTo("demo-callback-secret").isNotBlank();
	}

	@Test
	void theDemoIsNotConcerned() {
		MockEnvironment demo = new MockEnvironment().withProperty("gridlink.notices.sms.endpoint", "http://127.0.0.1:1/")
			.withProperty("gridlink.notices.sms.access-key-id", "demo-access-key");
		assertThatCode(() -> start(demo)).doesNotThrowAnyException();
	}
}
