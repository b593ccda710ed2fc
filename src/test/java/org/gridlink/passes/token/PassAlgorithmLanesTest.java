package org.gridlink.passes.token;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many more threads than verification lanes (twice the cores) check signatures at once: each waits its turn, every
 * good signature verifies and every tampered one fails, for both algorithms.
 */
class PassAlgorithmLanesTest {

	@Test
	void moreThreadsThanLanesAllGetTheRightAnswer() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			for (PassAlgorithm algorithm : PassAlgorithm.values()) {
				KeyPair pair = algorithm.generate();
				AsymmetricKeyParameter privateKey = algorithm.privateKey(pair.getPrivate().getEncoded());
				AsymmetricKeyParameter publicKey = algorithm.publicKey(pair.getPublic().getEncoded());
				byte[] data = ("pass " + algorithm).getBytes(StandardCharsets.UTF_8);
				byte[] signature = algorithm.sign(privateKey, data);
				byte[] tampered = signature.clone();
				tampered[10] ^= 1;
				List<Callable<Boolean>> checks = new ArrayList<>();
				for (int i = 0; i < 200; i++) {
					byte[] sig = i % 2 == 0 ? signature : tampered;
					checks.add(() -> algorithm.verify(publicKey, data, sig));
				}
				List<Future<Boolean>> answers = pool.invokeAll(checks);
				for (int i = 0; i < answers.size(); i++) {
					assertThat(answers.get(i).get()).as("%s check %d", algorithm, i).isEqualTo(i % 2 == 0);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
