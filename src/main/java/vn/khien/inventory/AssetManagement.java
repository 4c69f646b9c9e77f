package vn.khien.inventory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.importing.AssetIdentity;
import vn.khien.inventory.importing.AssetKind;
import vn.khien.inventory.importing.AssetRecord;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;

/**
 * Assets entered or corrected by hand. The same identity rule as the importers applies,
 * so a host typed in twice is refused rather than duplicated.
 */
@Component
public class AssetManagement {

	/** What a person may set on an asset; text as typed, normalised here. */
	public record AssetDetails(long agencyId, @Nullable Long systemId, AssetKind kind, @Nullable String hostname,
			@Nullable String addresses, @Nullable String mac, @Nullable String os, @Nullable String url) {
	}

	private final JdbcClient jdbc;

	private final Assets assets;

	private final AssetSystems systems;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final vn.khien.registry.Agencies agencies;

	private final CoverageByAgency coverage;

	private final org.springframework.context.ApplicationEventPublisher events;

	AssetManagement(JdbcClient jdbc, Assets assets, AssetSystems systems, CurrentUser currentUser, AuditLog audit,
			vn.khien.registry.Agencies agencies, CoverageByAgency coverage,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.agencies = agencies;
		this.coverage = coverage;
		this.jdbc = jdbc;
		this.assets = assets;
		this.systems = systems;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	@Transactional
	public Asset create(AssetDetails details) {
		checkAgency(details.agencyId());
		AssetRecord record = normalise(details);
		String key = record.identityKey();
		coverage.lock(List.of(details.agencyId()));
		if (assets.idOf(details.agencyId(), key).isPresent()) {
			throw InvalidInputException.conflict(field(record), "asset.duplicate", key.substring(key.indexOf(':') + 1));
		}
		Instant now = Instant.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO asset (agency_id, system_id, kind, identity_key, hostname, addresses, mac, os, url, source,
				  first_seen_at, last_seen_at)
				VALUES (:agency, :system, :kind, :key, :hostname, :addresses, :mac, :os, :url, 'MANUAL', :now, :now)""")
			.param("agency", details.agencyId())
			.param("system", details.systemId())
			.param("kind", record.kind().name())
			.param("key", key)
			.param("hostname", record.hostname())
			.param("addresses", AssetImport.join(record.addresses()))
			.param("mac", record.mac())
			.param("os", record.os())
			.param("url", record.url())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		Asset created = assets.get(keys.getKeyAs(Number.class).longValue());
		// NB: the agency's host counts and coverage follow in this transaction
		coverage.recount(List.of(created.agencyId()));
		audit.record("CREATE", "asset", created.id(), null, created);
		return created;
	}

	/**
	 * A host named elsewhere (an event's host name or address) put in the inventory of an
	 * agency: {@code kind} as the inventory's files spell it, e.g. {@code SERVER}.
	 */
	@Transactional
	public Asset createNamed(long agencyId, @Nullable Long systemId, @Nullable String kind, @Nullable String hostname,
			@Nullable String address) {
		AssetKind parsed;
		try {
			parsed = AssetKind.parse(kind);
		}
		catch (vn.khien.platform.importing.ImportProblem ex) {
			throw new InvalidInputException("kind", "import.row.invalidKind", kind == null ? "" : kind);
		}
		return create(new AssetDetails(agencyId, systemId, parsed, hostname, address, null, null, null));
	}

	@Transactional
	public Asset update(long id, AssetDetails details) {
		Asset before = assets.get(id);
		if (!currentUser.mayEdit(before.agencyId())) {
			throw new NotFoundException("asset", id);
		}
		checkAgency(details.agencyId());
		AssetRecord record = normalise(details);
		before = lockCoverage(id, before, details.agencyId());
		String key = record.identityKey();
		var other = assets.idOf(details.agencyId(), key);
		if (other.isPresent() && other.get() != id) {
			throw InvalidInputException.conflict(field(record), "asset.duplicate", key.substring(key.indexOf(':') + 1));
		}
		jdbc.sql("""
				UPDATE asset SET agency_id = :agency, system_id = :system, kind = :kind, identity_key = :key,
				  hostname = :hostname, addresses = :addresses, mac = :mac, os = :os, url = :url WHERE id = :id""")
			.param("agency", details.agencyId())
			.param("system", details.systemId())
			.param("kind", record.kind().name())
			.param("key", key)
			.param("hostname", record.hostname())
			.param("addresses", AssetImport.join(record.addresses()))
			.param("mac", record.mac())
			.param("os", record.os())
			.param("url", record.url())
			.param("id", id)
			.update();
		Asset after = assets.get(id);
		// a host that moves or changes kind changes the counts (and maybe the coverage)
		// of its agencies
		if (before.agencyId() != after.agencyId() || before.kind() != after.kind()) {
			coverage.recount(List.of(before.agencyId(), after.agencyId()));
		}
		audit.record("UPDATE", "asset", id, before, after);
		if (before.agencyId() != after.agencyId() || !java.util.Objects.equals(before.systemId(), after.systemId())) {
			events.publishEvent(new AssetOwnerChanged(id, after.agencyId(), after.systemId()));
		}
		return after;
	}

	@Transactional
	public void delete(long id) {
		Asset before = assets.get(id);
		if (!currentUser.mayEdit(before.agencyId())) {
			throw new NotFoundException("asset", id);
		}
		before = lockCoverage(id, before, before.agencyId());
		jdbc.sql("DELETE FROM asset WHERE id = :id").param("id", id).update();
		coverage.recount(List.of(before.agencyId()));
		audit.record("DELETE", "asset", id, before, null);
		events.publishEvent(new AssetDeleted(id, before.agencyId(), before.identityKey(), before.hostname()));
	}

	/**
	 * Takes the coverage rows of the asset's agency and of {@code target} before the
	 * asset is written, and reads it again: a merge may have moved it meanwhile, then its
	 * new agency is taken too.
	 */
	private Asset lockCoverage(long id, Asset before, long target) {
		coverage.lock(List.of(before.agencyId(), target));
		Asset now = assets.get(id);
		if (now.agencyId() != before.agencyId() && now.agencyId() != target) {
			coverage.lock(List.of(now.agencyId()));
		}
		return now;
	}

	private static boolean inScope(AssetKind kind) {
		return Coverage.IN_SCOPE_KINDS.contains(kind.name());
	}

	private void checkAgency(long agencyId) {
		if (agencies.find(agencyId).isEmpty() || !currentUser.mayEdit(agencyId)) {
			throw new InvalidInputException("agencyId", "asset.agency.unknown");
		}
	}

	/**
	 * Validates and normalises with the importers' rules; each refusal names its field.
	 */
	private AssetRecord normalise(AssetDetails d) {
		if (d.systemId() != null && !systems.mayHold(d.systemId(), d.agencyId())) {
			throw new InvalidInputException("systemId", "asset.system.unknown");
		}
		String hostname;
		try {
			hostname = AssetIdentity.normaliseHostname(d.hostname());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("hostname", "asset.invalid.hostname", d.hostname());
		}
		List<String> addresses = new ArrayList<>();
		if (d.addresses() != null) {
			var unique = new LinkedHashSet<String>();
			for (String a : d.addresses().split("[,;\\s]+")) {
				if (a.isBlank()) {
					continue;
				}
				try {
					unique.add(AssetIdentity.normaliseAddress(a));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInputException("addresses", "asset.invalid.address", a);
				}
			}
			addresses.addAll(unique);
		}
		if (String.join(" ", addresses).length() > 1000) {
			throw new InvalidInputException("addresses", "asset.invalid.address", "…");
		}
		String mac;
		try {
			mac = AssetIdentity.normaliseMac(d.mac());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("mac", "asset.invalid.mac", d.mac());
		}
		String url = null;
		if (d.url() != null && !d.url().isBlank()) {
			try {
				url = AssetIdentity.normaliseUrl(d.url());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("url", "asset.invalid.url", d.url());
			}
			if (url.length() > 690) {
				throw new InvalidInputException("url", "asset.invalid.url", AssetImport.cut(d.url(), 100));
			}
		}
		if (d.kind() == AssetKind.WEB_PORTAL && url == null) {
			throw new InvalidInputException("url", "asset.missing.url");
		}
		if (d.kind() != AssetKind.WEB_PORTAL && hostname == null && addresses.isEmpty()) {
			throw new InvalidInputException("hostname", "asset.missing.identity");
		}
		String os = d.os() == null || d.os().isBlank() ? null : d.os().strip();
		if (os != null && os.length() > 255) {
			throw new InvalidInputException("os", "asset.invalid.os");
		}
		return new AssetRecord(0, d.kind(), hostname, addresses, mac, os, url, null, List.of());
	}

	private static String field(AssetRecord record) {
		return record.kind() == AssetKind.WEB_PORTAL ? "url" : record.hostname() != null ? "hostname" : "addresses";
	}

}
