package vn.khien.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.inventory.importing.AssetRecord;
import vn.khien.inventory.importing.AssetTableParser;
import vn.khien.inventory.importing.NmapXmlParser;
import vn.khien.inventory.importing.OpenPort;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.FileStore;
import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportJob.Problem;
import vn.khien.platform.ImportJobs;
import vn.khien.platform.ImportKind;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.TableStatistics;
import vn.khien.platform.importing.ImportProblem;
import vn.khien.platform.importing.ParseResult;
import vn.khien.platform.importing.TableFormat;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * Bulk import of assets from CSV, XLSX or Nmap XML, as an import job. Every record is
 * recognised by the one identity rule within the agency, so re-importing a file updates
 * what it already created. A file with any problem writes nothing.
 */
@Component
public class AssetImport {

	public static final String KIND = "assets";

	public static final String MODULE = "inventory";

	/** Largest upload accepted through the API and the page. */
	public static final long MAX_BYTES = 200L * 1024 * 1024;

	static final int BATCH = 1000;

	/**
	 * How long "last seen" may lag: an unchanged host is written again only once this has
	 * passed.
	 */
	static final java.time.Duration SEEN_AGAIN_AFTER = java.time.Duration.ofDays(1);

	public enum Format {

		CSV, XLSX, NMAP;

		static Optional<Format> parse(@Nullable String text) {
			if (text == null || text.isBlank()) {
				return Optional.empty();
			}
			try {
				return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("format", "import.format.unknown", text);
			}
		}

	}

	private final Agencies agencies;

	private final AssetSystems systems;

	private final CurrentUser currentUser;

	private final FileStore files;

	private final ImportJobs jobs;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AuditLog audit;

	private final CoverageByAgency coverage;

	private final TableStatistics statistics;

	AssetImport(Agencies agencies, AssetSystems systems, CurrentUser currentUser, FileStore files, ImportJobs jobs,
			JdbcClient jdbc, JdbcTemplate template, AuditLog audit, CoverageByAgency coverage,
			TableStatistics statistics) {
		this.coverage = coverage;
		this.statistics = statistics;
		this.agencies = agencies;
		this.systems = systems;
		this.currentUser = currentUser;
		this.files = files;
		this.jobs = jobs;
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
	}

	/**
	 * Keeps the upload, then queues its import. {@code agency} and {@code system} are ids
	 * or codes; an agency out of the caller's reach answers 404 like a missing one.
	 */
	public ImportJob submit(InputStream in, String filename, @Nullable String contentType, @Nullable String agency,
			@Nullable String system, @Nullable String format, boolean dryRun) {
		return submit(in, filename, contentType, agency, system, format, dryRun, MAX_BYTES);
	}

	ImportJob submit(InputStream in, String filename, @Nullable String contentType, @Nullable String agency,
			@Nullable String system, @Nullable String format, boolean dryRun, long maxBytes) {
		Agency owner = resolveAgency(agency);
		Long systemId = null;
		if (system != null && !system.isBlank()) {
			systemId = systems.resolve(system, owner.id())
				.orElseThrow(() -> new InvalidInputException("system", "import.system.unknown", system));
		}
		Optional<Format> declared = Format.parse(format);
		FileStore.StoredFile file = files.storeFor(owner.id(), in, filename, contentType, maxBytes);
		Format detected = declared.orElseGet(() -> detect(file));
		return jobs.submit(KIND, file, owner.id(), systemId, detected.name(), dryRun);
	}

	private Agency resolveAgency(@Nullable String agency) {
		if (agency == null || agency.isBlank()) {
			throw new InvalidInputException("agency", "import.agency.required");
		}
		Agency owner = agencies.resolve(agency);
		if (!currentUser.mayEdit(owner.id())) {
			throw new NotFoundException("agency", agency);
		}
		return owner;
	}

