package vn.khien.registry.importing;

/**
 * Message keys of the agency import's own problems; texts live in the reorg bundle. Row
 * problems name the column as the file writes its header (their first argument). Problems
 * of the file as a whole (empty, encoding, syntax, not a workbook, columns) are the
 * shared table reader's ({@code import.file.empty}, {@code import.csv.*},
 * {@code import.xlsx.invalid}).
 */
public final class ImportKeys {

	/** args: file name. Neither .csv nor .xlsx. */
	public static final String FILE_TYPE = "import.file.type";

	/** args: maximum number of data rows. */
	public static final String FILE_TOO_MANY_ROWS = "import.file.tooManyRows";

	/** args: none. Only administrators and province operators import agencies. */
	public static final String FORBIDDEN = "agencyImport.forbidden";

	/** args: column. */
	public static final String ROW_REQUIRED = "import.row.required";

	/** args: column, maximum length. */
	public static final String ROW_TOO_LONG = "import.row.tooLong";

	/** args: column, the value given. Code must match [A-Za-z0-9._-]+. */
	public static final String ROW_CODE_PATTERN = "import.row.codePattern";

	/** args: column, the value given. */
	public static final String ROW_KIND = "import.row.kind";

	/** args: column, the value given. */
	public static final String ROW_EMAIL = "import.row.email";

	/** args: column, the value given. */
	public static final String ROW_PHONE = "import.row.phone";

	/** args: column, the code, the line where it first appeared. */
	public static final String ROW_DUPLICATE_CODE = "import.row.duplicateCode";

	/** args: column. */
	public static final String ROW_SELF_PARENT = "import.row.selfParent";

	/** args: column, the codes in the cycle joined with " → ". */
	public static final String ROW_CYCLE = "import.row.cycle";

	/** args: column, the parent code. Neither registered nor in the file. */
	public static final String ROW_PARENT_UNKNOWN = "import.row.parentUnknown";

	/** args: column, the parent code, the parent's line. */
	public static final String ROW_PARENT_INVALID = "import.row.parentInvalid";

	/**
	 * args: column, the parent code. The move would put an agency under its own sub-unit.
	 */
	public static final String ROW_PARENT_CYCLE = "import.row.parentCycle";

	private ImportKeys() {
	}

}
