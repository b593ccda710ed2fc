-- API tokens expire (gridlink.api.token-validity, 90 days by default); tokens made before get 90 days from creation.
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
UPDATE api_token SET expires_at = created_at + INTERVAL '90' DAY;
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
