package vn.khien.monitoring.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * One JSON object read with Jackson's token stream into plain maps: integers as Long
 * (larger ones as their text), other numbers as Double, nulls left out. No data binding:
 * this is the decoder's hot path.
 */
final class JsonValues {

	private final JsonFactory factory;

	JsonValues(int maxDepth, int maxObjectBytes) {
		this.factory = JsonFactory.builder()
			// one parser per object: the default shared deque pool showed as the hot spot
			.recyclerPool(JsonRecyclerPools.newBoundedPool(64))
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(maxDepth)
				.maxStringLength(Math.max(maxObjectBytes, 1024))
				.maxDocumentLength(maxObjectBytes + 16L)
				.build())
			.build();
	}

	/**
	 * The object in {@code bytes} from {@code from} to {@code to} (excluded); Jackson's
	 * exceptions propagate.
	 */
	Map<String, Object> readObject(byte[] bytes, int from, int to) {
		try (JsonParser parser = this.factory.createParser(ObjectReadContext.empty(), bytes, from, to - from)) {
			return readRoot(parser);
		}
	}

	Map<String, Object> readObject(String text) {
		try (JsonParser parser = this.factory.createParser(ObjectReadContext.empty(), text)) {
			return readRoot(parser);
		}
	}

	/**
	 * Whether {@code bytes} from {@code from} to {@code to} (excluded) is one valid JSON
	 * value that is not an object.
	 */
	boolean isScalarOrArray(byte[] bytes, int from, int to) {
		try (JsonParser parser = this.factory.createParser(ObjectReadContext.empty(), bytes, from, to - from)) {
			JsonToken token = parser.nextToken();
			if (token == null || token == JsonToken.START_OBJECT) {
				return false;
			}
			parser.skipChildren();
			return parser.nextToken() == null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Map<String, Object> readRoot(JsonParser parser) {
		JsonToken first = parser.nextToken();
		if (first != JsonToken.START_OBJECT) {
			throw new NotAnObject();
		}
		return object(parser);
	}

	private static Map<String, Object> object(JsonParser parser) {
		Map<String, Object> map = new LinkedHashMap<>();
		String name;
		while ((name = parser.nextName()) != null) {
			Object value = value(parser, parser.nextToken());
			if (value != null) {
				map.put(name, value);
			}
		}
		return map;
	}

	private static Object value(JsonParser parser, JsonToken token) {
		if (token == null) {
			throw new IllegalStateException("end of input inside a value");
		}
		switch (token) {
			case VALUE_STRING:
				return parser.getString();
			case VALUE_NUMBER_INT:
				if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
					return parser.getString();
				}
				return parser.getLongValue();
			case VALUE_NUMBER_FLOAT:
				return parser.getDoubleValue();
			case VALUE_TRUE:
				return Boolean.TRUE;
			case VALUE_FALSE:
				return Boolean.FALSE;
			case START_OBJECT:
				return object(parser);
			case START_ARRAY:
				List<Object> list = new ArrayList<>();
				JsonToken next;
				while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
					Object element = value(parser, next);
					if (element != null) {
						list.add(element);
					}
				}
				return list;
			default:
				return null;
		}
	}

	/** The input is valid JSON but its top level is not an object. */
	static final class NotAnObject extends RuntimeException {

		NotAnObject() {
			super("not an object", null, false, false);
		}

	}

}
