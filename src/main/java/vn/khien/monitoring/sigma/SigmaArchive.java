package vn.khien.monitoring.sigma;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A rules archive: a ZIP of Sigma YAML files ({@code .yml}, {@code .yaml}; other entries
 * are skipped). Bounded: entry count, each file's size and the total inflated size, so a
 * ZIP bomb stops early; names with {@code ..}, absolute paths or drive letters are
 * refused. A rule id met twice keeps the first and refuses the second.
 */
public final class SigmaArchive {

	public static final int MAX_ENTRIES = 20_000;

	public static final long MAX_FILE_BYTES = 1024 * 1024;

	public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

	private SigmaArchive() {
	}

	public static ParseResult read(InputStream zip) {
		return read(zip, MAX_ENTRIES, MAX_FILE_BYTES, MAX_TOTAL_BYTES);
	}

	static ParseResult read(InputStream zip, int maxEntries, long maxFileBytes, long maxTotalBytes) {
		Unpacked unpacked = unpack(zip, maxEntries, maxFileBytes, maxTotalBytes);
		List<ParseResult> parts = new ArrayList<>();
		for (Entry entry : unpacked.files()) {
			parts.add(SigmaRules.parse(entry.name(), entry.content()));
		}
		return withoutDuplicates(ParseResult.merge(parts, unpacked.errors()));
	}

	/** A YAML file of an archive, as it was packed. */
	public record Entry(String name, byte[] content) {
	}

	/**
	 * The YAML files of an archive that are within its limits, and why the others are
	 * not.
	 */
	public record Unpacked(List<Entry> files, List<RuleError> errors) {
	}

	/**
	 * The archive's YAML files, within the limits, for a caller that keeps each file's
	 * text.
	 */
	public static Unpacked unpack(InputStream zip) {
		return unpack(zip, MAX_ENTRIES, MAX_FILE_BYTES, MAX_TOTAL_BYTES);
	}

	static Unpacked unpack(InputStream zip, int maxEntries, long maxFileBytes, long maxTotalBytes) {
		List<Entry> files = new ArrayList<>();
		List<RuleError> errors = new ArrayList<>();
		long total = 0;
		int entries = 0;
		try (ZipInputStream in = new ZipInputStream(zip)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (++entries > maxEntries) {
					errors
						.add(new RuleError("(archive)", 0, "more than " + maxEntries + " entries: the rest not read"));
					break;
				}
				String name = entry.getName();
				if (entry.isDirectory()) {
					continue;
				}
				if (!safe(name)) {
					errors.add(new RuleError(name, 0, "unsafe path in the archive"));
					continue;
				}
				String lower = name.toLowerCase(Locale.ROOT);
				if (!lower.endsWith(".yml") && !lower.endsWith(".yaml")) {
					continue;
				}
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				byte[] buffer = new byte[8192];
				int n;
				boolean tooBig = false;
				while ((n = in.read(buffer)) > 0) {
					total += n;
					if (out.size() + n > maxFileBytes) {
						tooBig = true;
						break;
					}
					if (total > maxTotalBytes) {
						break;
					}
					out.write(buffer, 0, n);
				}
				if (total > maxTotalBytes) {
					errors.add(new RuleError(name, 0,
							"the archive inflates past " + maxTotalBytes + " bytes: the rest not read"));
					break;
				}
				if (tooBig) {
					errors.add(new RuleError(name, 0, "file larger than " + maxFileBytes + " bytes"));
					continue;
				}
				files.add(new Entry(name, out.toByteArray()));
			}
		}
		catch (ZipException ex) {
			errors.add(new RuleError("(archive)", 0, "not a readable ZIP: " + ex.getMessage()));
		}
		catch (IOException ex) {
			errors.add(new RuleError("(archive)", 0, "archive unreadable: " + ex.getMessage()));
		}
		if (entries == 0 && errors.isEmpty()) {
			errors.add(new RuleError("(archive)", 0, "an empty or unreadable archive"));
		}
		return new Unpacked(files, errors);
	}

	private static boolean safe(String name) {
		if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.indexOf('\0') >= 0
				|| (name.length() > 1 && name.charAt(1) == ':')) {
			return false;
		}
		for (String segment : name.split("[/\\\\]")) {
			if (segment.equals("..")) {
				return false;
			}
		}
		return true;
	}

	private static ParseResult withoutDuplicates(ParseResult result) {
		Map<String, SigmaRule> seen = new HashMap<>();
		List<SigmaRule> rules = new ArrayList<>();
		List<RuleError> errors = new ArrayList<>(result.errors());
		for (SigmaRule rule : result.rules()) {
			SigmaRule first = rule.id() == null ? null : seen.putIfAbsent(rule.id(), rule);
			if (first != null) {
				errors.add(new RuleError(rule.fileName(), rule.line(),
						"rule id " + rule.id() + " already loaded from " + first.fileName()));
			}
			else {
				rules.add(rule);
			}
		}
		return new ParseResult(rules, result.correlations(), result.filters(), errors);
	}

}
