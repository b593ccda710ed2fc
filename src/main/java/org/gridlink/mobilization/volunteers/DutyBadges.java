package org.gridlink.mobilization.volunteers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gridlink.platform.SigningKeyCipher;
import org.gridlink.shared.Masked;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The duty badge (亮身份): a token {@code GLV1.<payload>.<signature>} (base64url) whose payload names the volunteer,
 * the badge serial and the day it is good for, signed with ECDSA P-256 (SHA256withECDSA). The private key is sealed
 * with the platform's signing-key ring ({@link SigningKeyCipher}), made on first use. A badge verifies only on its
 * day (district time; the badge page shows a new one every day), while the volunteer is APPROVED, and while its serial
 * is the volunteer's current one (revoking or leaving changes it).
 */
@Service
public class DutyBadges {

	static final String PREFIX = "GLV1.";
	static final String KID = "b1";

	/** What a check says: VALID, or why not. */
	public enum Result {
		VALID, EXPIRED, REVOKED, LEFT, NOT_GENUINE
	}

	/** The answer of a check; who only when the signature is genuine. */
	public record Check(Result result, @Nullable String name, @Nullable String community, boolean partyMember,
			@Nullable LocalDate day) {

		public boolean valid() {
			return result == Result.VALID;
		}
	}

	private final JdbcClient jdbc;
	private final SigningKeyCipher sealing;
	private final Volunteers volunteers;
	private final Clock clock;
	private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();
	private volatile @Nullable PrivateKey signing;

	DutyBadges(JdbcClient jdbc, SigningKeyCipher sealing, Volunteers volunteers, Clock clock) {
		this.jdbc = jdbc;
		this.sealing = sealing;
		this.volunteers = volunteers;
		this.clock = clock;
	}

	/** Today's badge token of an approved volunteer; empty when the volunteer may not show one. */
	public Optional<String> todays(Volunteer volunteer) {
		if (volunteer.status() != VolunteerStatus.APPROVED) {
			return Optional.empty();
		}
		int serial = serial(volunteer.id());
		String payload = volunteer.id() + "|" + serial + "|" + LocalDate.now(clock) + "|" + KID;
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(privateKey());
			signer.update(bytes);
			Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
			return Optional.of(PREFIX + b64.encodeToString(bytes) + "." + b64.encodeToString(signer.sign()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("signing a badge failed", ex);
		}
	}

	/** Checks a token as shown by a badge's QR: genuine (signature), current (today, serial) and the volunteer serving. */
	public Check check(@Nullable String token) {
		Check forged = new Check(Result.NOT_GENUINE, null, null, false, null);
		if (token == null || token.length() > 400 || !token.startsWith(PREFIX)) {
			return forged;
		}
		String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
		if (parts.length != 2) {
			return forged;
		}
		try {
			byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
			byte[] signature = Base64.getUrlDecoder().decode(parts[1]);
			String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
			if (fields.length != 4) {
				return forged;
			}
			PublicKey key = publicKey(fields[3]);
			if (key == null) {
				return forged;
			}
			Signature verifier = Signature.getInstance("SHA256withECDSA");
			verifier.initVerify(key);
			verifier.update(payload);
			if (!verifier.verify(signature)) {
				return forged;
			}
			long id = Long.parseLong(fields[0]);
			int serial = Integer.parseInt(fields[1]);
			LocalDate day = LocalDate.parse(fields[2]);
			Volunteer volunteer = volunteers.find(id).orElse(null);
			if (volunteer == null) {
				return forged;
			}
			String name = Masked.name(volunteer.name());
			Result result;
			if (volunteer.status() != VolunteerStatus.APPROVED) {
				result = Result.LEFT;
			}
			else if (serial != serial(id)) {
				result = Result.REVOKED;
			}
			else if (!day.equals(LocalDate.now(clock))) {
				result = Result.EXPIRED;
			}
			else {
				result = Result.VALID;
			}
			return new Check(result, name, volunteer.communityName(), volunteer.partyMember(), day);
		}
		catch (IllegalArgumentException | GeneralSecurityException | java.time.DateTimeException ex) {
			return forged;
		}
	}

	private int serial(long volunteerId) {
		return jdbc.sql("SELECT badge_serial FROM volunteer WHERE id = ?").param(volunteerId).query(Integer.class)
				.single();
	}

	private PrivateKey privateKey() throws GeneralSecurityException {
		PrivateKey key = signing;
		if (key == null) {
			String sealed = jdbc.sql("SELECT private_sealed FROM volunteer_badge_key WHERE kid = ?").param(KID)
					.query(String.class).optional().orElse(null);
			if (sealed == null) {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
				generator.initialize(new ECGenParameterSpec("secp256r1"));
				KeyPair pair = generator.generateKeyPair();
				try {
					jdbc.sql("INSERT INTO volunteer_badge_key (kid, public_key, private_sealed, created_at)"
							+ " VALUES (?, ?, ?, ?)")
							.params(KID, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
									sealing.encrypt(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())),
									clock.instant().atOffset(ZoneOffset.UTC))
							.update();
				}
				catch (DuplicateKeyException ex) {
					// another instance made it first: use theirs
				}
				sealed = jdbc.sql("SELECT private_sealed FROM volunteer_badge_key WHERE kid = ?").param(KID)
						.query(String.class).single();
			}
			key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
					.decode(sealing.decrypt(sealed))));
			signing = key;
		}
		return key;
	}

	private @Nullable PublicKey publicKey(String kid) throws GeneralSecurityException {
		PublicKey known = publicKeys.get(kid);
		if (known != null) {
			return known;
		}
		String encoded = jdbc.sql("SELECT public_key FROM volunteer_badge_key WHERE kid = ?").param(kid)
				.query(String.class).optional().orElse(null);
		if (encoded == null) {
			return null;
		}
		PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
				.decode(encoded)));
		publicKeys.put(kid, key);
		return key;
	}
}
