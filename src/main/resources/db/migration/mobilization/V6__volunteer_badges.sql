-- The keys that sign volunteers' duty badges (亮身份): ECDSA P-256, the private key sealed with the signing-key ring
-- (platform SigningKeyCipher), the public key as X.509 DER in base64. The newest key signs; every key verifies.
CREATE TABLE volunteer_badge_key
(
  kid             VARCHAR(16)  NOT NULL PRIMARY KEY,
  public_key      VARCHAR(400) NOT NULL,
  private_sealed  VARCHAR(800) NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
