package org.gridlink.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On a real database without the explicit demo switch ({@link DemoData.DemoMode#production}), forces
 * {@code gridlink.demo.enabled=false} above every other source, so that every reader of that property (not only
 * {@link DemoData} components) sees production mode however the database URL was given, and makes the session cookie
 * {@code Secure} (production is served over HTTPS; the demo on http://localhost is not). Production refuses to start
 * without a public base URL ({@link PublicUrls}) or with a demo key ({@link PersonalDataCipher}, {@link SigningKeyCipher}).
 * Production mode requires a second factor of the ADMIN, AUDITOR and CENTER accounts unless
 * {@code gridlink.security.second-factor-required-roles} names other roles. Runs after the configuration
 * files are loaded (registered in META-INF/spring.factories).
 */
public class ProductionMode implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "gridlinkProductionMode";

	/** The roles that must use a second factor; empty (none) in the demo. */
	static final String SECOND_FACTOR_ROLES = "gridlink.security.second-factor-required-roles";

	/** In production mode, unless configured otherwise: administrators, auditors and the command center. */
	static final String PRODUCTION_SECOND_FACTOR_ROLES = "ADMIN,AUDITOR,CENTER";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (DemoData.DemoMode.production(environment)) {
			if (environment.getProperty("gridlink.public-base-url", "").isBlank()) {
				throw new IllegalStateException("A real database (not the embedded H2) is configured: set "
						+ "GRIDLINK_PUBLIC_URL to the address residents and clients use (e.g. https://grid.example.gov.cn); "
						+ "links in messages and the Open311 discovery are built from it");
			}
			// checked here, before any bean (the cipher beans refuse them as well, but may come after beans that already
			// need the database)
			List<String> demoKeys = new ArrayList<>();
			if (has(environment, "gridlink.crypto.data-key", PersonalDataCipher.DEMO_DATA_KEY)
					|| has(environment, "gridlink.crypto.data-keys", PersonalDataCipher.DEMO_DATA_KEY)) {
				demoKeys.add("GRIDLINK_DATA_KEY");
			}
			if (has(environment, "gridlink.crypto.lookup-key", PersonalDataCipher.DEMO_LOOKUP_KEY)) {
				demoKeys.add("GRIDLINK_LOOKUP_KEY");
			}
			if (has(environment, "gridlink.crypto.pass-key", SigningKeyCipher.DEMO_PASS_KEY)
					|| has(environment, "gridlink.crypto.pass-keys", SigningKeyCipher.DEMO_PASS_KEY)) {
				demoKeys.add("GRIDLINK_PASS_KEY");
			}
			if (!demoKeys.isEmpty()) {
				throw new IllegalStateException("A real database (not the embedded H2) is configured: set "
						+ String.join(", ", demoKeys) + " (base64 of 32 random bytes each; the pass key never a data key; "
						+ "GRIDLINK_DATA_KEY blank when every data key is in GRIDLINK_DATA_KEYS), or start with "
						+ "GRIDLINK_DEMO_ON_REAL_DATABASE=true for a trial");
			}
			String sms = smsProblem(environment);
			if (sms != null) {
				throw new IllegalStateException("A real database (not the embedded H2) is configured: " + sms);
			}
			Map<String, Object> production = new java.util.HashMap<>(
					Map.of("gridlink.demo.enabled", "false", "server.servlet.session.cookie.secure", "true"));
			if (environment.getProperty(SMS_CALLBACK_SECRET, "").equals(DEMO_SMS_CALLBACK_SECRET)) {
				// no SMS configured: nobody may post delivery reports or opt-outs with the published demo secret
				production.put(SMS_CALLBACK_SECRET, java.util.UUID.randomUUID().toString());
			}
			if (environment.getProperty(SECOND_FACTOR_ROLES, "").isBlank()) {
				production.put(SECOND_FACTOR_ROLES, PRODUCTION_SECOND_FACTOR_ROLES);
			}
			environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, production));
		}
	}

	static final String SMS_ENDPOINT = "gridlink.notices.sms.endpoint";
	static final String SMS_CALLBACK_SECRET = "gridlink.notices.sms.callback-secret";
	static final String DEMO_SMS_CALLBACK_SECRET = "demo-callback-secret";

	/**
	 * What is wrong with the SMS channel for production, or null: configured (an endpoint) but pointing at a local
	 * address (where only the demo's SMS simulator listens) or with a demo access key, secret or callback secret.
	 */
	static @org.jspecify.annotations.Nullable String smsProblem(ConfigurableEnvironment environment) {
		String endpoint = environment.getProperty(SMS_ENDPOINT, "").strip();
		if (endpoint.isEmpty()) {
			return null; // no SMS: rows wait and each try is logged
		}
		String host;
		try {
			host = java.net.URI.create(endpoint).getHost();
		}
		catch (IllegalArgumentException ex) {
			host = null;
		}
		if (host == null || !endpoint.startsWith("https://")) {
			return "GRIDLINK_SMS_ENDPOINT must be the provider's https address (e.g. https://dysmsapi.aliyuncs.com/): "
					+ endpoint;
		}
		String h = host.toLowerCase(java.util.Locale.ROOT);
		if (h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("[::1]")
				|| h.equals("::1") || h.equals("0.0.0.0")) {
			return "GRIDLINK_SMS_ENDPOINT points to this machine, where only the demo's SMS simulator listens: " + endpoint;
		}
		List<String> demo = new ArrayList<>();
		if (environment.getProperty("gridlink.notices.sms.access-key-id", "").equals("demo-access-key")) {
			demo.add("GRIDLINK_SMS_ACCESS_KEY_ID");
		}
		if (environment.getProperty("gridlink.notices.sms.access-key-secret", "").equals("demo-access-secret")) {
			demo.add("GRIDLINK_SMS_ACCESS_KEY_SECRET");
		}
		if (environment.getProperty(SMS_CALLBACK_SECRET, "").equals(DEMO_SMS_CALLBACK_SECRET)) {
			demo.add("GRIDLINK_SMS_CALLBACK_SECRET");
		}
		return demo.isEmpty() ? null : "the SMS channel is configured with the demo's values: set " + String.join(", ", demo);
	}

	private static boolean has(ConfigurableEnvironment environment, String property, String demoKey) {
		return environment.getProperty(property, "").contains(demoKey);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
