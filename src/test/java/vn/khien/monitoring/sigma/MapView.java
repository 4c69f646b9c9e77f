package vn.khien.monitoring.sigma;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.event.LogSource;
import vn.khien.monitoring.event.SigmaView;

/** A test-only event: flat Sigma field names over a map. */
final class MapView implements SigmaView {

	private final Map<String, Object> fields;

	private final LogSource logSource;

	private final Instant timestamp;

	private @Nullable List<String> values;

	MapView(Map<String, Object> fields, LogSource logSource, Instant timestamp) {
		this.fields = fields;
		this.logSource = logSource;
		this.timestamp = timestamp;
	}

	static MapView windows(Object... pairs) {
		return of(new LogSource("windows", null, null), Instant.EPOCH, pairs);
	}

	static MapView of(LogSource source, Instant time, Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			Object value = pairs[i + 1];
			map.put((String) pairs[i], value instanceof Integer n ? Long.valueOf(n) : value);
		}
		return new MapView(map, source, time);
	}

	Map<String, Object> fields() {
		return fields;
	}

	@Override
	public @Nullable Object field(String name) {
		return fields.get(name);
	}

	@Override
	public Iterable<String> values() {
		if (values == null) {
			List<String> all = new ArrayList<>();
			for (Object value : fields.values()) {
				if (value instanceof List<?> list) {
					list.forEach(v -> all.add(String.valueOf(v)));
				}
				else {
					all.add(String.valueOf(value));
				}
			}
			values = all;
		}
		return values;
	}

	@Override
	public LogSource logSource() {
		return logSource;
	}

	@Override
	public Instant timestamp() {
		return timestamp;
	}

}
