package vn.khien.platform.documents;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.documents.FormDocument.Block;
import vn.khien.platform.documents.FormDocument.Chart;
import vn.khien.platform.documents.FormDocument.Choice;
import vn.khien.platform.documents.FormDocument.Field;
import vn.khien.platform.documents.FormDocument.Heading;
import vn.khien.platform.documents.FormDocument.Paragraph;
import vn.khien.platform.documents.FormDocument.Table;

/**
 * A form's order, the same in every format: the top of the first page, the blocks, the
 * signature. Each format draws the parts; one instance renders one form.
 */
abstract class FormRenderer {

	/** Between a choice's options. */
	static final String GAP = "    ";

	final byte[] render(FormDocument form) {
		top(form);
		for (Block block : form.blocks()) {
			if (block instanceof Heading h) {
				heading(h);
			}
			else if (block instanceof Paragraph text) {
				paragraph(text);
			}
			else if (block instanceof Field field) {
				field(field);
			}
			else if (block instanceof Choice choice) {
				choice(choice);
			}
			else if (block instanceof Table table) {
				table(table);
			}
			else if (block instanceof Chart chart) {
				chart(chart);
			}
		}
		if (form.signerTitle() != null) {
			signature(form.signerTitle(), form.signerName());
		}
		return finish(form);
	}

	/** An option with its box, filled when ticked, tied to it by {@code tie}. */
	static String option(Choice choice, String option, String tie) {
		return (choice.ticked().contains(option) ? "■" : "□") + tie + option;
	}

	/** The form code, the heading's two columns, the title and subtitle. */
	abstract void top(FormDocument form);

	abstract void heading(Heading heading);

	abstract void paragraph(Paragraph paragraph);

	abstract void field(Field field);

	abstract void choice(Choice choice);

	abstract void table(Table table);

	abstract void chart(Chart chart);

	abstract void signature(String title, @Nullable String name);

	abstract byte[] finish(FormDocument form);

}
