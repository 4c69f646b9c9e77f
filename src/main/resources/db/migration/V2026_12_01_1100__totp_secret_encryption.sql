-- TOTP secrets are stored sealed (module: platform, SecretBox): "v1:" + base64 of IV, ciphertext and tag, 83 characters
ALTER TABLE app_user ALTER COLUMN totp_secret SET DATA TYPE VARCHAR(255);
