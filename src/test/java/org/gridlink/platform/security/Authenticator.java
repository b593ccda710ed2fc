package org.gridlink.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The phone's authenticator app in tests: reads the key from the enrolment page and shows the current code. */
final class Authenticator {

	private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<");
	private static final Pattern RECOVERY = Pattern.compile("<li>([2-9a-z]{5}-[2-9a-z]{5})</li>");

	private final byte[] secret;
	private final Clock clock;

	private Authenticator(byte[] secret, Clock clock) {
		this.secret = secret;
		this.clock = clock;
	}

	static Authenticator scan(String enrolmentPage, Clock clock) {
		Matcher matcher = SECRET.matcher(enrolmentPage);
		assertThat(matcher.find()).as("the enrolment page shows the key").isTrue();
		assertThat(enrolmentPage).contains("<svg", "gl-qr");
		return new Authenticator(Totp.fromBase32(matcher.group(1).replace(" ", "")), clock);
	}

	String code() {
		return Totp.code(secret, Totp.step(clock.instant().getEpochSecond()));
	}

	/** A well-formed code that is not valid now (from an hour ago). */
	String staleCode() {
		String stale = Totp.code(secret, Totp.step(clock.instant().getEpochSecond()) - 120);
		return stale.equals(code()) ? String.format("%06d", (Integer.parseInt(stale) + 1) % 1_000_000) : stale;
	}

	static List<String> recoveryCodes(String page) {
		List<String> codes = new ArrayList<>();
		Matcher matcher = RECOVERY.matcher(page);
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}
}
