package vn.khien.registry.importing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.importing.Header;
import vn.khien.platform.importing.ImportProblem;
import vn.khien.platform.importing.ImportProblems;
import vn.khien.platform.importing.TableFormat;
import vn.khien.platform.importing.TableRecord;
import vn.khien.platform.importing.Tables;
import vn.khien.registry.AgencyKind;

/**
 * Reads agencies for a bulk import from CSV or XLSX, on the shared table reader
 * (docs/agency-import.md), and checks each row on its own and against the other rows
 * (codes given twice, parent loops within the file). Every row problem is collected, so
 * that a preview shows them all; see {@link ImportKeys}.
 */
public final class AgencyFileReader {

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	public static final int MAX_ROWS = 10_000;

	public static final int MAX_CODE_LENGTH = 50;

	public static final int MAX_TEXT_LENGTH = 255;

	public static final int MAX_PHONE_LENGTH = 30;

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]+");

	private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");

	private static final Pattern PHONE = Pattern.compile("[0-9 +\\-.()]*[0-9][0-9 +\\-.()]*");

	private AgencyFileReader() {
	}

	/**
	 * Reads the rows; {@code progress} hears how many so far.
	 * @throws ImportProblem when the file cannot be used at all:
	 * {@code import.file.empty} (no header, or no row under it),
	 * {@code import.file.tooManyRows}, and the table reader's problems (encoding with its
	 * line, syntax, not a workbook, columns)
	 */
	public static ReadResult read(InputStream in, TableFormat format, LongConsumer progress) {
		List<AgencyRow> rows = new ArrayList<>();
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Integer> firstLineByCode = new HashMap<>();
		var reading = new Object() {
			@Nullable Header header;

		};
		try {
			Tables.read(in, format, AgencyColumn.COLUMNS, ImportProblems.failFast(), record -> {
				if (rows.size() == MAX_ROWS) {
					throw new TooManyRows();
				}
				reading.header = record.header();
				AgencyRow row = toRow(record);
				validate(row, record, problems);
				if (row.code() != null) {
					Integer first = firstLineByCode.putIfAbsent(row.code(), row.line());
					if (first != null) {
						problems.add(record.problem(ImportKeys.ROW_DUPLICATE_CODE,
								record.label(AgencyColumn.CODE.key()), row.code(), first));
					}
				}
				rows.add(row);
				if (rows.size() % 500 == 0) {
					progress.accept(rows.size());
				}
			});
		}
		catch (TooManyRows ex) {
			throw ImportProblem.ofFile(ImportKeys.FILE_TOO_MANY_ROWS, MAX_ROWS);
		}
		Header header = reading.header;
		if (header == null) {
			throw ImportProblem.ofFile("import.file.empty");
		}
		ParentOrder.Result order = ParentOrder.of(rows, header.label(AgencyColumn.PARENT_CODE.key()));
		problems.addAll(order.cycles());
		problems.sort(Comparator.comparingInt(ImportProblem::line)); // stable: a row's
																		// problems keep
																		// their order
		return new ReadResult(rows, order.rows(), problems, header);
	}

	private static AgencyRow toRow(TableRecord record) {
		return new AgencyRow(record.line(), record.get(AgencyColumn.CODE.key()), record.get(AgencyColumn.NAME.key()),
				record.get(AgencyColumn.KIND.key()), record.get(AgencyColumn.PARENT_CODE.key()),
				record.get(AgencyColumn.HEAD_NAME.key()), record.get(AgencyColumn.HEAD_TITLE.key()),
				record.get(AgencyColumn.HEAD_PHONE.key()), record.get(AgencyColumn.HEAD_EMAIL.key()),
				record.get(AgencyColumn.ADDRESS.key()));
	}

	private static void validate(AgencyRow row, TableRecord record, List<ImportProblem> problems) {
		var check = new Checks(record, problems);
		check.code(AgencyColumn.CODE, row.code(), true);
		if (check.required(AgencyColumn.NAME, row.name())) {
			check.maxLength(AgencyColumn.NAME, row.name(), MAX_TEXT_LENGTH);
		}
		if (check.required(AgencyColumn.KIND, row.kind())
				&& check.maxLength(AgencyColumn.KIND, row.kind(), MAX_TEXT_LENGTH)) {
			try {
				AgencyKind.parse(row.kind());
			}
			catch (IllegalArgumentException e) {
				check.problem(AgencyColumn.KIND, ImportKeys.ROW_KIND, row.kind());
			}
		}
		if (check.code(AgencyColumn.PARENT_CODE, row.parentCode(), false) && row.parentCode() != null
				&& row.parentCode().equals(row.code())) {
			check.problem(AgencyColumn.PARENT_CODE, ImportKeys.ROW_SELF_PARENT);
		}
		check.maxLength(AgencyColumn.HEAD_NAME, row.headName(), MAX_TEXT_LENGTH);
		check.maxLength(AgencyColumn.HEAD_TITLE, row.headTitle(), MAX_TEXT_LENGTH);
		if (row.headPhone() != null && check.maxLength(AgencyColumn.HEAD_PHONE, row.headPhone(), MAX_PHONE_LENGTH)
				&& !PHONE.matcher(row.headPhone()).matches()) {
			check.problem(AgencyColumn.HEAD_PHONE, ImportKeys.ROW_PHONE, row.headPhone());
		}
		if (row.headEmail() != null && check.maxLength(AgencyColumn.HEAD_EMAIL, row.headEmail(), MAX_TEXT_LENGTH)
				&& !EMAIL.matcher(row.headEmail()).matches()) {
			check.problem(AgencyColumn.HEAD_EMAIL, ImportKeys.ROW_EMAIL, row.headEmail());
		}
		check.maxLength(AgencyColumn.ADDRESS, row.address(), MAX_TEXT_LENGTH);
	}

	/** The checks of one row; each problem names its column as the file's header does. */
	private record Checks(TableRecord record, List<ImportProblem> problems) {

		void problem(AgencyColumn column, String key, Object... args) {
			Object[] all = new Object[args.length + 1];
			all[0] = record.label(column.key());
			System.arraycopy(args, 0, all, 1, args.length);
			problems.add(record.problem(key, all));
		}

		/** Whether the value is absent-and-optional or valid. */
		boolean code(AgencyColumn column, @Nullable String value, boolean isRequired) {
			if (value == null) {
				return !isRequired || required(column, null);
			}
			if (!maxLength(column, value, MAX_CODE_LENGTH)) {
				return false;
			}
			if (!CODE.matcher(value).matches()) {
				problem(column, ImportKeys.ROW_CODE_PATTERN, value);
				return false;
			}
			return true;
		}

		boolean required(AgencyColumn column, @Nullable String value) {
			if (value == null) {
				problem(column, ImportKeys.ROW_REQUIRED);
				return false;
			}
			return true;
		}

		// Code points, not UTF-16 units, to match how the database counts characters.
		boolean maxLength(AgencyColumn column, @Nullable String value, int max) {
			if (value != null && value.codePointCount(0, value.length()) > max) {
				problem(column, ImportKeys.ROW_TOO_LONG, max);
				return false;
			}
			return true;
		}
	}

	/** Stops reading at once: the file is refused as a whole. */
	private static final class TooManyRows extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TooManyRows() {
			super(null, null, false, false);
		}

	}

}
