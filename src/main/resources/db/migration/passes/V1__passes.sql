-- Passes (通行证) and the keys that sign them. docs/passes.md describes the token and the lists.

-- Signing keys: PASS keys sign pass tokens (one signing at a time per algorithm; older ones still verify until they
-- are withdrawn), the LIST key signs the trust and revocation lists. Private keys are sealed with the platform's
-- PersonalDataCipher (AES-256-GCM, key from configuration).
CREATE TABLE pass_signing_key
(
  kid             VARCHAR(16)  NOT NULL PRIMARY KEY, -- hex of the first 8 bytes of SHA-256 of the public key (SPKI)
  purpose         VARCHAR(8)   NOT NULL,             -- PASS or LIST
  algorithm       VARCHAR(10)  NOT NULL,             -- ES256 or SM2_SM3
  public_key      VARCHAR(400) NOT NULL,             -- base64 SubjectPublicKeyInfo
  private_key     VARCHAR(600) NOT NULL,             -- sealed base64 PKCS#8
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  retired_at      TIMESTAMP WITH TIME ZONE,          -- a newer key signs from then on; this one still verifies
  withdrawn_at    TIMESTAMP WITH TIME ZONE,          -- no longer trusted: its passes fail
  withdrawn_by    VARCHAR(64),
  withdraw_reason VARCHAR(200)
);

CREATE TABLE pass
(
  id            UUID         NOT NULL PRIMARY KEY,  -- random; its 16 bytes are the token's pass id
  district_code VARCHAR(6)   NOT NULL,
  type          VARCHAR(8)   NOT NULL,              -- PERSON or VEHICLE
  holder_sealed VARCHAR(400),                       -- full holder name, sealed (PersonalDataCipher)
  holder_masked VARCHAR(60)  NOT NULL,              -- masked name (person) or plate (vehicle): what the token shows
  plate         VARCHAR(12),
  purpose       VARCHAR(200) NOT NULL,
  zones         VARCHAR(400) NOT NULL,              -- codes separated by spaces, as signed
  valid_from    TIMESTAMP WITH TIME ZONE NOT NULL,
  valid_to      TIMESTAMP WITH TIME ZONE NOT NULL,
  issued_by     VARCHAR(64)  NOT NULL,
  issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  key_id        VARCHAR(16)  NOT NULL,
  code          VARCHAR(2000) NOT NULL,             -- the signed token, to show and print again
  revoked_at    TIMESTAMP WITH TIME ZONE,
  revoked_by    VARCHAR(64),
  revoke_reason VARCHAR(200)
);
CREATE INDEX pass_by_district ON pass (district_code, issued_at);
CREATE INDEX pass_revoked ON pass (revoked_at, valid_to);

-- The zones of each pass, for scope filters by code prefix.
CREATE TABLE pass_zone
(
  pass_id       UUID        NOT NULL,
  district_code VARCHAR(6)  NOT NULL,
  zone_code     VARCHAR(15) NOT NULL,
  PRIMARY KEY (pass_id, zone_code)
);
CREATE INDEX pass_zone_by_code ON pass_zone (zone_code);
