package vn.khien.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads kept exactly as received, named by their SHA-256, before anything parses them:
 * nothing a user sent is lost, and a re-run reads the same bytes. Each upload gets its
 * own row (who, when, under which name, charged to which agency); identical content is
 * stored once on disk, but every row counts against its agency's quota.
 * {@link UploadRetention} removes uploads once they are old.
 */
@Component
public class FileStore {

	/**
	 * One upload; {@code agencyId} is the agency it is charged to, {@code deletedAt} when
	 * it was purged.
	 */
	public record StoredFile(long id, String sha256, String filename, @Nullable String contentType, long size,
			String uploadedBy, Instant uploadedAt, @Nullable Long agencyId, @Nullable Instant deletedAt) {

		public boolean purged() {
			return deletedAt != null;
		}
	}

	static final String COLUMNS = """
			id, sha256, filename, content_type, size_bytes, uploaded_by, uploaded_at, agency_id, deleted_at""";

	private final JdbcClient jdbc;

	private final Path root;

	private final CurrentUser currentUser;

	private final long quota;

	FileStore(JdbcClient jdbc, KhienSettings settings, CurrentUser currentUser) {
		this.jdbc = jdbc;
		this.root = settings.dataDir().resolve("files");
		this.currentUser = currentUser;
		this.quota = settings.uploads().quotaPerAgency().toBytes();
	}

	/**
	 * Stores the stream, charged to the uploader's own agency (uncapped when they have
	 * none), refusing it once it passes {@code maxBytes} or what is left of that agency's
	 * quota. Committed in its own transaction, so the upload survives even when the
	 * import that follows fails.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public StoredFile store(InputStream in, String filename, @Nullable String contentType, long maxBytes) {
		return keep(currentUser.find().map(KhienUser::agencyId).orElse(null), in, filename, contentType, maxBytes);
	}

	/**
	 * As {@link #store}, charged to the agency the upload is for; {@code agencyId} null
	 * for an upload that belongs to no agency (the province's agency registry), which no
	 * quota caps.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public StoredFile storeFor(@Nullable Long agencyId, InputStream in, String filename, @Nullable String contentType,
			long maxBytes) {
		return keep(agencyId, in, filename, contentType, maxBytes);
	}

	private StoredFile keep(@Nullable Long agencyId, InputStream in, String filename, @Nullable String contentType,
			long maxBytes) {
		try {
			// NB: a first look without a lock, to stop reading as soon as the file cannot
			// fit; charge() decides
			long used = agencyId == null ? 0 : usage(agencyId);
			long room = agencyId == null ? Long.MAX_VALUE : Math.max(0, quota - used);
			Files.createDirectories(root);
			Path temp = Files.createTempFile(root, "upload-", ".part");
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			long size;
			Supplier<QuotaExceededException> overQuota = () -> new QuotaExceededException(used, quota);
			try (var digesting = new DigestInputStream(in, sha);
					var limited = new LimitedInputStream(digesting, maxBytes, room, overQuota)) {
				size = Files.copy(limited, temp, StandardCopyOption.REPLACE_EXISTING);
				if (agencyId != null) {
					charge(agencyId, size);
				}
			}
			catch (IOException | RuntimeException ex) {
				Files.deleteIfExists(temp);
				throw ex;
			}
			String hash = HexFormat.of().formatHex(sha.digest());
			Path target = pathOf(hash);
			Files.createDirectories(target.getParent());
			if (Files.exists(target)) {
				Files.delete(temp);
			}
			else {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			String name = sanitise(filename);
			Instant now = Instant.now();
			var keys = new GeneratedKeyHolder();
			jdbc.sql(
					"""
							INSERT INTO stored_file (sha256, filename, content_type, size_bytes, uploaded_by, uploaded_at, agency_id)
							VALUES (:sha, :name, :type, :size, :by, :at, :agency)""")
				.param("sha", hash)
				.param("name", name)
				.param("type", contentType)
				.param("size", size)
				.param("by", currentUser.name())
				.param("at", Timestamp.from(now))
				.param("agency", agencyId)
				.update(keys, "id");
			return new StoredFile(keys.getKeyAs(Number.class).longValue(), hash, name, contentType, size,
					currentUser.name(), now, agencyId, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Marks the upload as a record that the upload retention never purges; called in the
	 * transaction that attaches it to its record.
	 */
	@Transactional
	public void keep(long fileId) {
		jdbc.sql("UPDATE stored_file SET kept = TRUE WHERE id = :id").param("id", fileId).update();
	}

