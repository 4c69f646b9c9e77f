package vn.khien.inventory.importing;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.function.Consumer;

import vn.khien.platform.importing.Columns;
import vn.khien.platform.importing.Columns.Column;
import vn.khien.platform.importing.ImportProblems;
import vn.khien.platform.importing.ParseResult;
import vn.khien.platform.importing.TableFormat;
import vn.khien.platform.importing.Tables;

/**
 * Streaming reader of the generic coverage CSV
 * ({@code hostname,address,product,version,running,signature_date,last_check_in}; see
 * docs/import-formats.md), on the shared table reader.
 */
public final class CoverageCsvParser {

	// Names as CoverageRowReader has them; headers match ignoring case, spaces, - and _
	// (signature_date = signatureDate)
	static final Columns COLUMNS = Columns
		.of(Column.of(CoverageRowReader.HOSTNAME, "tên máy"), Column.of(CoverageRowReader.ADDRESS, "ip", "địa chỉ ip"),
				Column.of(CoverageRowReader.PRODUCT, "sản phẩm"),
				Column.of(CoverageRowReader.VERSION, "productversion", "phiên bản"),
				Column.of(CoverageRowReader.RUNNING, "đang chạy"), Column.of(CoverageRowReader.SIGNATURE_DATE),
				Column.of(CoverageRowReader.LAST_CHECK_IN))
		.require(CoverageRowReader.HOSTNAME, CoverageRowReader.ADDRESS)
		.require(CoverageRowReader.PRODUCT);

	private final CoverageRowReader rows;

	public CoverageCsvParser() {
		this(Values.DEFAULT_ZONE);
	}

	/**
	 * @param zone zone for timestamps written without an offset
	 */
	public CoverageCsvParser(ZoneId zone) {
		this.rows = new CoverageRowReader(zone);
	}

	/**
	 * Stops at the first problem; returns the number of records given to
	 * {@code consumer}.
	 */
	public int parse(InputStream in, Consumer<CoverageRecord> consumer) {
		return run(in, consumer, ImportProblems.failFast()).parsed();
	}

	/**
	 * Collects row problems; file-level problems (encoding, syntax, columns, empty) are
	 * still thrown.
	 */
	public ParseResult<CoverageRecord> parseCollecting(InputStream in, Consumer<CoverageRecord> consumer) {
		return run(in, consumer, ImportProblems.collecting());
	}

	private ParseResult<CoverageRecord> run(InputStream in, Consumer<CoverageRecord> consumer,
			ImportProblems problems) {
		int parsed = Tables.read(in, TableFormat.CSV, COLUMNS, problems,
				row -> consumer.accept(rows.read(row.line(), "line:" + row.line(), row::get)));
		return problems.result(parsed);
	}

}
