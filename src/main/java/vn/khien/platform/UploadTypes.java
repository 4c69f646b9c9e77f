package vn.khien.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of file accepted as evidence and attachments: documents, spreadsheets,
 * images, plain text and archives, told by their name's extension and checked against
 * their first bytes, so a program renamed to {@code .pdf} is refused before anything is
 * stored. A program itself is never accepted (a malware sample comes zipped).
 */
public final class UploadTypes {

	/** What the first bytes of a file of each kind are; null: text without NUL bytes. */
	private record Kind(String contentType, byte @Nullable [] magic) {
	}

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private static final Map<String, Kind> KINDS = Map.ofEntries(
			Map.entry("pdf", new Kind("application/pdf", new byte[] { '%', 'P', 'D', 'F', '-' })),
			Map.entry("png", new Kind("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' })),
			Map.entry("jpg", new Kind("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })),
			Map.entry("jpeg", new Kind("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })),
			Map.entry("txt", new Kind("text/plain", null)), Map.entry("csv", new Kind("text/csv", null)),
			Map.entry("docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP)),
			Map.entry("xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP)),
			Map.entry("odt", new Kind("application/vnd.oasis.opendocument.text", ZIP)),
			Map.entry("ods", new Kind("application/vnd.oasis.opendocument.spreadsheet", ZIP)),
			Map.entry("zip", new Kind("application/zip", ZIP)), Map.entry("doc", new Kind("application/msword", OLE)),
			Map.entry("xls", new Kind("application/vnd.ms-excel", OLE)),
			Map.entry("gif", new Kind("image/gif", new byte[] { 'G', 'I', 'F', '8' })),
			Map.entry("webp", new Kind("image/webp", new byte[] { 'R', 'I', 'F', 'F' })),
			Map.entry("log", new Kind("text/plain", null)), Map.entry("json", new Kind("application/json", null)),
			Map.entry("gz", new Kind("application/gzip", new byte[] { 0x1F, (byte) 0x8B })), Map.entry("7z",
					new Kind("application/x-7z-compressed", new byte[] { '7', 'z', (byte) 0xBC, (byte) 0xAF })));

	/**
	 * Declared types that say nothing either way (browsers send these for many files).
	 */
	private static final Set<String> VAGUE = Set.of("", "application/octet-stream", "binary/octet-stream",
			"application/x-zip-compressed", "application/vnd.ms-excel", "text/plain", "text/comma-separated-values",
			"application/x-gzip");

	public static final int SNIFF = 4096;

	private UploadTypes() {
	}

	public static String extensions() {
		return String.join(", ", new TreeSet<>(KINDS.keySet()));
	}

	/**
	 * The content type to keep for the file, once its name, declared type and first bytes
	 * agree; a 400 naming the accepted kinds otherwise.
	 */
	public static String check(String filename, @Nullable String declared, byte[] head) {
		String name = filename.toLowerCase(Locale.ROOT);
		int dot = name.lastIndexOf('.');
		Kind kind = dot < 0 ? null : KINDS.get(name.substring(dot + 1));
		if (kind == null) {
			throw new InvalidInputException("file", "upload.type", extensions());
		}
		String type = declared == null ? "" : declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
		boolean known = KINDS.values().stream().anyMatch(k -> k.contentType().equals(type));
		if (!VAGUE.contains(type) && !known) {
			throw new InvalidInputException("file", "upload.type", extensions());
		}
		byte[] magic = kind.magic();
		boolean matches = magic == null ? text(head)
				: head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
		if (!matches) {
			throw new InvalidInputException("file", "upload.content", filename);
		}
		return kind.contentType();
	}

	private static boolean text(byte[] head) {
		for (byte b : head) {
			if (b == 0) {
				return false;
			}
		}
		return true;
	}

	/** An upload whose size and kind were checked: read the file from {@code content}. */
	public record Checked(InputStream content, String contentType) {
	}

	/**
	 * Checks an upload before anything of it is stored: not empty, not over {@code max}
	 * bytes as declared ({@code size}, -1 when unknown: the store caps what it reads), of
	 * an accepted kind by name, declared type and first bytes.
	 */
	public static Checked check(InputStream content, String filename, @Nullable String contentType, long size,
			long max) {
		if (size == 0) {
			throw new InvalidInputException("file", "upload.empty");
		}
		if (size > max) {
			throw new InvalidInputException("file", "upload.tooLarge", max / (1024 * 1024));
		}
		var in = new java.io.BufferedInputStream(content, SNIFF + 1);
		byte[] head = head(in);
		if (head.length == 0) {
			throw new InvalidInputException("file", "upload.empty");
		}
		return new Checked(in, check(filename, contentType, head));
	}

	/** The first bytes of a stream that supports mark and reset, which is left unread. */
	public static byte[] head(InputStream in) {
		try {
			in.mark(SNIFF + 1);
			byte[] head = in.readNBytes(SNIFF);
			in.reset();
			return head;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
