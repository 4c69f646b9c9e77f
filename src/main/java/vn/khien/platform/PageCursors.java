package vn.khien.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keyset paging cursors ({@code after=}): the sort and the last row's sort values, signed
 * together with the list and filter they belong to. A cursor that was altered, or comes
 * from another list, filter or sort, is refused (400), so a client walking a list of a
 * million rows never skips or repeats one.
 */
@Component
public class PageCursors {

	/**
	 * The position after the last row of a page: the sort it was read in and that row's
	 * sort values.
	 */
	public record Position(String sort, boolean descending, List<String> values) {
	}

	private final SecretBox box;

	private final JsonMapper json;

	PageCursors(SecretBox box, JsonMapper json) {
		this.box = box;
		this.json = json;
	}

	/**
	 * {@code query} identifies the list and its filters (e.g.
	 * {@code assets?q=abc&agency=5}).
	 */
	public String encode(String query, Position position) {
		String payload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(json.writeValueAsString(List.of(position.sort(), position.descending(), position.values()))
				.getBytes(StandardCharsets.UTF_8));
		return payload + "." + box.mac(payload + "|" + query, "page-cursor");
	}

	/**
	 * The position a cursor names, checked against the list, filters and sort it is used
	 * with.
	 */
	public Position decode(String query, String cursor, PageQuery page) {
		int dot = cursor.indexOf('.');
		if (dot < 1 || cursor.length() > 2000) {
			throw invalid();
		}
		String payload = cursor.substring(0, dot);
		byte[] expected = box.mac(payload + "|" + query, "page-cursor").getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, cursor.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
			throw invalid();
		}
		List<Object> parts;
		try {
			parts = json.readValue(Base64.getUrlDecoder().decode(payload), new TypeReference<List<Object>>() {
			});
		}
		catch (RuntimeException ex) {
			throw invalid();
		}
		if (parts.size() != 3 || !(parts.get(0) instanceof String sort) || !(parts.get(1) instanceof Boolean desc)
				|| !(parts.get(2) instanceof List<?> values)) {
			throw invalid();
		}
		if (!sort.equals(page.sort()) || desc != page.descending()) {
			throw new InvalidInputException("after", "page.cursor.otherSort");
		}
		return new Position(sort, desc, values.stream().map(String::valueOf).toList());
	}

	private static InvalidInputException invalid() {
		return new InvalidInputException("after", "page.cursor.invalid");
	}

}
