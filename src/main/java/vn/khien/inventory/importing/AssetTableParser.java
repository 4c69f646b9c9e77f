package vn.khien.inventory.importing;

import java.io.InputStream;
import java.util.function.Consumer;

import vn.khien.platform.importing.ImportProblem;
import vn.khien.platform.importing.ImportProblems;
import vn.khien.platform.importing.ParseResult;
import vn.khien.platform.importing.TableFormat;
import vn.khien.platform.importing.Tables;

/**
 * Streaming reader of asset lists, CSV or the first sheet of an .xlsx (columns documented
 * in docs/import-formats.md), on the shared table reader. Memory use is one row plus the
 * identity keys seen so far, whatever the file size.
 */
public final class AssetTableParser {

	/**
	 * Stops at the first problem.
	 * @return number of records given to {@code consumer}
	 * @throws ImportProblem for the first file or row problem
	 */
	public int parse(InputStream in, TableFormat format, Consumer<AssetRecord> consumer) {
		return run(in, format, consumer, ImportProblems.failFast()).parsed();
	}

	/**
	 * Gives every valid row to {@code consumer} and collects row problems. Problems that
	 * make the whole file unreadable (encoding, syntax, not a workbook, columns, empty
	 * file) are still thrown.
	 */
	public ParseResult<AssetRecord> parseCollecting(InputStream in, TableFormat format,
			Consumer<AssetRecord> consumer) {
		return run(in, format, consumer, ImportProblems.collecting());
	}

	private ParseResult<AssetRecord> run(InputStream in, TableFormat format, Consumer<AssetRecord> consumer,
			ImportProblems problems) {
		AssetRowReader rows = new AssetRowReader();
		int parsed = Tables.read(in, format, AssetRowReader.COLUMNS, problems, row -> consumer.accept(rows.read(row)));
		return problems.result(parsed);
	}

}
