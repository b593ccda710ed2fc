package org.gridlink.residents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import org.gridlink.shared.IdNumber;

/** Valid, unique ID numbers for tests (address codes 5xxxxx, which the demo generator never uses). */
final class TestIds {

	private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000L * 1000);

	private TestIds() {
	}

	static String next() {
		long n = NEXT.incrementAndGet();
		String first17 = String.format("5%05d", n % 100_000)
				+ LocalDate.of(1950, 1, 1).plusDays((n / 100_000) % 20_000).format(DateTimeFormatter.BASIC_ISO_DATE)
				+ String.format("%03d", (n / 2_000_000_000L) % 1000);
		return first17 + IdNumber.checkCharacter(first17);
	}

	/** The same number with a wrong check character. */
	static String badCheck(String id) {
		char wrong = id.charAt(17) == '0' ? '1' : '0';
		return id.substring(0, 17) + wrong;
	}
}
