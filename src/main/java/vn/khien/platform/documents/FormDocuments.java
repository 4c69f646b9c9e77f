package vn.khien.platform.documents;

import org.springframework.stereotype.Component;

/**
 * Official forms as files: PDF (PDFBox, Liberation Serif embedded, to send and print) and
 * DOCX (Apache POI, Times New Roman, to edit before signing), both from one
 * {@link FormDocument} so that they say the same. ADR 0008 says why these libraries and
 * this font; docs/documents.md how a module builds a form.
 */
@Component
public class FormDocuments {

	/** The national name, which the decree sets atop every official document. */
	public static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

	/** The motto under it; like the name, never translated. */
	public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

	/**
	 * The place and date line of an official document, as the decree writes it (a day
	 * under 10 and the months 1 and 2 with a leading zero): Quảng Nam, ngày 02 tháng 12
	 * năm 2026; without a place, dots to write it by hand.
	 */
	public static String dateLine(@org.jspecify.annotations.Nullable String place, java.time.LocalDate day) {
		String d = day.getDayOfMonth() < 10 ? "0" + day.getDayOfMonth() : Integer.toString(day.getDayOfMonth());
		String m = day.getMonthValue() < 3 ? "0" + day.getMonthValue() : Integer.toString(day.getMonthValue());
		String where = place == null || place.isBlank() ? "……………" : place.strip();
		return where + ", ngày " + d + " tháng " + m + " năm " + day.getYear();
	}

	private final DocumentFonts fonts = DocumentFonts.liberationSerif();

	public byte[] pdf(FormDocument form) {
		return new FormPdf(fonts).render(form);
	}

	public byte[] docx(FormDocument form) {
		return new FormDocx(fonts).render(form);
	}

}
