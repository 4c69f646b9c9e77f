package vn.khien.platform.importing;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.ImportJob;

/**
 * A problem found while importing a file. Carries a message key and arguments instead of
 * a text so that the UI can say it in the reader's language; the location is a neutral
 * structured string ({@code line:12}, {@code element:host[3]}) that the UI turns into
 * "dòng 12" etc.
 */
public class ImportProblem extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final @Nullable Object[] args;

	private final @Nullable String location;

	public ImportProblem(String messageKey, @Nullable String location, @Nullable Object... args) {
		this(messageKey, location, null, args);
	}

	public ImportProblem(String messageKey, @Nullable String location, @Nullable Throwable cause,
			@Nullable Object... args) {
		// No stack trace: collect mode creates one per bad row, and the location says
		// more than the trace would.
		super(describe(messageKey, location, args), cause, false, false);
		this.messageKey = messageKey;
		this.location = location;
		this.args = args == null ? new Object[0] : args.clone();
	}

	public static ImportProblem atLine(int line, String key, @Nullable Object... args) {
		return new ImportProblem(key, "line:" + line, args);
	}

	public static ImportProblem atElement(String element, String key, @Nullable Object... args) {
		return new ImportProblem(key, "element:" + element, args);
	}

	/**
	 * For problems that concern the whole file (empty file, wrong shape) rather than one
	 * place in it.
	 */
	public static ImportProblem ofFile(String key, @Nullable Object... args) {
		return new ImportProblem(key, null, args);
	}

	public String messageKey() {
		return messageKey;
	}

	public @Nullable Object[] args() {
		return args.clone();
	}

	public @Nullable String location() {
		return location;
	}

	/** The 1-based line number, or 0 when the location is not a line. */
	public int line() {
		if (location != null && location.startsWith("line:")) {
			try {
				return Integer.parseInt(location.substring(5));
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}
		return 0;
	}

	/** As an import job keeps it. */
	public ImportJob.Problem toJobProblem() {
		return ImportJob.Problem.of(messageKey, location, args);
	}

	private static String describe(String key, @Nullable String location, Object @Nullable [] args) {
		// Only for logs and test failures; users see the localised text resolved from the
		// key.
		return key + (location == null ? "" : " @" + location)
				+ (args == null || args.length == 0 ? "" : " " + Arrays.toString(args));
	}

}