	/** Bytes the agency's live uploads are charged for. */
	public long usage(long agencyId) {
		return jdbc.sql("SELECT bytes FROM upload_usage WHERE agency_id = :agency")
			.param("agency", agencyId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Adds {@code size} to the agency's usage unless that passes the quota. Usage is one
	 * small row per agency rather than a sum over its stored_file rows: reading it is one
	 * primary-key lookup however many uploads the agency has, and the conditional UPDATE
	 * locks that row until the upload commits, so two uploads of one agency at the same
	 * moment cannot both slip under the quota (a SUM would see neither). The row is
	 * changed in the same transaction as the stored_file row it accounts for, here and in
	 * UploadRetention.
	 */
	private void charge(long agencyId, long size) {
		// ON CONFLICT is PostgreSQL's; H2 takes it in PostgreSQL mode
		jdbc.sql("INSERT INTO upload_usage (agency_id, bytes) VALUES (:agency, 0) ON CONFLICT DO NOTHING")
			.param("agency", agencyId)
			.update();
		int charged = jdbc.sql("""
				UPDATE upload_usage SET bytes = bytes + :size WHERE agency_id = :agency AND bytes + :size <= :quota""")
			.param("size", size)
			.param("agency", agencyId)
			.param("quota", quota)
			.update();
		if (charged == 0) {
			throw new QuotaExceededException(usage(agencyId), quota);
		}
	}

	public Optional<StoredFile> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM stored_file WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	static StoredFile map(ResultSet rs) throws SQLException {
		Timestamp deleted = rs.getTimestamp("deleted_at");
		return new StoredFile(rs.getLong("id"), rs.getString("sha256"), rs.getString("filename"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
				rs.getTimestamp("uploaded_at").toInstant(), rs.getObject("agency_id", Long.class),
				deleted == null ? null : deleted.toInstant());
	}

	/**
	 * The upload as received; the caller closes it. A purged upload is refused with
	 * {@link PurgedException} even while identical bytes are still kept for another
	 * upload.
	 */
	public InputStream open(StoredFile file) {
		if (file.purged() || purged(file.id())) {
			throw new PurgedException(file.filename());
		}
		try {
			return Files.newInputStream(pathOf(file.sha256()));
		}
		catch (NoSuchFileException ex) {
			// purged between the check and the read
			if (purged(file.id())) {
				throw new PurgedException(file.filename());
			}
			throw new UncheckedIOException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean purged(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM stored_file WHERE id = :id AND deleted_at IS NOT NULL")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	Path pathOf(String sha256) {
		return root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	private static String sanitise(String filename) {
		String base = filename.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
		return base.isBlank() ? "upload" : base.length() > 200 ? base.substring(base.length() - 200) : base;
	}

	/** Thrown when an upload passes the size limit while it is being stored. */
	public static class TooLargeException extends InvalidInputException {

		TooLargeException(long maxBytes) {
			super(413, "file", "upload.tooLarge", maxBytes / (1024 * 1024));
		}

	}

	/**
	 * Thrown when an upload does not fit in what is left of its agency's quota; nothing
	 * is kept.
	 */
	public static class QuotaExceededException extends InvalidInputException {

		QuotaExceededException(long used, long quota) {
			super(413, "file", "upload.quotaExceeded", amount(used), unit(used), amount(quota), unit(quota));
		}

		private static final String[] UNITS = { "B", "KB", "MB", "GB", "TB" };

		private static int scale(long bytes) {
			int scale = 0;
			while (scale < UNITS.length - 1 && bytes >= 1L << (10 * (scale + 1))) {
				scale++;
			}
			return scale;
		}

		/**
		 * In the largest binary unit that keeps it at 1 or more, as Spring's DataSize
		 * counts (1 GB = 1024 MB).
		 */
		private static double amount(long bytes) {
			return (double) bytes / (1L << (10 * scale(bytes)));
		}

		private static String unit(long bytes) {
			return UNITS[scale(bytes)];
		}

	}

	/**
	 * Thrown when an upload was removed by {@link UploadRetention}: upload the file
	 * again.
	 */
	public static class PurgedException extends InvalidInputException {

		PurgedException(String filename) {
			super(410, "file", "upload.purged", filename);
		}

	}

	private static final class LimitedInputStream extends java.io.FilterInputStream {

		private final long max;

		private final long room;

		private final Supplier<QuotaExceededException> overQuota;

		private long read;

		LimitedInputStream(InputStream in, long max, long room, Supplier<QuotaExceededException> overQuota) {
			super(in);
			this.max = max;
			this.room = room;
			this.overQuota = overQuota;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buf, int off, int len) throws IOException {
			int n = super.read(buf, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(long n) {
			read += n;
			if (read > max) {
				throw new TooLargeException(max);
			}
			if (read > room) {
				throw overQuota.get();
			}
		}

	}

}
