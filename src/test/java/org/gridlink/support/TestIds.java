package org.gridlink.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.gridlink.shared.IdNumber;

/** Valid, unique national ID numbers for tests that share one database. */
public final class TestIds {

	private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L));
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

	private TestIds() {
	}

	public static String next() {
		long n = NEXT.incrementAndGet();
		LocalDate born = LocalDate.of(1940, 1, 1).plusDays(n % 25_000);
		String first17 = "320819" + born.format(DATE) + String.format("%03d", (n / 25_000) % 1000);
		return first17 + IdNumber.checkCharacter(first17);
	}
}
