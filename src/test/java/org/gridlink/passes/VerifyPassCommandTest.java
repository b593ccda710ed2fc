package org.gridlink.passes;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.gridlink.passes.token.RevocationList;
import org.gridlink.passes.token.VerifyPassCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.passes.PassVerifierTest.*;

/** The command-line verifier on list files: exit codes and output, without Spring. */
class VerifyPassCommandTest {

	@TempDir
	Path dir;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();
	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	int run(String... args) {
		out.reset();
		err.reset();
		return VerifyPassCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void verifiesOfflineFromListFiles() throws Exception {
		UUID revokedId = UUID.randomUUID();
		Path trust = Files.writeString(dir.resolve("trust.json"), trust(NOW, ES, SM2));
		Path revocations = Files.writeString(dir.resolve("revoked.json"),
				RevocationList.sign(NOW, List.of(revokedId), LIST_KEY, LIST_PAIR.getPublic().getEncoded()));
		String good = PassToken_sign(SM2, UUID.randomUUID());
		String revoked = PassToken_sign(ES, revokedId);
		String[] lists = { "--trust-list", trust.toString(), "--revocations", revocations.toString(), "--list-key",
				LIST_KID };

		assertThat(run(concat("verify-pass", good, lists, "--at", NOW.toString()))).isZero();
		assertThat(out()).startsWith("VALID OK").contains("张*").contains("320819001001");
		assertThat(run(concat("verify-pass", revoked, lists, "--at", NOW.toString()))).isEqualTo(1);
		assertThat(out()).startsWith("REVOKED REVOKED");
		assertThat(run(concat("verify-pass", good.substring(0, good.length() - 3), lists, "--at", NOW.toString())))
				.isEqualTo(1);
		assertThat(out()).startsWith("INVALID BAD_STRUCTURE");
		assertThat(run(concat("verify-pass", good, lists, "--at", NOW.plus(Duration.ofHours(25)).toString())))
				.isEqualTo(2);
		assertThat(out()).startsWith("UNKNOWN STALE_LIST");
	}

	@Test
	void refusesWrongUsageAndListsOfAnotherSigner() throws Exception {
		assertThat(run("verify-pass", "GL1:00")).isEqualTo(64);
		Path trust = Files.writeString(dir.resolve("trust.json"), trust(NOW, ES));
		Path revocations = Files.writeString(dir.resolve("revoked.json"), noRevocations(NOW));
		assertThat(run("verify-pass", "GL1:00", "--trust-list", trust.toString(), "--revocations",
				revocations.toString(), "--list-key", "0000000000000000")).isEqualTo(64);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("not the expected one");
	}

	static String PassToken_sign(java.security.KeyPair pair, UUID id) {
		return org.gridlink.passes.token.PassToken.sign(claims(id, NOW.minusSeconds(60), NOW.plusSeconds(48 * 3600)),
				key(algorithmOf(pair), pair));
	}

	static String[] concat(String first, String code, String[] lists, String... more) {
		List<String> all = new java.util.ArrayList<>(List.of(first, code));
		all.addAll(List.of(lists));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}
}
