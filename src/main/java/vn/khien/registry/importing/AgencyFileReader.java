package vn.khien.registry.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.khien.registry.AgencyKind;

/**
 * Reads agencies for a bulk import with preview from CSV (strict UTF-8, optional BOM, comma or
 * semicolon) or XLSX (first sheet). All problems are collected; see {@link ImportKeys}.
 */
public final class AgencyFileReader {

	public static final int MAX_BYTES = 10 * 1024 * 1024;
	public static final int MAX_ROWS = 10_000;
	public static final int MAX_CODE_LENGTH = 50;
	public static final int MAX_TEXT_LENGTH = 255;
	public static final int MAX_PHONE_LENGTH = 30;

	// Bounds work on files with absurdly wide rows; real files have nine columns at most.
	private static final int MAX_COLUMNS = 200;
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]+");
	private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
	private static final Pattern PHONE = Pattern.compile("[0-9 +\\-.()]*[0-9][0-9 +\\-.()]*");

	private AgencyFileReader() {
	}

	/** Chooses the format by the file name's extension (.csv or .xlsx, case-insensitive). */
	public static ReadResult read(String filename, InputStream in) {
		String lower = filename == null ? "" : filename.strip().toLowerCase(Locale.ROOT);
		boolean csv = lower.endsWith(".csv");
		if (!csv && !lower.endsWith(".xlsx")) {
			return failed(RowProblem.of(0, null, ImportKeys.FILE_TYPE, filename == null ? "" : filename));
		}
		byte[] bytes;
		try {
			bytes = in.readNBytes(MAX_BYTES + 1);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (bytes.length > MAX_BYTES) {
			return failed(RowProblem.of(0, null, ImportKeys.FILE_TOO_LARGE, MAX_BYTES / (1024 * 1024)));
		}
		RawTable table = csv ? CsvTableReader.read(bytes, MAX_COLUMNS) : XlsxTableReader.read(bytes, MAX_COLUMNS);
		if (!table.problems().isEmpty()) {
			return new ReadResult(List.of(), table.problems());
		}
		return interpret(table.lines());
	}

	/**
	 * Orders rows so that each comes after its parent when the parent is in the list; otherwise
	 * keeps file order.
	 *
	 * @throws AgencyCycleException if parents among the rows form a cycle ({@link #read} reports
	 *     the same cycles as {@code import.row.cycle} problems)
	 */
	public static List<AgencyRow> inParentOrder(List<AgencyRow> rows) {
		ParentOrder.Result result = ParentOrder.of(rows);
		if (!result.cycles().isEmpty()) {
			throw new AgencyCycleException(result.cycles());
		}
		return result.rows();
	}

	private static ReadResult interpret(List<RawTable.RawLine> lines) {
		List<RawTable.RawLine> nonBlank = lines.stream().filter(l -> !l.isBlank()).toList();
		if (nonBlank.isEmpty()) {
			return failed(RowProblem.of(0, null, ImportKeys.FILE_EMPTY));
		}
		RawTable.RawLine header = nonBlank.get(0);
		List<RowProblem> problems = new ArrayList<>();
		Map<AgencyColumn, Integer> columns = mapHeader(header, problems);
		if (!problems.isEmpty()) {
			return new ReadResult(List.of(), problems);
		}
		List<RawTable.RawLine> data = nonBlank.subList(1, nonBlank.size());
		if (data.isEmpty()) {
			return failed(RowProblem.of(0, null, ImportKeys.FILE_EMPTY));
		}
		if (data.size() > MAX_ROWS) {
			return failed(RowProblem.of(0, null, ImportKeys.FILE_TOO_MANY_ROWS, MAX_ROWS));
		}
		List<AgencyRow> rows = new ArrayList<>(data.size());
		Map<String, Integer> firstLineByCode = new HashMap<>();
		for (RawTable.RawLine line : data) {
			AgencyRow row = toRow(line, columns);
			validate(row, problems);
			if (row.code() != null) {
				Integer first = firstLineByCode.putIfAbsent(row.code(), row.line());
				if (first != null) {
					problems.add(RowProblem.of(row.line(), AgencyColumn.CODE.key(),
							ImportKeys.ROW_DUPLICATE_CODE, row.code(), first));
				}
			}
			rows.add(row);
		}
		problems.addAll(ParentOrder.of(rows).cycles());
		problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
		return new ReadResult(rows, problems);
	}

	private static Map<AgencyColumn, Integer> mapHeader(RawTable.RawLine header, List<RowProblem> problems) {
		Map<AgencyColumn, Integer> columns = new EnumMap<>(AgencyColumn.class);
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < header.cells().size(); i++) {
			String text = header.cell(i).strip();
			if (text.isEmpty()) {
				continue; // trailing empty header cells are common in spreadsheet exports
			}
			AgencyColumn column = AgencyColumn.forHeader(text);
			if (column == null) {
				unknown.add(text);
			} else if (columns.putIfAbsent(column, i) != null) {
				problems.add(RowProblem.of(header.line(), column.key(), ImportKeys.COLUMNS_DUPLICATE, text));
			}
		}
		List<String> missing = new ArrayList<>();
		for (AgencyColumn column : AgencyColumn.values()) {
			if (column.required() && !columns.containsKey(column)) {
				missing.add(column.key());
			}
		}
		if (!missing.isEmpty() || !unknown.isEmpty()) {
			problems.add(0, RowProblem.of(header.line(), null, ImportKeys.COLUMNS,
					String.join(", ", missing), String.join(", ", unknown), missing.size(), unknown.size()));
		}
		return columns;
	}

	private static AgencyRow toRow(RawTable.RawLine line, Map<AgencyColumn, Integer> columns) {
		return new AgencyRow(line.line(),
				value(line, columns, AgencyColumn.CODE),
				value(line, columns, AgencyColumn.NAME),
				value(line, columns, AgencyColumn.KIND),
				value(line, columns, AgencyColumn.PARENT_CODE),
				value(line, columns, AgencyColumn.HEAD_NAME),
				value(line, columns, AgencyColumn.HEAD_TITLE),
				value(line, columns, AgencyColumn.HEAD_PHONE),
				value(line, columns, AgencyColumn.HEAD_EMAIL),
				value(line, columns, AgencyColumn.ADDRESS));
	}

	private static @Nullable String value(RawTable.RawLine line, Map<AgencyColumn, Integer> columns,
			AgencyColumn column) {
		Integer index = columns.get(column);
		if (index == null) {
			return null;
		}
		// NFC so that codes and names typed on different systems compare equal.
		String text = Normalizer.normalize(line.cell(index), Normalizer.Form.NFC).strip();
		return text.isEmpty() ? null : text;
	}

	private static void validate(AgencyRow row, List<RowProblem> problems) {
		int line = row.line();
		checkCode(line, AgencyColumn.CODE, row.code(), true, problems);
		if (required(line, AgencyColumn.NAME, row.name(), problems)) {
			maxLength(line, AgencyColumn.NAME, row.name(), MAX_TEXT_LENGTH, problems);
		}
		if (required(line, AgencyColumn.KIND, row.kind(), problems)
				&& maxLength(line, AgencyColumn.KIND, row.kind(), MAX_TEXT_LENGTH, problems)) {
			try {
				AgencyKind.parse(row.kind());
			} catch (IllegalArgumentException e) {
				problems.add(RowProblem.of(line, AgencyColumn.KIND.key(), ImportKeys.ROW_KIND, row.kind()));
			}
		}
		if (checkCode(line, AgencyColumn.PARENT_CODE, row.parentCode(), false, problems)
				&& row.parentCode() != null && row.parentCode().equals(row.code())) {
			problems.add(RowProblem.of(line, AgencyColumn.PARENT_CODE.key(), ImportKeys.ROW_SELF_PARENT));
		}
		maxLength(line, AgencyColumn.HEAD_NAME, row.headName(), MAX_TEXT_LENGTH, problems);
		maxLength(line, AgencyColumn.HEAD_TITLE, row.headTitle(), MAX_TEXT_LENGTH, problems);
		if (row.headPhone() != null && maxLength(line, AgencyColumn.HEAD_PHONE, row.headPhone(),
				MAX_PHONE_LENGTH, problems) && !PHONE.matcher(row.headPhone()).matches()) {
			problems.add(RowProblem.of(line, AgencyColumn.HEAD_PHONE.key(), ImportKeys.ROW_PHONE, row.headPhone()));
		}
		if (row.headEmail() != null && maxLength(line, AgencyColumn.HEAD_EMAIL, row.headEmail(),
				MAX_TEXT_LENGTH, problems) && !EMAIL.matcher(row.headEmail()).matches()) {
			problems.add(RowProblem.of(line, AgencyColumn.HEAD_EMAIL.key(), ImportKeys.ROW_EMAIL, row.headEmail()));
		}
		maxLength(line, AgencyColumn.ADDRESS, row.address(), MAX_TEXT_LENGTH, problems);
	}

	/** Returns true when the value is absent-and-optional or valid. */
	private static boolean checkCode(int line, AgencyColumn column, @Nullable String value, boolean isRequired,
			List<RowProblem> problems) {
		if (value == null) {
			return isRequired ? required(line, column, null, problems) : true;
		}
		if (!maxLength(line, column, value, MAX_CODE_LENGTH, problems)) {
			return false;
		}
		if (!CODE.matcher(value).matches()) {
			problems.add(RowProblem.of(line, column.key(), ImportKeys.ROW_CODE_PATTERN, value));
			return false;
		}
		return true;
	}

	private static boolean required(int line, AgencyColumn column, @Nullable String value, List<RowProblem> problems) {
		if (value == null) {
			problems.add(RowProblem.of(line, column.key(), ImportKeys.ROW_REQUIRED));
			return false;
		}
		return true;
	}

	// Code points, not UTF-16 units, to match how the database counts characters.
	private static boolean maxLength(int line, AgencyColumn column, @Nullable String value, int max,
			List<RowProblem> problems) {
		if (value != null && value.codePointCount(0, value.length()) > max) {
			problems.add(RowProblem.of(line, column.key(), ImportKeys.ROW_TOO_LONG, max));
			return false;
		}
		return true;
	}

	private static ReadResult failed(RowProblem problem) {
		return new ReadResult(List.of(), List.of(problem));
	}
}
