-- Passwords and the second factor (issue 12).
-- An account whose password an admin reset must change it at its next login before doing anything else.
ALTER TABLE app_user ADD COLUMN password_must_change BOOLEAN DEFAULT FALSE NOT NULL;

-- One TOTP secret per account (RFC 6238), sealed with the personal-data key. confirmed_at is NULL while the user is
-- enrolling (the secret is shown, no code confirmed yet). last_step is the highest time step accepted so far: a code
-- of that step or an earlier one is refused, so a code works once.
CREATE TABLE second_factor
(
  user_id      BIGINT                   NOT NULL PRIMARY KEY REFERENCES app_user (id),
  secret       VARCHAR(200)             NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  confirmed_at TIMESTAMP WITH TIME ZONE,
  last_step    BIGINT DEFAULT 0         NOT NULL
);

-- One-time recovery codes, stored as a keyed hash (HMAC-SHA256 with the lookup key); used_at set when used.
CREATE TABLE second_factor_recovery
(
  user_id   BIGINT                   NOT NULL REFERENCES app_user (id),
  code_hash VARCHAR(64)              NOT NULL,
  used_at   TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (user_id, code_hash)
);

-- Wrong second-factor codes go to the login throttle's table, told apart from wrong passwords.
ALTER TABLE login_failure ADD COLUMN kind VARCHAR(16) DEFAULT 'PASSWORD' NOT NULL;
