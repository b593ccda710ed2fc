package org.gridlink.passes.token;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;

import org.gridlink.passes.PassClaims;
import org.gridlink.passes.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * The offline command-line verifier, without Spring:
 * {@code java -jar gridlink.jar verify-pass <code|-> --trust-list FILE --revocations FILE [--list-key KID[,KID]] [--at ISO]}.
 * The code contains spaces (Base45): quote it, or give {@code -} and pipe it in. Prints the result, the reason and,
 * for a good signature, what the pass says. Exit code 0 VALID, 1 INVALID, REVOKED or EXPIRED, 2 UNKNOWN (a list older
 * than 24 hours), 64 wrong usage or unreadable lists.
 */
public final class VerifyPassCommand {

	public static final String NAME = "verify-pass";

	private VerifyPassCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		String code = null;
		String trust = null;
		String revocations = null;
		String listKey = null;
		Instant at = Instant.now();
		try {
			for (int i = 1; i < args.length; i++) {
				switch (args[i]) {
					case "--trust-list" -> trust = args[++i];
					case "--revocations" -> revocations = args[++i];
					case "--list-key" -> listKey = args[++i];
					case "--at" -> at = Instant.parse(args[++i]);
					default -> {
						if (code != null) {
							return usage(err, "one code only (quote it: it may contain spaces)");
						}
						code = args[i];
					}
				}
			}
		}
		catch (ArrayIndexOutOfBoundsException | java.time.format.DateTimeParseException ex) {
			return usage(err, "an option is missing its value");
		}
		if (code == null || trust == null || revocations == null) {
			return usage(err, "give a code, --trust-list and --revocations");
		}
		PassVerifier verifier;
		try {
			if ("-".equals(code)) {
				code = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
			}
			if (listKey == null) {
				err.println("warning: no --list-key given: the lists are checked for integrity, not for who signed them");
			}
			// several ids, comma-separated, while the list key is being rotated (docs/passes.md)
			java.util.Set<String> pins = listKey == null ? java.util.Set.of()
					: java.util.Arrays.stream(listKey.split(",")).map(String::strip).filter(k -> !k.isEmpty())
							.map(k -> k.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
			String trustText = read(trust);
			verifier = PassVerifier.offline(TrustList.readPinned(trustText, pins),
					RevocationList.readPinned(read(revocations), pins), EnumSet.allOf(PassAlgorithm.class));
			ListSigner.announced(trustText, TrustList.FORMAT, pins).ifPresent(next -> err.println(
					"note: the list key is being rotated: pin also " + next.kid() + " (it signs the lists from "
							+ next.from() + ")"));
		}
		catch (IOException | IllegalArgumentException ex) {
			err.println("verify-pass: " + ex.getMessage());
			return 64;
		}
		Verdict verdict = verifier.verify(code, at);
		out.println(verdict.result() + " " + verdict.reason());
		@Nullable PassClaims claims = verdict.claims();
		if (claims != null) {
			out.println("pass " + claims.passId() + " " + claims.type() + " " + claims.holder());
			out.println("zones " + String.join(" ", claims.zones()));
			out.println("valid " + claims.validFrom() + " .. " + claims.validTo());
		}
		return switch (verdict.result()) {
			case VALID -> 0;
			case UNKNOWN -> 2;
			case INVALID, REVOKED, EXPIRED, NOT_VALID_HERE -> 1;
		};
	}

	private static String read(String file) throws IOException {
		return Files.readString(Path.of(file), StandardCharsets.UTF_8);
	}

	private static int usage(PrintStream err, String problem) {
		err.println("verify-pass: " + problem);
		err.println("usage: java -jar gridlink.jar verify-pass <code|-> --trust-list FILE --revocations FILE "
				+ "[--list-key KID[,KID]] [--at 2026-01-01T00:00:00Z]");
		return 64;
	}
}