	/**
	 * From the file name's extension, else from the first bytes: a zip is a workbook,
	 * markup is Nmap.
	 */
	Format detect(FileStore.StoredFile file) {
		String name = file.filename().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv")) {
			return Format.CSV;
		}
		if (name.endsWith(".xlsx")) {
			return Format.XLSX;
		}
		if (name.endsWith(".xml")) {
			return Format.NMAP;
		}
		try (InputStream in = files.open(file)) {
			byte[] head = in.readNBytes(64);
			if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
				return Format.XLSX;
			}
			for (byte b : head) {
				if (b == '<') {
					return Format.NMAP;
				}
				if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
					break;
				}
			}
			return Format.CSV;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Configuration
	static class Registration {

		@Bean
		ImportKind assetImportKind(AssetImport assetImport) {
			return new ImportKind(KIND, MODULE, assetImport::processor);
		}

	}

	ImportJob.Processor processor(ImportJob job) {
		return run -> new Work(run).execute();
	}

	/** One run of the import: reads the file, checks every record, writes in batches. */
	private final class Work {

		private final ImportJob.Run run;

		private final long agencyId;

		private final Format format;

		private final Instant now = Instant.now();

		private final List<Problem> problems = new ArrayList<>();

		private final List<AssetRecord> batch = new ArrayList<>(BATCH);

		private final Map<String, Optional<Long>> systemsByCode = new HashMap<>();

		private final Map<String, Integer> seen = new HashMap<>();

		private final TableStatistics.Growth assetGrowth = statistics.growth("asset");

		private long parsed;

		private long created;

		private long updated;

		private long unchanged;

		/**
		 * Whether this run holds the agency's coverage row: taken before the first write.
		 */
		private boolean writing;

		Work(ImportJob.Run run) {
			this.run = run;
			this.agencyId = Objects.requireNonNull(run.job().agencyId());
			this.format = Format.valueOf(Objects.requireNonNull(run.job().format()));
		}

		Map<String, Long> execute() throws IOException {
			if (!currentUser.mayEdit(agencyId)) {
				throw new ImportJob.Failure(Problem.of("import.agency.unknown", null, agencyId));
			}
			ParseResult<AssetRecord> result = null;
			try (InputStream in = run.open()) {
				result = switch (format) {
					case CSV -> new AssetTableParser().parseCollecting(in, TableFormat.CSV, this::accept);
					case XLSX -> new AssetTableParser().parseCollecting(in, TableFormat.XLSX, this::accept);
					case NMAP -> {
						new NmapXmlParser().parse(in, this::accept);
						yield null;
					}
				};
			}
			catch (ImportProblem problem) {
				problems.add(0, problem(problem));
			}
			if (result != null) {
				result.problems().forEach(p -> problems.add(problem(p)));
			}
			if (!problems.isEmpty()) {
				problems.sort(Comparator.comparingLong(AssetImport::position));
				throw new ImportJob.Failure(problems.get(0), problems,
						Map.of("parsed", parsed, "problems", (long) problems.size()
								+ (result == null ? 0 : result.problemCount() - result.problems().size())));
			}
			flush();
			if (writing) {
				// hosts created, or changed kind: the agency's coverage counts them in
				// the same transaction
				coverage.recount(List.of(agencyId));
			}
			run.progress(parsed);
			Map<String, Long> counts = new LinkedHashMap<>();
			counts.put("parsed", parsed);
			counts.put("created", created);
			counts.put("updated", updated);
			counts.put("unchanged", unchanged);
			if (!run.job().dryRun()) {
				audit.record("IMPORT", "asset_import", run.job().id(), null,
						Map.of("agencyId", agencyId, "file", run.file().filename(), "counts", counts));
			}
			return counts;
		}

		private void accept(AssetRecord record) {
			parsed++;
			if (parsed % 1000 == 0) {
				run.progress(parsed);
			}
			String location = format == Format.NMAP ? "element:host[" + record.line() + "]" : "line:" + record.line();
			if (record.identityKey().length() > 700) {
				problems.add(Problem.of("import.row.invalidUrl", location, cut(record.url(), 100)));
				return;
			}
			if (format == Format.NMAP) {
				// The CSV/XLSX readers already refuse repeated identities; Nmap output is
				// checked here.
				String key = record.identityKey();
				Integer first = seen.putIfAbsent(key, record.line());
				if (first != null) {
					problems
						.add(Problem.of("import.row.duplicate", location, key.substring(key.indexOf(':') + 1), first));
					return;
				}
			}
			if (record.systemCode() != null && !record.systemCode().isBlank() && systemOf(record).isEmpty()) {
				problems.add(Problem.of("import.row.unknownSystem", location, record.systemCode()));
				return;
			}
			if (!problems.isEmpty()) {
				return; // nothing will be written: only keep looking for problems
			}
			batch.add(record);
			if (batch.size() >= BATCH) {
				flush();
			}
		}

		private Optional<Long> systemOf(AssetRecord record) {
			String code = record.systemCode();
			if (code == null || code.isBlank()) {
				return Optional.ofNullable(run.job().systemId());
			}
			return systemsByCode.computeIfAbsent(code.trim(), c -> systems.resolve(c, agencyId));
		}

		private void flush() {
			if (batch.isEmpty()) {
				return;
			}
			if (!writing) {
				// NB: before reading the agency's hosts, so a coverage import of the same
				// agency is either done or waits
				coverage.lock(List.of(agencyId));
				writing = true;
			}
			Map<String, AssetRecord> byKey = new LinkedHashMap<>();
			for (AssetRecord r : batch) {
				byKey.put(r.identityKey(), r);
			}
			Map<String, Stored> existing = new HashMap<>();
			Map<String, Instant> lastSeen = new HashMap<>();
			jdbc.sql("""
					SELECT id, identity_key, kind, hostname, addresses, mac, os, url, system_id, last_seen_at FROM asset
					WHERE agency_id = :agency AND identity_key IN (:keys)""")
				.param("agency", agencyId)
				.param("keys", new ArrayList<>(byKey.keySet()))
				.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					var stored = new Stored(rs.getLong("id"), rs.getString("identity_key"), rs.getString("kind"),
							rs.getString("hostname"), rs.getString("addresses"), rs.getString("mac"),
							rs.getString("os"), rs.getString("url"), rs.getObject("system_id", Long.class));
					existing.put(stored.key, stored);
					lastSeen.put(stored.key, rs.getTimestamp("last_seen_at").toInstant());
				});
			Map<Long, Set<OpenPort>> oldPorts = portsOf(existing.values().stream().map(Stored::id).toList());
			Timestamp at = Timestamp.from(now);
			String source = format.name();
			List<Object[]> inserts = new ArrayList<>();
			List<Object[]> updates = new ArrayList<>();
			List<Long> touches = new ArrayList<>();
			Map<String, AssetRecord> portsToWrite = new LinkedHashMap<>();
			for (var e : byKey.entrySet()) {
				AssetRecord r = e.getValue();
				Stored old = existing.get(e.getKey());
				Long system = systemOf(r).orElse(null);
				if (old == null) {
					inserts.add(new Object[] { agencyId, system, r.kind().name(), e.getKey(), r.hostname(),
							join(r.addresses()), r.mac(), cut(r.os(), 255), r.url(), source, at, at });
					created++;
					if (!r.ports().isEmpty()) {
						portsToWrite.put(e.getKey(), r);
					}
					continue;
				}
				Stored merged = old.merge(r, system, format == Format.NMAP);
				boolean portsChanged = !r.ports().isEmpty()
						&& !new HashSet<>(r.ports()).equals(oldPorts.getOrDefault(old.id, Set.of()));
				if (portsChanged) {
					portsToWrite.put(e.getKey(), r);
				}
				if (!merged.equals(old)) {
					updates.add(new Object[] { merged.kind, merged.hostname, merged.addresses, merged.mac, merged.os,
							merged.url, merged.systemId, source, at, old.id });
					updated++;
				}
				else {
					// NB: an unchanged host seen within the day is not rewritten: "last
					// seen" is kept to the day
					if (lastSeen.get(e.getKey()).isBefore(now.minus(SEEN_AGAIN_AFTER))) {
						touches.add(old.id);
					}
					if (portsChanged) {
						updated++;
					}
					else {
						unchanged++;
					}
				}
			}
			if (!inserts.isEmpty()) {
				template.batchUpdate("""
						INSERT INTO asset (agency_id, system_id, kind, identity_key, hostname, addresses, mac, os, url,
						  source, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
				assetGrowth.wrote(inserts.size());
			}
			if (!updates.isEmpty()) {
				template.batchUpdate("""
						UPDATE asset SET kind = ?, hostname = ?, addresses = ?, mac = ?, os = ?, url = ?, system_id = ?,
						  source = ?, last_seen_at = ? WHERE id = ?""", updates);
			}
			if (!touches.isEmpty()) {
				// One statement per batch: unchanged assets only need to say they were
				// seen again
				jdbc.sql("UPDATE asset SET last_seen_at = :at WHERE id IN (:ids)")
					.param("at", at)
					.param("ids", touches)
					.update();
			}
			if (!portsToWrite.isEmpty()) {
				writePorts(portsToWrite, existing);
			}
			batch.clear();
		}

		private void writePorts(Map<String, AssetRecord> records, Map<String, Stored> existing) {
			Map<String, Long> ids = new HashMap<>();
			existing.forEach((k, s) -> ids.put(k, s.id));
			List<String> missing = records.keySet().stream().filter(k -> !ids.containsKey(k)).toList();
			if (!missing.isEmpty()) {
				jdbc.sql("SELECT id, identity_key FROM asset WHERE agency_id = :agency AND identity_key IN (:keys)")
					.param("agency", agencyId)
					.param("keys", missing)
					.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> ids
						.put(rs.getString("identity_key"), rs.getLong("id")));
			}
			List<Long> replaced = records.keySet().stream().filter(existing::containsKey).map(ids::get).toList();
			if (!replaced.isEmpty()) {
				jdbc.sql("DELETE FROM asset_port WHERE asset_id IN (:ids)").param("ids", replaced).update();
			}
			List<Object[]> rows = new ArrayList<>();
			records.forEach((key, r) -> {
				Set<String> once = new HashSet<>();
				for (OpenPort p : r.ports()) {
					if (once.add(p.port() + "/" + p.protocol())) {
						rows.add(new Object[] { ids.get(key), p.port(), p.protocol(), cut(p.service(), 100),
								cut(p.product(), 255), cut(p.version(), 100) });
					}
				}
			});
			template.batchUpdate(
					"INSERT INTO asset_port (asset_id, port, protocol, service, product, version) VALUES (?, ?, ?, ?, ?, ?)",
					rows);
		}

		private Map<Long, Set<OpenPort>> portsOf(List<Long> assetIds) {
			Map<Long, Set<OpenPort>> ports = new HashMap<>();
			if (assetIds.isEmpty()) {
				return ports;
			}
			jdbc.sql(
					"SELECT asset_id, port, protocol, service, product, version FROM asset_port WHERE asset_id IN (:ids)")
				.param("ids", assetIds)
				.query((rs, n) -> ports.computeIfAbsent(rs.getLong("asset_id"), k -> new HashSet<>())
					.add(new OpenPort(rs.getInt("port"), rs.getString("protocol"), rs.getString("service"),
							rs.getString("product"), rs.getString("version"))))
				.list();
			return ports;
		}

	}

	/**
	 * An asset row as stored, compared field by field to decide between updated and
	 * unchanged.
	 */
	private record Stored(long id, String key, String kind, @Nullable String hostname, @Nullable String addresses,
			@Nullable String mac, @Nullable String os, @Nullable String url, @Nullable Long systemId) {

		/**
		 * Values from the file win; what the file leaves out is kept. Nmap cannot tell a
		 * kind, so keeps ours.
		 */
		Stored merge(AssetRecord r, @Nullable Long system, boolean keepKind) {
			return new Stored(id, key, keepKind ? kind : r.kind().name(),
					r.hostname() != null ? r.hostname() : hostname,
					r.addresses().isEmpty() ? addresses : join(r.addresses()), r.mac() != null ? r.mac() : mac,
					r.os() != null ? cut(r.os(), 255) : os, r.url() != null ? r.url() : url,
					system != null ? system : systemId);
		}
	}

	static @Nullable String join(List<String> addresses) {
		return addresses.isEmpty() ? null : String.join(" ", addresses);
	}

	static @Nullable String cut(@Nullable String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	static Problem problem(ImportProblem p) {
		return p.toJobProblem();
	}

	/**
	 * Sort key of a location: problems are listed in file order, whole-file ones first.
	 */
	static long position(Problem p) {
		String location = p.location();
		if (location == null) {
			return -1;
		}
		String digits = location.replaceAll("\\D+", " ").trim();
		if (digits.isEmpty()) {
			return 0;
		}
		try {
			return Long.parseLong(digits.split(" ")[digits.split(" ").length - 1]);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
