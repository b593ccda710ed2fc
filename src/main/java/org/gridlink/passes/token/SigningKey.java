package org.gridlink.passes.token;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/** A private key of the key ring, ready to sign: its 8-byte key id, algorithm and key. */
public record SigningKey(byte[] kid, PassAlgorithm algorithm, AsymmetricKeyParameter privateKey) {
}
