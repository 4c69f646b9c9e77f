package vn.khien.platform.importing;

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

/**
 * Shared plumbing of every streaming JSON import (coverage, scanners' reports): one token
 * stream, one small tree per array element, syntax errors as
 * {@code import.json.malformed} with their line.
 */
public final class SafeJson {

	// Trailing-token checking is off because each tree read covers one array element, not
	// the whole stream.
	public static final ObjectMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private SafeJson() {
	}

	/**
	 * Runs a parse, turning Jackson syntax errors into {@code import.json.malformed} with
	 * the line.
	 */
	public static <T> T guarded(Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			int line = location == null ? 0 : location.getLineNr();
			throw new ImportProblem("import.json.malformed", line > 0 ? "line:" + line : null, ex);
		}
	}

	public static JsonParser open(InputStream in) {
		return MAPPER.createParser(in);
	}

	/**
	 * First token of the document; an empty or all-whitespace file is reported as such.
	 */
	public static JsonToken firstToken(JsonParser parser) {
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
	public static JsonNode readValue(JsonParser parser) {
		return MAPPER.readTree(parser);
	}

	/**
	 * Scalar field as text (numbers and booleans too); null when absent, null or not a
	 * scalar.
	 */
	public static @Nullable String text(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode() || !node.isValueNode()) {
			return null;
		}
		return node.asString();
	}

}
