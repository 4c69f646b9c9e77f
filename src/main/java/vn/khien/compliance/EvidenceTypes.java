package vn.khien.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.InvalidInputException;

/**
 * The kinds of file accepted as evidence: documents, spreadsheets, images, plain text and
 * archives, told by their name's extension and checked against their first bytes, so a
 * program renamed to {@code .pdf} is refused before anything is stored.
 */
final class EvidenceTypes {

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
			Map.entry("xls", new Kind("application/vnd.ms-excel", OLE)));

	/**
	 * Declared types that say nothing either way (browsers send these for many files).
	 */
	private static final Set<String> VAGUE = Set.of("", "application/octet-stream", "binary/octet-stream",
			"application/x-zip-compressed", "application/vnd.ms-excel", "text/plain", "text/comma-separated-values");

	static final int SNIFF = 4096;

	private EvidenceTypes() {
	}

	static String extensions() {
		return String.join(", ", new TreeSet<>(KINDS.keySet()));
	}

	/**
	 * The content type to keep for the file, once its name, declared type and first bytes
	 * agree; a 400 naming the accepted kinds otherwise.
	 */
	static String check(String filename, @Nullable String declared, byte[] head) {
		String name = filename.toLowerCase(Locale.ROOT);
		int dot = name.lastIndexOf('.');
		Kind kind = dot < 0 ? null : KINDS.get(name.substring(dot + 1));
		if (kind == null) {
			throw new InvalidInputException("file", "assessment.evidence.type", extensions());
		}
		String type = declared == null ? "" : declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
		boolean known = KINDS.values().stream().anyMatch(k -> k.contentType().equals(type));
		if (!VAGUE.contains(type) && !known) {
			throw new InvalidInputException("file", "assessment.evidence.type", extensions());
		}
		byte[] magic = kind.magic();
		boolean matches = magic == null ? text(head)
				: head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
		if (!matches) {
			throw new InvalidInputException("file", "assessment.evidence.content", filename);
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

	/** The first bytes of a stream that supports mark and reset, which is left unread. */
	static byte[] head(InputStream in) {
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
