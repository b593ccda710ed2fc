package org.gridlink.support;

import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A small seeded input generator for the fuzz tests (issue 12), on plain JUnit 5: a fixed-seed {@link Random} per
 * try, helpers for bytes, strings from chosen alphabets (ASCII, control characters, CJK, lone surrogates, emoji),
 * numbers with their edge values, and mutations of a valid sample; and {@link #run} — a bounded loop of tries that
 * stops (as passed) once its time budget is spent and on a failure reports the seed, the try and the input (shortened,
 * hex or escaped).
 * <p>
 * Inputs are the same on every run: try {@code n} draws from {@code new Random(mix(seed, n))}, the seed being
 * {@link #DEFAULT_SEED} unless the system property {@value #SEED_PROPERTY} gives another (e.g. {@code mvn test
 * -Dgridlink.fuzz.seed=42} to look at other inputs, or the seed printed by a failure to replay it).
 */
public final class Fuzz {

	public static final long DEFAULT_SEED = 20261129L;

	public static final String SEED_PROPERTY = "gridlink.fuzz.seed";

	/**
	 * How long one property may keep trying: with the twelve fuzzing properties this keeps the fuzz tests well under
	 * half a minute on a quiet two-core machine (most finish their tries sooner).
	 */
	public static final Duration BUDGET = Duration.ofSeconds(2);

	/** Printable ASCII. */
	public static final String ASCII = range(' ', '~');

	/** C0 control characters and DEL. */
	public static final String CONTROL = range('\u0000', '\u001f') + '\u007f';

	/** Common CJK ideographs, full-width forms and CJK punctuation. */
	public static final String CJK = "张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗姓名身份证号手机网格编码标签地址低保户籍社区街道"
			+ "０１２３４５６７８９ＡＢＸｘ，。、；：“”（）【】　";

	/** Characters a parser may not expect: BOM, zero-width and direction marks, lone surrogates, replacement. */
	public static final String ODD = "\uFEFF\u200B\u200E\u202E\u2028\u00A0\u00AD\uD800\uDBFF\uDC00\uDFFF\uFFFD\uFFFF";

	private static final long[] EDGE_LONGS = { 0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
			Long.MIN_VALUE, 253402300799L, 253402300800L, 31556889864403199L, -31557014167219200L };

	private static final double[] EDGE_DOUBLES = { 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
			Double.NEGATIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE, -Double.MAX_VALUE, 1e308, 90.0000001,
			-180.0000001 };

	private final Random random;

	private Fuzz(Random random) {
		this.random = random;
	}

	/** A generator drawing from the given seed (for a single reproduction, or a generator outside {@link #run}). */
	public static Fuzz seeded(long seed) {
		return new Fuzz(new Random(seed));
	}

	/** The base seed: {@value #SEED_PROPERTY} if set, else {@link #DEFAULT_SEED}. */
	public static long seed() {
		String given = System.getProperty(SEED_PROPERTY);
		return given == null || given.isBlank() ? DEFAULT_SEED : Long.parseLong(given.trim());
	}

