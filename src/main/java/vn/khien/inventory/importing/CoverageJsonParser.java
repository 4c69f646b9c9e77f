package vn.khien.inventory.importing;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import vn.khien.platform.importing.SafeJson;
import vn.khien.platform.importing.ImportProblem;
import vn.khien.platform.importing.ImportProblems;
import vn.khien.platform.importing.ParseResult;

/**
 * Streaming reader of the generic coverage JSON: an array of objects with the same fields
 * as the coverage CSV, in snake_case or camelCase. Only one array element is held in
 * memory at a time.
 */
public final class CoverageJsonParser {

	private final CoverageRowReader rows;

	public CoverageJsonParser() {
		this(Values.DEFAULT_ZONE);
	}

	/**
	 * @param zone zone for timestamps written without an offset
	 */
	public CoverageJsonParser(ZoneId zone) {
		this.rows = new CoverageRowReader(zone);
	}

	/**
	 * Stops at the first problem; returns the number of records given to
	 * {@code consumer}.
	 */
	public int parse(InputStream in, Consumer<CoverageRecord> consumer) {
		return run(in, consumer, ImportProblems.failFast()).parsed();
	}

	/** Collects per-object problems; syntax and shape problems are still thrown. */
	public ParseResult<CoverageRecord> parseCollecting(InputStream in, Consumer<CoverageRecord> consumer) {
		return run(in, consumer, ImportProblems.collecting());
	}

	private ParseResult<CoverageRecord> run(InputStream in, Consumer<CoverageRecord> consumer,
			ImportProblems problems) {
		return SafeJson.guarded(() -> {
			try (JsonParser parser = SafeJson.open(in)) {
				if (SafeJson.firstToken(parser) != JsonToken.START_ARRAY) {
					throw ImportProblem.ofFile("import.json.shape");
				}
				int ordinal = 0;
				int parsed = 0;
				JsonToken token;
				while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
					ordinal++;
					String location = "element:item[" + ordinal + "]";
					if (token != JsonToken.START_OBJECT) {
						throw new ImportProblem("import.json.shape", location);
					}
					JsonNode item = SafeJson.readValue(parser);
					Map<String, String> fields = new HashMap<>();
					for (Map.Entry<String, JsonNode> property : item.properties()) {
						String name = CoverageRowReader.canonical(property.getKey());
						if (name != null) {
							fields.putIfAbsent(name, SafeJson.text(property.getValue()));
						}
					}
					CoverageRecord record;
					try {
						record = rows.read(ordinal, location, fields::get);
					}
					catch (ImportProblem problem) {
						problems.report(problem);
						continue;
					}
					consumer.accept(record);
					parsed++;
				}
				return problems.<CoverageRecord>result(parsed);
			}
		});
	}

}
