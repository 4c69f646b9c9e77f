package vn.khien.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes uploads older than {@code khien.uploads.retention}. The stored_file row stays,
 * marked with {@code deleted_at}, so import jobs keep their history and
 * {@link FileStore#open} says the file is gone; its bytes go once no live upload has the
 * same content. An upload a queued or running job still needs is kept, and one a module
 * marked as a record ({@link FileStore#keep}) stays for good. Runs nightly as the system
 * principal {@code upload-retention}, whom the audit trail names.
 */
@Component
public class UploadRetention {

	/** Who the nightly purge runs as: it needs no access to agencies' records. */
	static final SystemPrincipal PURGE = SystemPrincipal.of("upload-retention");

	@org.springframework.context.annotation.Configuration
	static class Schedule {

		// NB: at 02:00, after the coverage snapshot of 00:30
		@org.springframework.context.annotation.Bean
		ScheduledWork nightlyUploadPurge(UploadRetention retention) {
			return new ScheduledWork("upload-retention", "0 0 2 * * *", PURGE, () -> retention.purge(Instant.now()));
		}

	}

	private static final Logger log = LoggerFactory.getLogger(UploadRetention.class);

	private static final int BATCH = 200;

	private static final String NO_ACTIVE_JOB = """
			NOT EXISTS (SELECT 1 FROM import_job j WHERE j.file_id = f.id AND j.state IN ('QUEUED', 'RUNNING'))""";

	/**
	 * What one run did: uploads marked purged, files removed from disk, and their bytes.
	 */
	public record Purge(int uploads, int files, long bytesFreed) {
	}

	private final JdbcClient jdbc;

	private final FileStore files;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final Duration retention;

	UploadRetention(JdbcClient jdbc, FileStore files, AuditLog audit, PlatformTransactionManager transactions,
			KhienSettings settings) {
		this.jdbc = jdbc;
		this.files = files;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.retention = settings.uploads().retention();
	}

	/**
	 * Purges every upload made before {@code now} minus the retention. Each upload is
	 * purged in its own short transaction (row marked, agency usage given back, audit
	 * entry), its bytes removed after that commits; a second run finds nothing left to
	 * do. Meant to run nightly, on one node at a time.
	 */
	public Purge purge(Instant now) {
		Instant cutoff = now.minus(retention);
		int uploads = 0;
		int removed = 0;
		long freed = 0;
		long after = 0;
		while (true) {
			List<FileStore.StoredFile> batch = jdbc.sql("SELECT " + FileStore.COLUMNS + " FROM stored_file f"
					+ " WHERE f.deleted_at IS NULL AND f.kept = FALSE AND f.uploaded_at < :cutoff AND f.id > :after AND "
					+ NO_ACTIVE_JOB + " ORDER BY f.id LIMIT " + BATCH)
				.param("cutoff", Timestamp.from(cutoff))
				.param("after", after)
				.query((rs, n) -> FileStore.map(rs))
				.list();
			for (FileStore.StoredFile file : batch) {
				after = file.id();
				if (!markPurged(file, now)) {
					continue; // a job took it up, or another run purged it, since the
								// batch was read
				}
				uploads++;
				if (removeBytesIfUnused(file)) {
					removed++;
					freed += file.size();
				}
			}
			if (batch.size() < BATCH) {
				break;
			}
		}
		if (uploads > 0) {
			log.info("purged {} uploads older than {} ({} files, {} bytes removed from disk)", uploads, cutoff, removed,
					freed);
		}
		return new Purge(uploads, removed, freed);
	}

	private boolean markPurged(FileStore.StoredFile file, Instant now) {
		Boolean marked = transaction.execute(status -> {
			int n = jdbc.sql(
					"UPDATE stored_file f SET deleted_at = :now WHERE f.id = :id AND f.deleted_at IS NULL AND f.kept = FALSE AND "
							+ NO_ACTIVE_JOB)
				.param("now", Timestamp.from(now))
				.param("id", file.id())
				.update();
			if (n == 0) {
				return false;
			}
			if (file.agencyId() != null) {
				jdbc.sql("UPDATE upload_usage SET bytes = GREATEST(bytes - :size, 0) WHERE agency_id = :agency")
					.param("size", file.size())
					.param("agency", file.agencyId())
					.update();
			}
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("filename", file.filename());
			detail.put("size", file.size());
			detail.put("sha256", file.sha256());
			detail.put("uploadedBy", file.uploadedBy());
			detail.put("uploadedAt", file.uploadedAt().toString());
			detail.put("agencyId", file.agencyId());
			audit.record("UPLOAD_PURGED", "stored_file", file.id(), null, detail);
			return true;
		});
		return Boolean.TRUE.equals(marked);
	}

	/**
	 * Removes the bytes when no live upload shares them; a failure is logged and left for
	 * a person to see.
	 */
	private boolean removeBytesIfUnused(FileStore.StoredFile file) {
		long live = jdbc.sql("SELECT COUNT(*) FROM stored_file WHERE sha256 = :sha AND deleted_at IS NULL")
			.param("sha", file.sha256())
			.query(Long.class)
			.single();
		if (live > 0) {
			return false;
		}
		try {
			return Files.deleteIfExists(files.pathOf(file.sha256()));
		}
		catch (IOException ex) {
			log.warn("could not remove the bytes of purged upload {} ({})", file.id(), file.sha256(), ex);
			return false;
		}
	}

}