	/** The seed of try {@code n}: the same for every run with the same base seed, whatever ran before. */
	static long trySeed(long seed, int n) {
		long z = seed + (n + 1) * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** A check of one input; may throw anything, which fails the run. */
	@FunctionalInterface
	public interface Check<T> {
		void accept(T input) throws Throwable;
	}

	/** Runs {@link #run(int, Duration, Function, Check)} with the default {@link #BUDGET}. */
	public static <T> int run(int tries, Function<Fuzz, T> generate, Check<T> check) {
		return run(tries, BUDGET, generate, check);
	}

	/**
	 * Generates and checks up to {@code tries} inputs, stopping early (as passed) once {@code budget} is spent. A
	 * failing check is reported as an {@link AssertionError} naming the seed, the try and the input, with the original
	 * failure as its cause. Answers the number of tries run.
	 */
	public static <T> int run(int tries, Duration budget, Function<Fuzz, T> generate, Check<T> check) {
		long seed = seed();
		long deadline = System.nanoTime() + budget.toNanos();
		int n = 0;
		for (; n < tries && (n == 0 || System.nanoTime() - deadline < 0); n++) {
			T input = generate.apply(new Fuzz(new Random(trySeed(seed, n))));
			try {
				check.accept(input);
			}
			catch (Throwable failure) {
				// OutOfMemoryError and StackOverflowError are reported with their input too: what filled the heap or
				// the stack is garbage once the check has unwound
				if (failure instanceof InternalError || failure instanceof UnknownError) {
					throw (VirtualMachineError) failure;
				}
				throw new AssertionError("fuzz try " + n + " of seed " + seed + " failed (replay with -D"
						+ SEED_PROPERTY + "=" + seed + "): " + failure + "\n  input: " + describe(input), failure);
			}
		}
		return n;
	}

	// ---- numbers and choices

	public Random random() {
		return random;
	}

	public boolean bool() {
		return random.nextBoolean();
	}

	/** An int in {@code [min, max]}. */
	public int between(int min, int max) {
		return (int) (min + (long) (random.nextDouble() * ((long) max - min + 1)));
	}

	/** Any int, edge values (0, ±1, MIN, MAX) often. */
	public int anyInt() {
		return random.nextInt(8) == 0 ? (int) EDGE_LONGS[random.nextInt(5)] : random.nextInt();
	}

	/** Any long, edge values (0, ±1, int and long limits, Instant's limits) often. */
	public long anyLong() {
		return random.nextInt(6) == 0 ? EDGE_LONGS[random.nextInt(EDGE_LONGS.length)]
				: random.nextBoolean() ? random.nextLong() : random.nextInt(2_000_000) - 1_000_000;
	}

	/** Any double: edge values (NaN, infinities, extremes), any bit pattern, or a plain coordinate-like value. */
	public double anyDouble() {
		return switch (random.nextInt(3)) {
			case 0 -> EDGE_DOUBLES[random.nextInt(EDGE_DOUBLES.length)];
			case 1 -> Double.longBitsToDouble(random.nextLong());
			default -> (random.nextDouble() - 0.5) * 400;
		};
	}

	@SafeVarargs
	public final <T> T oneOf(T... values) {
		return values[random.nextInt(values.length)];
	}

	public <T> T oneOf(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	/** The value of one of the given generators, chosen evenly. */
	@SafeVarargs
	public final <T> T either(Supplier<? extends T>... generators) {
		return generators[random.nextInt(generators.length)].get();
	}

	/** A length in {@code [min, max]}, short lengths more often than long ones. */
	public int length(int min, int max) {
		int small = Math.min(max, min + 10);
		return random.nextInt(3) == 0 ? between(min, small) : between(min, max);
	}

	public <T> List<T> list(int maxSize, Supplier<T> element) {
		return list(0, maxSize, element);
	}

	public <T> List<T> list(int minSize, int maxSize, Supplier<T> element) {
		int size = length(minSize, maxSize);
		List<T> list = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			list.add(element.get());
		}
		return list;
	}

	/** A map of up to {@code maxSize} entries (fewer when keys repeat), in insertion order. */
	public <K, V> Map<K, V> map(int maxSize, Supplier<K> key, Supplier<V> value) {
		Map<K, V> map = new LinkedHashMap<>();
		int size = length(0, maxSize);
		for (int i = 0; i < size; i++) {
			map.put(key.get(), value.get());
		}
		return map;
	}

	// ---- bytes and text

	public byte[] bytes(int maxLength) {
		return bytes(0, maxLength);
	}

	public byte[] bytes(int minLength, int maxLength) {
		byte[] bytes = new byte[length(minLength, maxLength)];
		random.nextBytes(bytes);
		if (random.nextInt(4) == 0 && bytes.length > 0) {
			// runs of one value (zeros, 0xFF) reach other parser paths than noise does
			Arrays.fill(bytes, between(0, bytes.length - 1), bytes.length, oneOf((byte) 0, (byte) -1, (byte) ','));
		}
		return bytes;
	}

	/**
	 * Any text of up to {@code maxLength} chars: each char from printable ASCII, control characters, CJK, odd
	 * characters (BOM, lone surrogates, ...), an emoji pair, or anywhere in the BMP.
	 */
	public String string(int maxLength) {
		return string(0, maxLength);
	}

	public String string(int minLength, int maxLength) {
		int length = length(minLength, maxLength);
		StringBuilder text = new StringBuilder(length);
		while (text.length() < length) {
			switch (random.nextInt(10)) {
				case 0 -> text.append(charOf(CONTROL));
				case 1, 2 -> text.append(charOf(CJK));
				case 3 -> text.append(charOf(ODD));
				case 4 -> text.append((char) random.nextInt(0x10000));
				case 5 -> {
					if (text.length() + 2 <= length) {
						text.appendCodePoint(between(0x1F300, 0x1FAFF));
					}
				}
				default -> text.append(charOf(ASCII));
			}
		}
		return text.toString();
	}

	/**
	 * Like {@link #string(int)} but well-formed UTF-16 (lone surrogates become U+FFFD), for formats that cannot
	 * carry a lone surrogate at all (CBOR and JSON text).
	 */
	public String wellFormedString(int maxLength) {
		int[] codePoints = string(maxLength).codePoints().map(c -> c <= 0xFFFF && Character.isSurrogate((char) c)
				? 0xFFFD : c).toArray();
		return new String(codePoints, 0, codePoints.length);
	}

	/** Text of {@code [minLength, maxLength]} chars, each from {@code alphabet}. */
	public String string(String alphabet, int minLength, int maxLength) {
		int length = length(minLength, maxLength);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(charOf(alphabet));
		}
		return text.toString();
	}

