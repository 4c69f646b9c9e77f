package vn.khien.platform.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.RecordRows;
import vn.khien.platform.SecretBox;

/**
 * At start-up, before the server takes requests: stops when the secret key opens none of
 * the stored TOTP secrets (a wrong key must not go unnoticed), then seals the secrets
 * still stored in clear (enrolled before secrets were sealed), so that after the first
 * start none is readable in the database.
 */
@Component
class TotpSecretsAtRest implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(TotpSecretsAtRest.class);

	private final JdbcClient jdbc;

	private final SignInRecords records;

	private final SecretBox box;

	TotpSecretsAtRest(JdbcClient jdbc, SignInRecords records, SecretBox box) {
		this.jdbc = jdbc;
		this.records = records;
		this.box = box;
	}

	record Stored(long id, String totpSecret) {
	}

	@Override
	public void afterSingletonsInstantiated() {
		checkKey();
		sealPlainSecrets();
	}

	/**
	 * Fails when sealed secrets exist and none opens; when only some do not, names their
	 * accounts, whose sign-in is then refused until an administrator resets their second
	 * factor.
	 */
	void checkKey() {
		List<Stored> sealed = stored().stream().filter(s -> SecretBox.isSealed(s.totpSecret())).toList();
		List<Long> unreadable = sealed.stream().filter(s -> !opens(s)).map(Stored::id).toList();
		if (!sealed.isEmpty() && unreadable.size() == sealed.size()) {
			throw new IllegalStateException("The secret key from " + box.keySource() + " opens none of the "
					+ sealed.size() + " stored TOTP secrets: start Khiên with the key they were sealed with"
					+ " (KHIEN_SECRET_KEY, or secret.key in the data folder). If that key is lost, every user must enrol"
					+ " again: UPDATE app_user SET totp_secret = NULL, totp_enabled = FALSE, totp_last_step = NULL"
					+ " WHERE totp_secret IS NOT NULL");
		}
		if (!unreadable.isEmpty()) {
			log.warn("The TOTP secrets of users {} do not open with the secret key from {}: they were altered or"
					+ " sealed under another key; these users cannot sign in until an administrator resets their"
					+ " second factor", unreadable, box.keySource());
		}
	}

	/** Seals every TOTP secret still stored in clear; returns how many. */
	int sealPlainSecrets() {
		int sealed = 0;
		for (Stored s : stored()) {
			if (!SecretBox.isSealed(s.totpSecret())) {
				// NB: compare-and-set, in case an enrolment writes the row meanwhile
				sealed += jdbc.sql("UPDATE app_user SET totp_secret = :sealed WHERE id = :id AND totp_secret = :plain")
					.param("sealed", records.sealTotp(s.id(), s.totpSecret()))
					.param("id", s.id())
					.param("plain", s.totpSecret())
					.update();
			}
		}
		if (sealed > 0) {
			log.info("Sealed {} TOTP secrets that were stored in clear", sealed);
		}
		return sealed;
	}

	private boolean opens(Stored s) {
		try {
			records.openTotp(s.id(), s.totpSecret());
			return true;
		}
		catch (SecretBox.UnreadableSecret ex) {
			return false;
		}
	}

	private List<Stored> stored() {
		return jdbc.sql("SELECT id, totp_secret FROM app_user WHERE totp_secret IS NOT NULL ORDER BY id")
			.query(RecordRows.of(Stored.class))
			.list();
	}

}
