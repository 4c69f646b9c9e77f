package vn.khien.monitoring.sharing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.platform.stix.Observation;

/**
 * The addresses, domains, URLs and hashes an alert's events named in their ECS form. An
 * address inside private, loopback or link-local space is left out: it means nothing
 * outside the province and would draw its network. A value its kind does not fit is left
 * out too (it would only be text).
 */
final class AlertObservables {

	/** An alert shares at most this many; its first events are kept, not all. */
	static final int LIMIT = 50;

	private static final String[][] FIELDS = { { "source.ip", "IP" }, { "destination.ip", "IP" },
			{ "dns.question.name", "DOMAIN" }, { "url.full", "URL" }, { "file.hash.md5", "FILE_HASH" },
			{ "file.hash.sha1", "FILE_HASH" }, { "file.hash.sha256", "FILE_HASH" },
			{ "file.hash.sha512", "FILE_HASH" } };

	private AlertObservables() {
	}

	/**
	 * From the events' ECS documents as stored; a document that does not parse is
	 * skipped.
	 */
	static List<SharedAlert.Observable> of(JsonMapper json, List<String> ecsDocuments) {
		Map<String, SharedAlert.Observable> found = new LinkedHashMap<>();
		for (String ecs : ecsDocuments) {
			JsonNode doc;
			try {
				doc = json.readTree(ecs);
			}
			catch (JacksonException ex) {
				continue;
			}
			for (String[] field : FIELDS) {
				for (String value : values(doc, field[0])) {
					if (value.isBlank() || value.length() > 2048) {
						continue;
					}
					Observation observation = Observation.of(field[1], value);
					if (!observation.hasSco() || ("IP".equals(field[1]) && internal(observation.value()))) {
						continue;
					}
					found.putIfAbsent(observation.form() + "\n" + observation.value(),
							new SharedAlert.Observable(observation, field[0]));
					if (found.size() == LIMIT) {
						return List.copyOf(found.values());
					}
				}
			}
		}
		return List.copyOf(found.values());
	}

	/**
	 * Nested (an object source holding ip) or flat ({@code source.ip}) fields, one value
	 * or many.
	 */
	static List<String> values(JsonNode doc, String path) {
		List<String> out = new ArrayList<>();
		collect(doc.get(path), out);
		JsonNode node = doc;
		for (String part : path.split("\\.")) {
			node = node == null ? null : node.get(part);
		}
		collect(node, out);
		return out;
	}

	private static void collect(@Nullable JsonNode node, List<String> out) {
		if (node == null) {
			return;
		}
		if (node.isArray()) {
			node.forEach(item -> collect(item, out));
		}
		else if (node.isString() || node.isNumber()) {
			out.add(node.asString());
		}
	}

	/** Private, loopback, link-local, shared (RFC 6598), unique local or unspecified. */
	static boolean internal(String address) {
		String bare = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
		InetAddress inet;
		try {
			// NB: Observation checked it is a literal address, which getByName never
			// looks up
			inet = InetAddress.getByName(bare);
		}
		catch (UnknownHostException ex) {
			return true;
		}
		byte[] bytes = inet.getAddress();
		boolean sharedSpace = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
		boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
		return inet.isSiteLocalAddress() || inet.isLoopbackAddress() || inet.isLinkLocalAddress()
				|| inet.isAnyLocalAddress() || inet.isMulticastAddress() || sharedSpace || uniqueLocal;
	}

}
