package org.gridlink.passes.token;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The signature algorithms of pass tokens and signed lists, both with 64-byte signatures {@code r || s} (as COSE and
 * WebCrypto use them): ECDSA on P-256 with SHA-256 (ES256, COSE algorithm -7) and SM2 with SM3 (GB/T 32918, default
 * user id {@code 1234567812345678}), for which COSE has no registered number and GridLink uses the private-use value
 * -65601. Signing and verifying use Bouncy Castle's lightweight API, several times faster than the JDK's P-256.
 */
public enum PassAlgorithm {

	ES256(-7, "secp256r1"), SM2_SM3(-65601, "sm2p256v1");

	private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
	private static final SecureRandom RANDOM = new SecureRandom();

	/*
	 * Two locks that every verifying thread took, found with JFR under bench/passes (64 connections): Bouncy Castle
	 * blinds each field inversion (ECPoint.normalize) with random numbers from CryptoServicesRegistrar, by default a
	 * SecureRandom behind one global lock (NativePRNG); and it synchronizes on the curve's generator point and on the
	 * public key point to look up their precomputed multiples. So: a DRBG per thread for that blinding, and per
	 * verification lane (below) a copy of each public key with its own points (the precomputation is then made once
	 * per lane).
	 */
	private static final ThreadLocal<SecureRandom> THREAD_RANDOM = ThreadLocal.withInitial(() -> {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			return new SecureRandom();
		}
	});
	private static final ThreadLocal<Map<AsymmetricKeyParameter, AsymmetricKeyParameter>> OWN_KEYS = ThreadLocal
			.withInitial(WeakHashMap::new);

	/*
	 * How many signature checks run at once, each in a lane with its own copies of the keys (issue 11). With one copy
	 * per thread, 64 request threads on 2 cores each kept their own precomputed point tables and all ran at once, so the
	 * cores switched between 64 working sets; a few lanes (twice the cores by default) keep a few warm copies and make
	 * the other threads wait their turn. The system property gridlink.passes.verify-lanes sets the number; 0 keeps the
	 * old way (a copy per thread, no bound).
	 */
	private static final int LANES = Integer.getInteger("gridlink.passes.verify-lanes",
			2 * Runtime.getRuntime().availableProcessors());
	private static final BlockingQueue<Map<AsymmetricKeyParameter, AsymmetricKeyParameter>> FREE_LANES = lanes(LANES);

	private static BlockingQueue<Map<AsymmetricKeyParameter, AsymmetricKeyParameter>> lanes(int count) {
		if (count <= 0) {
			return new ArrayBlockingQueue<>(1);
		}
		BlockingQueue<Map<AsymmetricKeyParameter, AsymmetricKeyParameter>> lanes = new ArrayBlockingQueue<>(count);
		for (int i = 0; i < count; i++) {
			lanes.add(new WeakHashMap<>());
		}
		return lanes;
	}

	static {
		if (!CryptoServicesRegistrar.isSecureRandomSpecified()) {
			CryptoServicesRegistrar.setSecureRandomProvider(THREAD_RANDOM::get);
		}
	}

	private final int coseId;
	private final String curve;

	PassAlgorithm(int coseId, String curve) {
		this.coseId = coseId;
		this.curve = curve;
	}

	/** The number in the protected header (COSE label 1). */
	public int coseId() {
		return coseId;
	}

	public static Optional<PassAlgorithm> ofCose(long id) {
		return Arrays.stream(values()).filter(a -> a.coseId == id).findFirst();
	}

	/** A new key pair; its public key encodes as SubjectPublicKeyInfo, its private key as PKCS#8. */
	public KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
			generator.initialize(new ECGenParameterSpec(curve), RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate a " + this + " key", ex);
		}
	}

	/** Parses a SubjectPublicKeyInfo of this algorithm's curve; fails on another curve or a malformed key. */
	public AsymmetricKeyParameter publicKey(byte[] spki) {
		try {
			AsymmetricKeyParameter key = PublicKeyFactory.createKey(spki);
			if (!(key instanceof ECPublicKeyParameters ec) || !ec.getParameters().getCurve()
					.equals(org.bouncycastle.asn1.x9.ECNamedCurveTable.getByName(curve).getCurve())) {
				throw new IllegalArgumentException("Not a " + curve + " public key");
			}
			return key;
		}
		catch (java.io.IOException | RuntimeException ex) {
			throw new IllegalArgumentException("Malformed public key", ex);
		}
	}

	/** Parses a PKCS#8 private key. */
	public AsymmetricKeyParameter privateKey(byte[] pkcs8) {
		try {
			return PrivateKeyFactory.createKey(pkcs8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalArgumentException("Malformed private key", ex);
		}
	}

	/** The 64-byte signature {@code r || s} of {@code data}. */
	public byte[] sign(AsymmetricKeyParameter privateKey, byte[] data) {
		Signer signer = signer(true);
		signer.init(true, this == SM2_SM3 ? new ParametersWithRandom(privateKey, RANDOM) : privateKey);
		signer.update(data, 0, data.length);
		try {
			return signer.generateSignature();
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("Signing failed", ex);
		}
	}

	/** True when {@code signature} ({@code r || s}, 64 bytes) is this algorithm's signature of {@code data}. */
	public boolean verify(AsymmetricKeyParameter publicKey, byte[] data, byte[] signature) {
		if (signature.length != 64) {
			return false;
		}
		if (LANES <= 0) {
			return verify(OWN_KEYS.get(), publicKey, data, signature);
		}
		Map<AsymmetricKeyParameter, AsymmetricKeyParameter> lane;
		try {
			lane = FREE_LANES.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to verify a signature", ex);
		}
		try {
			return verify(lane, publicKey, data, signature);
		}
		finally {
			FREE_LANES.add(lane);
		}
	}

	private boolean verify(Map<AsymmetricKeyParameter, AsymmetricKeyParameter> ownKeys, AsymmetricKeyParameter publicKey,
			byte[] data, byte[] signature) {
		try {
			Signer signer = signer(false);
			signer.init(false, ownKeys.computeIfAbsent(publicKey, PassAlgorithm::ownCopy));
			signer.update(data, 0, data.length);
			return signer.verifySignature(signature);
		}
		catch (RuntimeException ex) { // e.g. a key of the other curve
			return false;
		}
	}

	/** The same public key on points of its own (see above); keys of other kinds as they are. */
	private static AsymmetricKeyParameter ownCopy(AsymmetricKeyParameter key) {
		if (!(key instanceof ECPublicKeyParameters ec)) {
			return key;
		}
		ECDomainParameters domain = ec.getParameters();
		ECCurve curve = domain.getCurve();
		ECPoint g = domain.getG().normalize();
		ECPoint q = ec.getQ().normalize();
		ECPoint ownG = curve.createPoint(g.getAffineXCoord().toBigInteger(), g.getAffineYCoord().toBigInteger());
		ECPoint ownQ = curve.createPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
		return new ECPublicKeyParameters(ownQ, new ECDomainParameters(curve, ownG, domain.getN(), domain.getH(),
				domain.getSeed()));
	}

	private Signer signer(boolean signing) {
		return switch (this) {
			case ES256 -> new DSADigestSigner(
					signing ? new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())) : new ECDSASigner(),
					new SHA256Digest(), PlainDSAEncoding.INSTANCE);
			case SM2_SM3 -> new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
		};
	}

	/** The key id: the first 8 bytes of SHA-256 of the public key's SubjectPublicKeyInfo. */
	public static byte[] keyId(byte[] spki) {
		try {
			return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(spki), 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
