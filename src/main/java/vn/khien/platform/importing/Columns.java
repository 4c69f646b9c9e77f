package vn.khien.platform.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns a table file may have, each under its name and its synonyms (Vietnamese
 * headers among them), and which must be there. Headers are matched after Unicode NFC,
 * ignoring case, spaces, {@code -} and {@code _}, so {@code Parent code},
 * {@code parent_code} and {@code parentCode} are one column; diacritics count ({@code mã}
 * is not {@code ma}). Any other header is refused, so a misspelt column never goes
 * unnoticed.
 */
public final class Columns {

	/** A column: its name (what callers ask for) and the other headers that mean it. */
	public record Column(String name, List<String> synonyms) {

		public Column {
			synonyms = List.copyOf(synonyms);
		}

		public static Column of(String name, String... synonyms) {
			return new Column(name, List.of(synonyms));
		}
	}

	private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");

	private final List<Column> columns;

	private final Map<String, String> byHeader = new HashMap<>();

	private final List<List<String>> required;

	private Columns(List<Column> columns, List<List<String>> required) {
		this.columns = List.copyOf(columns);
		this.required = List.copyOf(required);
		for (Column column : columns) {
			byHeader.put(normalise(column.name()), column.name());
			for (String synonym : column.synonyms()) {
				byHeader.put(normalise(synonym), column.name());
			}
		}
	}

	public static Columns of(Column... columns) {
		return new Columns(List.of(columns), List.of());
	}

	/**
	 * These columns, with one more requirement: at least one of {@code names} (one name:
	 * that column).
	 */
	public Columns require(String... names) {
		for (String name : names) {
			if (columns.stream().noneMatch(c -> c.name().equals(name))) {
				throw new IllegalArgumentException("no column " + name);
			}
		}
		List<List<String>> more = new ArrayList<>(required);
		more.add(List.of(names));
		return new Columns(columns, more);
	}

	/**
	 * Maps a header row.
	 * @throws ImportProblem {@code import.csv.columns} (missing, unknown, how many of
	 * each) or {@code import.csv.duplicateColumn} (the second header), at the header's
	 * line
	 */
	public Header header(TableRow row) {
		Map<String, Integer> index = new LinkedHashMap<>();
		Map<String, String> labels = new HashMap<>();
		Set<String> unknown = new LinkedHashSet<>();
		for (int i = 0; i < row.cells().size(); i++) {
			String text = Normalizer.normalize(row.cell(i), Normalizer.Form.NFC).strip();
			if (text.isEmpty()) {
				continue; // trailing empty header cells are common in spreadsheet exports
			}
			String column = byHeader.get(normalise(text));
			if (column == null) {
				unknown.add(text);
			}
			else if (index.putIfAbsent(column, i) != null) {
				throw ImportProblem.atLine(row.line(), "import.csv.duplicateColumn", text);
			}
			else {
				labels.put(column, text);
			}
		}
		List<String> missing = new ArrayList<>();
		for (List<String> oneOf : required) {
			if (oneOf.stream().noneMatch(index::containsKey)) {
				missing.add(String.join("/", oneOf));
			}
		}
		if (!missing.isEmpty() || !unknown.isEmpty()) {
			throw ImportProblem.atLine(row.line(), "import.csv.columns", String.join(", ", missing),
					String.join(", ", unknown), missing.size(), unknown.size());
		}
		return new Header(row.line(), index, labels);
	}

	static String normalise(String header) {
		return SEPARATORS.matcher(Normalizer.normalize(header, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT))
			.replaceAll("");
	}

}
