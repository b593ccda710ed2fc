package org.gridlink.passes;

import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.gridlink.passes.token.PassAlgorithm;
import org.gridlink.passes.token.PassToken;
import org.gridlink.passes.token.PassVerifier;
import org.gridlink.passes.token.SigningKey;
import org.gridlink.passes.token.VerificationKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process pass verification per second, without Spring or a database. {@code verify}: the whole
 * {@link PassVerifier} path (Base45, CBOR, Bouncy Castle signature check, body, window) for ES256 and SM2 codes.
 * {@code jdkEs256}: the JDK's own {@code SHA256withECDSA} (SunEC) on the same signed bytes, the baseline the issue
 * measured at about 900/s per core. Not a test: run it with {@code bench/passes/run.sh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PassVerifyBenchmark {

	/** A code of each algorithm and a verifier trusting its key. */
	@State(Scope.Thread)
	public static class Codes {

		@Param({ "ES256", "SM2_SM3" })
		public String algorithm;

		String code;
		PassVerifier verifier;
		Instant now;

		@Setup(Level.Trial)
		public void setUp() {
			PassAlgorithm alg = PassAlgorithm.valueOf(algorithm);
			KeyPair pair = alg.generate();
			byte[] spki = pair.getPublic().getEncoded();
			SigningKey key = new SigningKey(PassAlgorithm.keyId(spki), alg,
					alg.privateKey(pair.getPrivate().getEncoded()));
			now = Instant.now();
			code = PassToken.sign(new PassClaims(1, UUID.randomUUID(), PassType.PERSON, "王*明",
					List.of("320819001001001"), now.minusSeconds(60), now.plusSeconds(86_400), "320819"), key);
			VerificationKey trusted = VerificationKey.of(alg, spki);
			Map<String, VerificationKey> keys = Map.of(trusted.kidHex(), trusted);
			verifier = new PassVerifier(EnumSet.allOf(PassAlgorithm.class),
					kid -> keys.get(HexFormat.of().formatHex(kid)), id -> false, null);
			if (!verifier.verify(code, now).valid()) {
				throw new IllegalStateException("the benchmark code does not verify");
			}
		}
	}

	/** The JDK's P-256 (SunEC) on the signed bytes of an ES256 code, DER signature. */
	@State(Scope.Thread)
	public static class Jdk {

		Signature verifier;
		byte[] signed;
		byte[] der;

		@Setup(Level.Trial)
		public void setUp() throws Exception {
			KeyPair pair = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
			signed = new byte[180];
			new java.util.Random(1).nextBytes(signed);
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(pair.getPrivate());
			signer.update(signed);
			der = signer.sign();
			verifier = Signature.getInstance("SHA256withECDSA");
			verifier.initVerify(pair.getPublic());
		}
	}

	@Benchmark
	public Object verify(Codes codes) {
		return codes.verifier.verify(codes.code, codes.now);
	}

	@Benchmark
	public boolean jdkEs256(Jdk jdk) throws Exception {
		jdk.verifier.update(jdk.signed);
		return jdk.verifier.verify(jdk.der);
	}
}