	public char charOf(String alphabet) {
		return alphabet.charAt(random.nextInt(alphabet.length()));
	}

	/** The chars from {@code first} to {@code last} inclusive, as an alphabet. */
	public static String range(char first, char last) {
		StringBuilder chars = new StringBuilder();
		for (char c = first; c <= last; c++) {
			chars.append(c);
		}
		return chars.toString();
	}

	// ---- mutations

	/**
	 * A copy of {@code sample} changed in one to {@code maxChanges} places: a byte flipped, a random byte inserted, a
	 * byte deleted, or the end cut off.
	 */
	public byte[] mutate(byte[] sample, int maxChanges) {
		byte[] bytes = sample.clone();
		int changes = between(1, Math.max(1, maxChanges));
		for (int i = 0; i < changes; i++) {
			int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
			switch (bytes.length == 0 ? 1 : random.nextInt(6)) {
				case 0, 1, 2 -> {
					if (bytes.length > 0) {
						bytes[at] ^= (byte) (1 << random.nextInt(8) | (random.nextBoolean() ? 0 : random.nextInt(256)));
					}
					else {
						bytes = new byte[] { (byte) random.nextInt(256) };
					}
				}
				case 3 -> {
					byte[] longer = new byte[bytes.length + 1];
					System.arraycopy(bytes, 0, longer, 0, at);
					longer[at] = (byte) random.nextInt(256);
					System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
					bytes = longer;
				}
				case 4 -> {
					byte[] shorter = new byte[bytes.length - 1];
					System.arraycopy(bytes, 0, shorter, 0, at);
					System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
					bytes = shorter;
				}
				default -> bytes = Arrays.copyOf(bytes, at);
			}
		}
		return bytes;
	}

	// ---- reporting

	static final int SHOWN = 300;

	/** The input for a failure report: bytes as hex, text escaped, collections element by element, shortened. */
	public static String describe(Object input) {
		StringBuilder out = new StringBuilder();
		describe(input, out);
		return out.toString();
	}

	private static void describe(Object input, StringBuilder out) {
		if (input instanceof byte[] bytes) {
			int shown = Math.min(bytes.length, SHOWN / 2);
			out.append("bytes[").append(bytes.length).append("] ").append(HexFormat.of().formatHex(bytes, 0, shown));
			if (shown < bytes.length) {
				out.append("…");
			}
		}
		else if (input instanceof CharSequence text) {
			out.append('"').append(escape(text)).append('"');
		}
		else if (input instanceof Map<?, ?> map) {
			out.append('{');
			String sep = "";
			for (var entry : map.entrySet()) {
				out.append(sep);
				describe(entry.getKey(), out);
				out.append('=');
				describe(entry.getValue(), out);
				sep = ", ";
			}
			out.append('}');
		}
		else if (input instanceof Collection<?> list) {
			out.append('[');
			String sep = "";
			for (Object element : list) {
				out.append(sep);
				describe(element, out);
				sep = ", ";
			}
			out.append(']');
		}
		else if (input instanceof Map.Entry<?, ?> entry) {
			describe(entry.getKey(), out);
			out.append(" → ");
			describe(entry.getValue(), out);
		}
		else if (input != null && input.getClass().isArray()) {
			List<Object> elements = new ArrayList<>();
			for (int i = 0; i < Array.getLength(input); i++) {
				elements.add(Array.get(input, i));
			}
			describe(elements, out);
		}
		else {
			out.append(input);
		}
	}

	/** Non-printable and non-ASCII chars as {@code \\uXXXX} (CJK kept), shortened to {@value #SHOWN} chars. */
	static String escape(CharSequence text) {
		StringBuilder out = new StringBuilder();
		int shown = Math.min(text.length(), SHOWN);
		for (int i = 0; i < shown; i++) {
			char c = text.charAt(i);
			if (c == '\\' || c == '"') {
				out.append('\\').append(c);
			}
			else if (c >= ' ' && c <= '~' || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
				out.append(c);
			}
			else {
				out.append(String.format("\\u%04x", (int) c));
			}
		}
		if (shown < text.length()) {
			out.append("…(").append(text.length()).append(" chars)");
		}
		return out.toString();
	}
}
