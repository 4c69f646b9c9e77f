package vn.khien.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads kept exactly as received, named by their SHA-256, before anything parses them: nothing a
 * user sent is lost, and a re-run reads the same bytes. Each upload gets its own row (who, when,
 * under which name); identical content is stored once.
 */
@Component
public class FileStore {

	public record StoredFile(long id, String sha256, String filename, @Nullable String contentType, long size,
			String uploadedBy, Instant uploadedAt) {
	}

	private final JdbcClient jdbc;

	private final Path root;

	private final CurrentUser currentUser;

	FileStore(JdbcClient jdbc, KhienSettings settings, CurrentUser currentUser) {
		this.jdbc = jdbc;
		this.root = settings.dataDir().resolve("files");
		this.currentUser = currentUser;
	}

	/**
	 * Stores the stream, refusing it once it passes {@code maxBytes}. Committed in its own
	 * transaction, so the upload survives even when the import that follows fails.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public StoredFile store(InputStream in, String filename, @Nullable String contentType, long maxBytes) {
		try {
			Files.createDirectories(root);
			Path temp = Files.createTempFile(root, "upload-", ".part");
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			long size;
			try (var digesting = new DigestInputStream(in, sha); var limited = new LimitedInputStream(digesting, maxBytes)) {
				size = Files.copy(limited, temp, StandardCopyOption.REPLACE_EXISTING);
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
			jdbc.sql("""
					INSERT INTO stored_file (sha256, filename, content_type, size_bytes, uploaded_by, uploaded_at)
					VALUES (:sha, :name, :type, :size, :by, :at)""")
				.param("sha", hash)
				.param("name", name)
				.param("type", contentType)
				.param("size", size)
				.param("by", currentUser.name())
				.param("at", Timestamp.from(now))
				.update(keys, "id");
			return new StoredFile(keys.getKeyAs(Number.class).longValue(), hash, name, contentType, size,
					currentUser.name(), now);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Optional<StoredFile> find(long id) {
		return jdbc.sql("""
				SELECT id, sha256, filename, content_type, size_bytes AS size, uploaded_by, uploaded_at
				FROM stored_file WHERE id = :id""").param("id", id).query((rs, n) -> new StoredFile(rs.getLong("id"),
				rs.getString("sha256"), rs.getString("filename"), rs.getString("content_type"), rs.getLong("size"),
				rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant())).optional();
	}

	public InputStream open(StoredFile file) {
		try {
			return Files.newInputStream(pathOf(file.sha256()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path pathOf(String sha256) {
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

	private static final class LimitedInputStream extends java.io.FilterInputStream {

		private final long max;

		private long read;

		LimitedInputStream(InputStream in, long max) {
			super(in);
			this.max = max;
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
		}
	}
}
