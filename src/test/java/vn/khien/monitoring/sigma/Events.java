package vn.khien.monitoring.sigma;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

import vn.khien.monitoring.event.LogSource;

/**
 * Test decoders: evtx_dump JSON (several objects may follow each other in a file) and
 * OTRF flat JSON lines, both to flat Sigma field names.
 */
final class Events {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final LogSource WINDOWS = new LogSource("windows", null, null);

	private Events() {
	}

	@SuppressWarnings("unchecked")
	static List<MapView> evtx(Path file) throws IOException {
		List<MapView> events = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file);
				MappingIterator<Map<String, Object>> it = JSON.readerFor(Map.class).readValues(in)) {
			while (it.hasNext()) {
				Map<String, Object> event = (Map<String, Object>) it.next().get("Event");
				Map<String, Object> flat = new LinkedHashMap<>();
				Map<String, Object> system = (Map<String, Object>) event.get("System");
				Instant time = Instant.EPOCH;
				for (Map.Entry<String, Object> entry : system.entrySet()) {
					Object value = entry.getValue();
					if (value instanceof Map<?, ?> map) {
						Object text = map.get("#text");
						if (text != null) {
							flat.put(entry.getKey(), normal(text));
						}
						if (map.get("#attributes") instanceof Map<?, ?> attributes) {
							for (Map.Entry<?, ?> attribute : attributes.entrySet()) {
								flat.put(entry.getKey() + "_" + attribute.getKey(), normal(attribute.getValue()));
							}
						}
					}
					else if (value != null) {
						flat.put(entry.getKey(), normal(value));
					}
				}
				if (flat.get("TimeCreated_SystemTime") instanceof String systemTime) {
					time = instant(systemTime);
				}
				data(event.get("EventData"), flat);
				if (event.get("UserData") instanceof Map<?, ?> userData) {
					for (Object child : userData.values()) {
						data(child, flat);
					}
				}
				events.add(new MapView(flat, WINDOWS, time));
			}
		}
		return events;
	}

	private static void data(Object data, Map<String, Object> flat) {
		if (data instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!entry.getKey().equals("#attributes") && entry.getValue() != null) {
					// NB: Sigma's field names are the event's with spaces stripped
					// (Defender's "Threat Name")
					flat.put(((String) entry.getKey()).replace(" ", ""), normal(entry.getValue()));
				}
			}
		}
	}

	private static Object normal(Object value) {
		if (value instanceof Integer n) {
			return n.longValue();
		}
		if (value instanceof java.math.BigInteger n) {
			return n.doubleValue();
		}
		if (value instanceof Map<?, ?> map && map.get("#text") != null) {
			return normal(map.get("#text"));
		}
		if (value instanceof List<?> list) {
			return list.stream().map(Events::normal).toList();
		}
		return value instanceof Map ? String.valueOf(value) : value;
	}

	@SuppressWarnings("unchecked")
	static List<MapView> otrf(Path file) throws IOException {
		List<MapView> events = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			if (line.isBlank()) {
				continue;
			}
			Map<String, Object> map = JSON.readValue(line, Map.class);
			Map<String, Object> flat = new LinkedHashMap<>();
			map.forEach((k, v) -> {
				if (v != null) {
					flat.put(k, normal(v));
				}
			});
			Instant time = map.get("@timestamp") instanceof String t ? instant(t) : Instant.EPOCH;
			events.add(new MapView(flat, WINDOWS, time));
		}
		return events;
	}

	private static Instant instant(String text) {
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return Instant.EPOCH;
		}
	}

}
