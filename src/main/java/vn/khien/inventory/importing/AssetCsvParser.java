package vn.khien.inventory.importing;

import org.jspecify.annotations.Nullable;

import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streaming reader of asset CSV files (columns documented in docs/import-formats.md). Memory use is one row
 * plus the identity keys seen so far, whatever the file size.
 */
public final class AssetCsvParser {

    /**
     * Stops at the first problem.
     *
     * @return number of records given to {@code consumer}
     * @throws ImportProblem for the first file or row problem
     */
    public int parse(InputStream in, Consumer<AssetRecord> consumer) {
        return run(in, consumer, ProblemCollector.failFast()).parsed();
    }

    /**
     * Gives every valid row to {@code consumer} and collects row problems. Problems that make the whole file
     * unreadable (encoding, CSV syntax, columns, empty file) are still thrown.
     */
    public ParseResult<AssetRecord> parseCollecting(InputStream in, Consumer<AssetRecord> consumer) {
        return run(in, consumer, ProblemCollector.collecting());
    }

    private ParseResult<AssetRecord> run(InputStream in, Consumer<AssetRecord> consumer, ProblemCollector problems) {
        int[] parsed = {0};
        boolean hadHeader = CsvRows.read(in, new CsvRows.RowHandler() {

            private @Nullable AssetRowReader rows;

            @Override
            public void header(int line, List<@Nullable String> cells) {
                rows = new AssetRowReader(cells, line);
            }

            @Override
            public void row(int line, List<@Nullable String> cells) {
                AssetRecord asset;
                try {
                    asset = java.util.Objects.requireNonNull(rows).read(line, cells);
                }
                catch (ImportProblem problem) {
                    problems.report(problem);
                    return;
                }
                consumer.accept(asset);
                parsed[0]++;
            }
        });
        if (!hadHeader) {
            throw ImportProblem.ofFile("import.file.empty");
        }
        return problems.result(parsed[0]);
    }
}
