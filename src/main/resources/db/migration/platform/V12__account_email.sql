-- An optional e-mail address per account (the notices EMAIL channel), sealed (AES-GCM) like other personal data.
ALTER TABLE app_user ADD COLUMN email_enc VARCHAR(400);
