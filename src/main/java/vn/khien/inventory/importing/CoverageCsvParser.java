package vn.khien.inventory.importing;

import org.jspecify.annotations.Nullable;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streaming reader of the generic coverage CSV
 * ({@code hostname,address,product,version,running,signature_date,last_check_in}; see docs/import-formats.md).
 */
public final class CoverageCsvParser {

    private final CoverageRowReader rows;

    public CoverageCsvParser() {
        this(Values.DEFAULT_ZONE);
    }

    /** @param zone zone for timestamps written without an offset */
    public CoverageCsvParser(ZoneId zone) {
        this.rows = new CoverageRowReader(zone);
    }

    /** Stops at the first problem; returns the number of records given to {@code consumer}. */
    public int parse(InputStream in, Consumer<CoverageRecord> consumer) {
        return run(in, consumer, ProblemCollector.failFast()).parsed();
    }

    /** Collects row problems; file-level problems (encoding, syntax, columns, empty) are still thrown. */
    public ParseResult<CoverageRecord> parseCollecting(InputStream in, Consumer<CoverageRecord> consumer) {
        return run(in, consumer, ProblemCollector.collecting());
    }

    private ParseResult<CoverageRecord> run(InputStream in, Consumer<CoverageRecord> consumer, ProblemCollector problems) {
        int[] parsed = {0};
        Map<String, Integer> index = new HashMap<>();
        boolean hadHeader = CsvRows.read(in, new CsvRows.RowHandler() {

            @Override
            public void header(int line, List<@Nullable String> cells) {
                Set<String> unknown = new LinkedHashSet<>();
                for (int i = 0; i < cells.size(); i++) {
                    String cell = cells.get(i);
                    String raw = cell == null ? "" : cell.strip();
                    if (raw.isEmpty()) {
                        continue;
                    }
                    String name = CoverageRowReader.canonical(raw);
                    if (name == null) {
                        unknown.add(raw);
                    }
                    else if (index.putIfAbsent(name, i) != null) {
                        throw ImportProblem.atLine(line, "import.csv.duplicateColumn", raw);
                    }
                }
                List<String> missing = new ArrayList<>();
                if (!index.containsKey(CoverageRowReader.HOSTNAME) && !index.containsKey(CoverageRowReader.ADDRESS)) {
                    missing.add("hostname/address");
                }
                if (!index.containsKey(CoverageRowReader.PRODUCT)) {
                    missing.add("product");
                }
                if (!missing.isEmpty() || !unknown.isEmpty()) {
                    throw ImportProblem.atLine(line, "import.csv.columns",
                            missing.isEmpty() ? "-" : String.join(", ", missing),
                            unknown.isEmpty() ? "-" : String.join(", ", unknown));
                }
            }

            @Override
            public void row(int line, List<@Nullable String> cells) {
                CoverageRecord record;
                try {
                    record = rows.read(line, "line:" + line, name -> {
                        Integer i = index.get(name);
                        return i == null || i >= cells.size() ? null : cells.get(i);
                    });
                }
                catch (ImportProblem problem) {
                    problems.report(problem);
                    return;
                }
                consumer.accept(record);
                parsed[0]++;
            }
        });
        if (!hadHeader) {
            throw ImportProblem.ofFile("import.file.empty");
        }
        return problems.result(parsed[0]);
    }
}
