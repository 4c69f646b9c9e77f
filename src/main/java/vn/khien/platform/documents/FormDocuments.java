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

	private final DocumentFonts fonts = DocumentFonts.liberationSerif();

	public byte[] pdf(FormDocument form) {
		return new FormPdf(fonts).render(form);
	}

	public byte[] docx(FormDocument form) {
		return new FormDocx(fonts).render(form);
	}

}
