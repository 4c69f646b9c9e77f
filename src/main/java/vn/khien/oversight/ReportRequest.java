package vn.khien.oversight;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.Formats;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.XlsxExport;
import vn.khien.platform.documents.DocumentFormat;

/**
 * What a periodic report covers: a six-monthly (sơ kết) or annual (tổng kết) period of
 * days, both included, the province ({@code agencyId} null) or one agency and its
 * sub-units, and the file it is written in.
 */
public record ReportRequest(Period period, LocalDate from, LocalDate to, @Nullable Long agencyId, Format format) {

	/** The scope's code for the whole province. */
	public static final String PROVINCE = "province";

	public ReportRequest {
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "report.period.reversed", from.toString(), to.toString());
		}
		if (from.plusDays(period.longestDays).isBefore(to)) {
			throw new InvalidInputException("to", "report.period.tooLong", period.code(), period.longestDays);
		}
		if (from.isAfter(LocalDate.now(Formats.ZONE))) {
			throw new InvalidInputException("from", "report.period.future", from.toString());
		}
	}

	/** The request as the API and the page send it: 400 naming the field otherwise. */
	public static ReportRequest parse(@Nullable String period, @Nullable String from, @Nullable String to,
			@Nullable String scope, @Nullable String format) {
		Period p = Period.of(period);
		LocalDate since = date("from", from);
		LocalDate until = date("to", to);
		Long agency = agencyOf(scope);
		return new ReportRequest(p, since, until, agency, Format.of(format));
	}

	/**
	 * The agency a scope names, null for the province: 400 for none or another word.
	 */
	public static @Nullable Long agencyOf(@Nullable String scope) {
		String s = scope == null ? "" : scope.strip();
		if (s.isEmpty()) {
			throw new InvalidInputException("scope", "report.scope.missing");
		}
		if (s.equals(PROVINCE)) {
			return null;
		}
		try {
			return Long.valueOf(s);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("scope", "report.scope.unknown", s);
		}
	}

	private static LocalDate date(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "report.period.missing");
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "report.period.badDate", text.strip());
		}
	}

	/** The kinds of report, each with the longest period it may cover. */
	public enum Period {

		SIX_MONTHLY("six-monthly", 184), ANNUAL("annual", 366);

		private final String code;

		private final int longestDays;

		Period(String code, int longestDays) {
			this.code = code;
			this.longestDays = longestDays;
		}

		public String code() {
			return code;
		}

		public static Period of(@Nullable String code) {
			String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
			return Arrays.stream(values())
				.filter(p -> p.code.equals(wanted) || p.name().equalsIgnoreCase(wanted))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("period", "report.period.unknown", wanted));
		}

	}

	/** The report as a document to sign (PDF, DOCX) or as its figures (XLSX). */
	public enum Format {

		PDF(DocumentFormat.PDF.extension(), DocumentFormat.PDF.contentType()),
		DOCX(DocumentFormat.DOCX.extension(), DocumentFormat.DOCX.contentType()), XLSX("xlsx", XlsxExport.CONTENT_TYPE);

		private final String extension;

		private final String contentType;

		Format(String extension, String contentType) {
			this.extension = extension;
			this.contentType = contentType;
		}

		public String extension() {
			return extension;
		}

		public String contentType() {
			return contentType;
		}

		public static Format of(@Nullable String code) {
			String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
			return Arrays.stream(values())
				.filter(f -> f.extension.equals(wanted))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("format", "report.format.unknown", wanted));
		}

	}

}
