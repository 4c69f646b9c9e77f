package vn.khien.platform.documents;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.InvalidInputException;

/**
 * The files a letter or a form is written in: PDF to send and print, DOCX for the issuer
 * to edit before signing.
 */
public enum DocumentFormat {

	PDF("pdf", "application/pdf"),

	DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final String extension;

	private final String contentType;

	DocumentFormat(String extension, String contentType) {
		this.extension = extension;
		this.contentType = contentType;
	}

	public String extension() {
		return extension;
	}

	public String contentType() {
		return contentType;
	}

	/** {@code pdf} or {@code docx}, any case; a 400 naming them otherwise. */
	public static DocumentFormat of(@Nullable String code) {
		String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(f -> f.extension.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("format", "document.format.unknown", wanted));
	}

}
