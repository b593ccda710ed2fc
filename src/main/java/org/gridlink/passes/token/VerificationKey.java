package org.gridlink.passes.token;

import java.util.HexFormat;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/** A trusted public key: its 8-byte key id, algorithm and key. */
public record VerificationKey(byte[] kid, PassAlgorithm algorithm, AsymmetricKeyParameter publicKey) {

	/** A key from its SubjectPublicKeyInfo; the key id is derived from it, never taken on trust. */
	public static VerificationKey of(PassAlgorithm algorithm, byte[] spki) {
		return new VerificationKey(PassAlgorithm.keyId(spki), algorithm, algorithm.publicKey(spki));
	}

	public String kidHex() {
		return HexFormat.of().formatHex(kid);
	}
}
