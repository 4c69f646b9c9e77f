package vn.khien.registry.importing;

/** Message keys used in {@link RowProblem}; texts live in the messages bundle. */
public final class ImportKeys {

	/** args: file name. */
	public static final String FILE_TYPE = "import.file.type";
	/** args: none. No header or no data rows. */
	public static final String FILE_EMPTY = "agencyImport.file.empty";
	/** args: maximum size in MiB. */
	public static final String FILE_TOO_LARGE = "import.file.tooLarge";
	/** args: maximum number of data rows. */
	public static final String FILE_TOO_MANY_ROWS = "import.file.tooManyRows";
	/** args: none. Corrupt XLSX or malformed CSV quoting. */
	public static final String FILE_UNREADABLE = "agencyImport.file.unreadable";
	/** args: none; the problem's line is where the first invalid bytes are. */
	public static final String ENCODING = "import.encoding";
	/** args: missing required columns (joined), unknown columns (joined), missing count, unknown count. */
	public static final String COLUMNS = "import.columns";
	/** args: the header text that maps to an already present column. */
	public static final String COLUMNS_DUPLICATE = "import.columns.duplicate";
	/** args: none. */
	public static final String ROW_REQUIRED = "import.row.required";
	/** args: maximum length. */
	public static final String ROW_TOO_LONG = "import.row.tooLong";
	/** args: the value given. Code must match [A-Za-z0-9._-]+. */
	public static final String ROW_CODE_PATTERN = "import.row.codePattern";
	/** args: the value given. */
	public static final String ROW_KIND = "import.row.kind";
	/** args: the value given. */
	public static final String ROW_EMAIL = "import.row.email";
	/** args: the value given. */
	public static final String ROW_PHONE = "import.row.phone";
	/** args: the code, the line where it first appeared. */
	public static final String ROW_DUPLICATE_CODE = "import.row.duplicateCode";
	/** args: none. */
	public static final String ROW_SELF_PARENT = "import.row.selfParent";
	/** args: the codes in the cycle joined with " → ". */
	public static final String ROW_CYCLE = "import.row.cycle";

	/** Prefix of column labels: {@code import.field.} + {@link RowProblem#field()}, e.g. {@code import.field.parent_code}. */
	public static final String FIELD_PREFIX = "import.field.";
	/** For callers showing a problem with its line; args: line, the formatted problem message. */
	public static final String PROBLEM_LINE = "import.problem.line";

	private ImportKeys() {
	}
}
