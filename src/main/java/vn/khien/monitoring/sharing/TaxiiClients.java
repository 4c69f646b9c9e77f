package vn.khien.monitoring.sharing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.SecretTokens;
import vn.khien.platform.Sha256;
import vn.khien.platform.stix.Tlp;

/**
 * The TAXII clients, made by the operators, each with a token shown once (only its hash
 * is kept) and the most sensitive TLP it may read.
 */
@Component
public class TaxiiClients {

	/** Tokens start with this, so that a leaked one is recognisable in a scan. */
	static final String PREFIX = "kht_";

	private static final Duration SEEN_EVERY = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	TaxiiClients(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	/** A new client and its token, which is never shown again. */
	public record Created(TaxiiClient client, String token) {
	}

	/** A client as the TAXII server sees it once its token is checked. */
	record Bound(long id, String name, Tlp maxTlp) {
	}

	@Transactional
	public Created create(@Nullable String name, @Nullable String maxTlp) {
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			throw new InvalidInputException("name", "monitoring.taxii.name.required");
		}
		Tlp max = label(maxTlp, "maxTlp");
		String token = SecretTokens.next(PREFIX);
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO taxii_client (name, token_hash, max_tlp, created_at, created_by)
					VALUES (:name, :hash, :tlp, :at, :by)""")
				.param("name", name.strip())
				.param("hash", Sha256.hex(token))
				.param("tlp", max.name())
				.param("at", Timestamp.from(Instant.now()))
				.param("by", currentUser.name())
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.conflict("name", "monitoring.taxii.nameTaken", name.strip());
		}
		long id = keys.getKeyAs(Number.class).longValue();
		TaxiiClient client = get(id);
		audit.record("TAXII_CLIENT_CREATED", "taxii_client", id, null,
				Map.of("name", client.name(), "maxTlp", client.maxTlp()));
		return new Created(client, token);
	}

	@Transactional
	public TaxiiClient disable(long id) {
		TaxiiClient before = get(id);
		jdbc.sql("UPDATE taxii_client SET enabled = FALSE WHERE id = :id").param("id", id).update();
		audit.record("TAXII_CLIENT_DISABLED", "taxii_client", id, Map.of("enabled", before.enabled()),
				Map.of("enabled", false));
		return get(id);
	}

	public TaxiiClient get(long id) {
		return list(id).stream().findFirst().orElseThrow(() -> new NotFoundException("taxii_client", id));
	}

	/** Every client by name (a province shares with a handful). */
	public List<TaxiiClient> list() {
		return list(null);
	}

	private List<TaxiiClient> list(@Nullable Long id) {
		return jdbc
			.sql("SELECT id, name, max_tlp, enabled, created_at, created_by, last_seen_at FROM taxii_client"
					+ (id == null ? "" : " WHERE id = :id") + " ORDER BY name, id LIMIT 1000")
			.params(id == null ? Map.of() : Map.of("id", id))
			.query((rs, n) -> {
				Timestamp seen = rs.getTimestamp("last_seen_at");
				return new TaxiiClient(rs.getLong("id"), rs.getString("name"), Tlp.of(rs.getString("max_tlp")).code(),
						rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
						seen == null ? null : seen.toInstant());
			})
			.list();
	}

	/**
	 * The enabled client a token belongs to, its use noted once a minute; empty for any
	 * other text. Not cached: a disabled client is refused at its next request.
	 */
	Optional<Bound> authenticate(@Nullable String token) {
		if (!SecretTokens.shaped(token, PREFIX)) {
			return Optional.empty();
		}
		Optional<Bound> bound = jdbc
			.sql("SELECT id, name, max_tlp FROM taxii_client WHERE token_hash = :h AND enabled = TRUE")
			.param("h", Sha256.hex(token))
			.query((rs, n) -> new Bound(rs.getLong(1), rs.getString(2), Tlp.of(rs.getString(3))))
			.optional();
		bound.ifPresent(client -> {
			Instant now = Instant.now();
			jdbc.sql("""
					UPDATE taxii_client SET last_seen_at = :now
					WHERE id = :id AND (last_seen_at IS NULL OR last_seen_at < :before)""")
				.param("now", Timestamp.from(now))
				.param("before", Timestamp.from(now.minus(SEEN_EVERY)))
				.param("id", client.id())
				.update();
		});
		return bound;
	}

	/**
	 * clear, green, amber, amber+strict or red, in any case; anything else is refused.
	 */
	static Tlp label(@Nullable String label, String field) {
		if (label == null || label.isBlank()) {
			throw new InvalidInputException(field, "monitoring.tlp.unknown", String.valueOf(label));
		}
		try {
			return Tlp.of(label);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "monitoring.tlp.unknown",
					label.length() > 40 ? label.substring(0, 40) : label);
		}
	}

}
