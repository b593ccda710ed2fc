package org.gridlink.passes;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridlink.passes.token.ListSigner;
import org.gridlink.passes.token.PassAlgorithm;
import org.gridlink.passes.token.SigningKey;
import org.gridlink.passes.token.VerificationKey;
import org.gridlink.platform.JobClaims;
import org.gridlink.platform.SharedVersions;
import org.gridlink.platform.SigningKeyCipher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The signing keys. On the first start it creates one pass key per algorithm and the list key. A pass key signs new
 * passes until it is {@code rotation} old (90 days by default, checked hourly): then a new key takes over and the
 * old one only verifies, until someone withdraws it, after which its passes fail. Private keys are sealed at rest
 * with {@link SigningKeyCipher} (the pass keys, never the personal-data keys; keys sealed under a data key before the
 * pass keys existed still open, and the key re-encryption job re-seals them). The trusted keys are held in memory and reloaded after every change and every
 * {@code gridlink.passes.key-refresh} (changes made by another instance), so verification needs no query for them;
 * besides, every new or withdrawn key bumps the shared version {@value #VERSION}, which each instance compares every
 * {@code gridlink.passes.key-version-check} (a second), so a key withdrawn on one instance fails everywhere within a
 * second.
 */
@Component
class KeyRing {

	private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
	static final String PASS = "PASS";
	static final String LIST = "LIST";
	static final String ROTATION_JOB = "passes.key-rotation";
	static final String VERSION = "passes.signing-keys";

	private final JdbcClient jdbc;
	private final SigningKeyCipher cipher;
	private final Duration rotation;
	private final Duration listRotation;
	private final Duration listOverlap;
	private final Clock clock;
	private final JobClaims claims;
	private final Duration rotationCheck;
	private final SharedVersions versions;
	private final SharedVersions.Watch keyChanges;
	private volatile @Nullable Snapshot snapshot;
	private volatile long lastMissReload = System.nanoTime() - 10_000_000_000L;

	KeyRing(JdbcClient jdbc, SigningKeyCipher cipher,
			@Value("${gridlink.passes.key-rotation:P90D}") Duration rotation,
			@Value("${gridlink.passes.list-key-rotation:P365D}") Duration listRotation,
			@Value("${gridlink.passes.list-key-overlap:P14D}") Duration listOverlap, Clock clock, JobClaims claims,
			@Value("${gridlink.passes.rotation-check:PT1H}") Duration rotationCheck, SharedVersions versions,
			@Value("${gridlink.passes.key-version-check:PT1S}") Duration versionCheck) {
		this.versions = versions;
		this.keyChanges = versions.watch(VERSION, versionCheck);
		this.claims = claims;
		this.rotationCheck = rotationCheck;
		this.clock = clock;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.rotation = rotation;
		this.listRotation = listRotation;
		this.listOverlap = listOverlap;
	}

	/** A stored key as listed to administrators (no private part). */
	record KeyRow(String kid, String purpose, PassAlgorithm algorithm, String publicKey, OffsetDateTime createdAt,
			@Nullable OffsetDateTime retiredAt, @Nullable OffsetDateTime withdrawnAt, @Nullable String withdrawReason) {
	}

	private record Snapshot(Map<String, VerificationKey> trusted, Map<PassAlgorithm, SigningKey> signing,
			Map<String, byte[]> spki, List<ListKey> listKeys) {
	}

	/** A list key: it signs the lists from its creation until {@code retiredAt} (null: no successor yet). */
	private record ListKey(SigningKey key, byte[] spki, Instant createdAt, @Nullable Instant retiredAt) {

		boolean signsAt(Instant at) {
			return retiredAt == null || retiredAt.isAfter(at);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		snapshot();
	}

	/** The key that signs new passes with this algorithm. */
	SigningKey signing(PassAlgorithm algorithm) {
		return snapshot().signing().get(algorithm);
	}

	/** A trusted (not withdrawn) pass key by its 8-byte id; reloads once when unknown (another instance's new key). */
	@Nullable VerificationKey find(byte[] kid) {
		String hex = HexFormat.of().formatHex(kid);
		VerificationKey key = snapshot().trusted().get(hex);
		long now = System.nanoTime();
		if (key == null && now - lastMissReload > 5_000_000_000L) {
			lastMissReload = now;
			key = reload().trusted().get(hex);
		}
		return key;
	}

	/** Trusted pass keys with their SubjectPublicKeyInfo, for the trust list. */
	Map<String, byte[]> trustedSpki() {
		return snapshot().spki();
	}

	Map<String, VerificationKey> trusted() {
		return snapshot().trusted();
	}

	SigningKey listKey() {
		return listSigner(clock.instant()).key();
	}

	byte[] listKeySpki() {
		return listSigner(clock.instant()).spki();
	}

	/**
	 * The list key that signs at {@code at} (the oldest one not yet retired then) and, while a rotation is under way,
	 * its successor with the time it takes over.
	 */
	ListSigner listSigner(Instant at) {
		List<ListKey> keys = snapshot().listKeys();
		for (int i = 0; i < keys.size(); i++) {
			ListKey key = keys.get(i);
			if (key.signsAt(at)) {
				ListSigner.Next next = null;
				if (i + 1 < keys.size() && key.retiredAt() != null) {
					ListKey successor = keys.get(i + 1);
					next = new ListSigner.Next(HexFormat.of().formatHex(successor.key().kid()), successor.spki(),
							key.retiredAt());
				}
				return new ListSigner(key.key(), key.spki(), next);
			}
		}
		ListKey newest = keys.get(keys.size() - 1);
		return new ListSigner(newest.key(), newest.spki(), null);
	}

	/**
	 * Starts a rotation of the list key: a new list key is made now and announced in every list the current key
	 * signs until {@code now + overlap}; from then on the new key signs. Answers the new key's id, or null when a
	 * rotation is already under way.
	 */
	synchronized @Nullable String rotateList(Instant now, Duration overlap) {
		// The key without a successor gets one, unless a rotation is under way. Two instances rotating at once: the
		// second's update waits for the first's row lock and then finds no key without a successor, or finds the
		// announced one, and updates nothing.
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		int updated = jdbc.sql("""
				UPDATE pass_signing_key SET retired_at = ?
				WHERE purpose = 'LIST' AND withdrawn_at IS NULL AND retired_at IS NULL AND NOT EXISTS (
				  SELECT 1 FROM pass_signing_key o WHERE o.purpose = 'LIST' AND o.withdrawn_at IS NULL AND o.retired_at > ?)""")
				.params(now.plus(overlap).atOffset(ZoneOffset.UTC), at).update();
		if (updated != 1) {
			reload();
			return null;
		}
		String kid = insert(LIST, PassAlgorithm.ES256, at);
		reload();
		log.info("List key {} announced; it signs the lists from {}", kid, now.plus(overlap));
		return kid;
	}

	/** When the list key that signs at {@code at} was made (for the scheduled rotation). */
	Instant listKeyCreated(Instant at) {
		List<ListKey> keys = snapshot().listKeys();
		return keys.stream().filter(k -> k.signsAt(at)).findFirst().orElse(keys.get(keys.size() - 1)).createdAt();
	}

	/** True while a list key rotation is under way at {@code at} (a successor is announced, not yet signing). */
	boolean listRotationPending(Instant at) {
		return listSigner(at).next() != null;
	}

	List<KeyRow> rows() {
		return jdbc.sql("""
				SELECT kid, purpose, algorithm, public_key, created_at, retired_at, withdrawn_at, withdraw_reason
				FROM pass_signing_key ORDER BY created_at DESC, kid""")
				.query((rs, n) -> new KeyRow(rs.getString("kid"), rs.getString("purpose"),
						PassAlgorithm.valueOf(rs.getString("algorithm")), rs.getString("public_key"),
						rs.getObject("created_at", OffsetDateTime.class), rs.getObject("retired_at", OffsetDateTime.class),
						rs.getObject("withdrawn_at", OffsetDateTime.class), rs.getString("withdraw_reason")))
				.list();
	}

	Optional<KeyRow> row(String kid) {
		return rows().stream().filter(r -> r.kid().equals(kid)).findFirst();
	}

	/** Creates a new pass key for the algorithm, which signs from now on; the previous ones only verify. */
	synchronized String rotate(PassAlgorithm algorithm) {
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				UPDATE pass_signing_key SET retired_at = ?
				WHERE purpose = 'PASS' AND algorithm = ? AND retired_at IS NULL""")
				.params(now, algorithm.name()).update();
		String kid = insert(PASS, algorithm, now);
		reload();
		log.info("Pass key {} ({}) now signs new passes", kid, algorithm);
		return kid;
	}

	/** Withdraws a pass key: passes it signed fail verification from now on. False when unknown or withdrawn. */
	synchronized boolean withdraw(String kid, String by, String reason) {
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		int updated = jdbc.sql("""
				UPDATE pass_signing_key SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ?, retired_at =
				COALESCE(retired_at, ?) WHERE kid = ? AND purpose = 'PASS' AND withdrawn_at IS NULL""")
				.params(now, by, reason, now, kid)
				.update();
		if (updated > 0) {
			versions.bump(VERSION);
			reload(); // an algorithm left without a signing key gets a new one
		}
		return updated > 0;
	}

	/**
	 * Rotates every algorithm whose signing key is older than the rotation period. On several instances each check's
	 * run is claimed once ({@link JobClaims}, job {@value #ROTATION_JOB}), so two instances never rotate one key at
	 * the same moment (which would make two new keys, one of them retired at once); the others see the new keys at
	 * their next {@link #refresh}.
	 */
	@Scheduled(initialDelayString = "${gridlink.passes.rotation-check:PT1H}",
			fixedDelayString = "${gridlink.passes.rotation-check:PT1H}")
	void rotateDue() {
		Instant now = clock.instant();
		if (claims.claim(ROTATION_JOB, rotationCheck, now)) {
			rotateDue(now);
			rotateListDue(now);
		}
	}

	/**
	 * Starts a list key rotation when the list key that signs now is older than {@code gridlink.passes.list-key-rotation}
	 * (a year) and none is under way. Returns the announced key's id, or null.
	 */
	@Nullable String rotateListDue(Instant now) {
		if (listRotationPending(now) || listKeyCreated(now).plus(listRotation).isAfter(now)) {
			return null;
		}
		return rotateList(now, listOverlap);
	}

	Duration listOverlap() {
		return listOverlap;
	}

	/** Same, as if it were {@code now} (tests). Returns how many keys were rotated. */
	synchronized int rotateDue(Instant now) {
		int rotated = 0;
		for (PassAlgorithm algorithm : PassAlgorithm.values()) {
			OffsetDateTime created = jdbc.sql("""
					SELECT MAX(created_at) FROM pass_signing_key
					WHERE purpose = 'PASS' AND algorithm = ? AND retired_at IS NULL AND withdrawn_at IS NULL""")
					.param(algorithm.name()).query(OffsetDateTime.class).optional().orElse(null);
			if (created == null || !created.toInstant().plus(rotation).isAfter(now)) {
				rotate(algorithm);
				rotated++;
			}
		}
		return rotated;
	}

	@Scheduled(initialDelayString = "${gridlink.passes.key-refresh:PT30S}",
			fixedDelayString = "${gridlink.passes.key-refresh:PT30S}")
	void refresh() {
		reload();
	}

	private Snapshot snapshot() {
		if (keyChanges.changed()) {
			return reload(); // a key made or withdrawn on another instance
		}
		Snapshot current = snapshot;
		return current != null ? current : reload();
	}

	/** Reads the keys, creating what is missing (first start, or an algorithm whose key was withdrawn). */
	synchronized Snapshot reload() {
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		for (PassAlgorithm algorithm : PassAlgorithm.values()) {
			if (count("purpose = 'PASS' AND algorithm = '" + algorithm.name()
					+ "' AND retired_at IS NULL AND withdrawn_at IS NULL") == 0) {
				insert(PASS, algorithm, now);
			}
		}
		if (count("purpose = 'LIST' AND withdrawn_at IS NULL") == 0) {
			insert(LIST, PassAlgorithm.ES256, now);
		}
		Map<String, VerificationKey> trusted = new HashMap<>();
		Map<String, byte[]> spki = new HashMap<>();
		Map<PassAlgorithm, SigningKey> signing = new HashMap<>();
		List<ListKey> listKeys = new java.util.ArrayList<>();
		jdbc.sql("""
				SELECT kid, purpose, algorithm, public_key, private_key, created_at, retired_at FROM pass_signing_key
				WHERE withdrawn_at IS NULL ORDER BY created_at, kid""").query(rs -> {
			PassAlgorithm algorithm = PassAlgorithm.valueOf(rs.getString("algorithm"));
			byte[] publicKey = Base64.getDecoder().decode(rs.getString("public_key"));
			boolean signs = rs.getObject("retired_at") == null;
			if (PASS.equals(rs.getString("purpose"))) {
				VerificationKey key = VerificationKey.of(algorithm, publicKey);
				trusted.put(key.kidHex(), key);
				spki.put(key.kidHex(), publicKey);
				if (signs) {
					signing.put(algorithm, unseal(rs.getString("private_key"), algorithm, key.kid()));
				}
			}
			else {
				OffsetDateTime retired = rs.getObject("retired_at", OffsetDateTime.class);
				listKeys.add(new ListKey(unseal(rs.getString("private_key"), algorithm, PassAlgorithm.keyId(publicKey)),
						publicKey, rs.getObject("created_at", OffsetDateTime.class).toInstant(),
						retired == null ? null : retired.toInstant()));
			}
		});
		Snapshot loaded = new Snapshot(Map.copyOf(trusted), Map.copyOf(signing), Map.copyOf(spki),
				List.copyOf(listKeys));
		snapshot = loaded;
		return loaded;
	}

	private long count(String where) {
		return jdbc.sql("SELECT COUNT(*) FROM pass_signing_key WHERE " + where).query(Long.class).single();
	}

	private SigningKey unseal(String sealed, PassAlgorithm algorithm, byte[] kid) {
		return new SigningKey(kid, algorithm,
				algorithm.privateKey(Base64.getDecoder().decode(cipher.decrypt(sealed))));
	}

	private String insert(String purpose, PassAlgorithm algorithm, OffsetDateTime now) {
		KeyPair pair = algorithm.generate();
		byte[] spki = pair.getPublic().getEncoded();
		String kid = HexFormat.of().formatHex(PassAlgorithm.keyId(spki));
		jdbc.sql("""
				INSERT INTO pass_signing_key (kid, purpose, algorithm, public_key, private_key, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
				.params(kid, purpose, algorithm.name(), Base64.getEncoder().encodeToString(spki),
						cipher.encrypt(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())), now)
				.update();
		versions.bump(VERSION);
		return kid;
	}
}
