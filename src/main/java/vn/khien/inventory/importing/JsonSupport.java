package vn.khien.inventory.importing;

import java.io.InputStream;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import vn.khien.platform.importing.ImportProblem;

/**
 * Shared plumbing of the streaming JSON parsers: one token stream, one small tree per
 * array element.
 */
final class JsonSupport {

	// Trailing-token checking is off because each tree read covers one array element, not
	// the whole stream.
	static final ObjectMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private JsonSupport() {
	}

	/**
	 * Runs a parse, turning Jackson syntax errors into {@code import.json.malformed} with
	 * the line.
	 */
	static <T> T guarded(Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			int line = location == null ? 0 : location.getLineNr();
			throw new ImportProblem("import.json.malformed", line > 0 ? "line:" + line : null, ex);
		}
	}

	static JsonParser open(InputStream in) {
		return MAPPER.createParser(in);
	}

	/**
	 * First token of the document; an empty or all-whitespace file is reported as such.
	 */
	static JsonToken firstToken(JsonParser parser) {
		JsonToken token = parser.nextToken();
		if (token == null) {
			throw ImportProblem.ofFile("import.file.empty");
		}
		return token;
	}

	/**
	 * Reads the value the parser is on (one array element) as a tree; the rest of the
	 * stream stays unread.
	 */
	static JsonNode readValue(JsonParser parser) {
		return MAPPER.readTree(parser);
	}

	/**
	 * Scalar field as text (numbers and booleans too); null when absent, null or not a
	 * scalar.
	 */
	static @Nullable String text(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode() || !node.isValueNode()) {
			return null;
		}
		return node.asString();
	}

}
