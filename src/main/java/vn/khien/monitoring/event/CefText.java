package vn.khien.monitoring.event;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * ArcSight CEF, bare or after a syslog header: {@code CEF:Version|Vendor|Product|
 * DeviceVersion|ClassId|Name|Severity|Extension}. Header fields unescape a backslash
 * before a pipe or a backslash; extension values a backslash before an equals sign, a
 * backslash, a pipe, n or r, and run to the next key and equals sign, so they may hold
 * spaces. A backslash before any other character is kept as written (and noted); a header
 * with fewer than seven fields, an extension that does not start with {@code key=}, or a
 * backslash ending the message are errors.
 */
final class CefText {

	/** CEF key, ECS name, and whether the ECS value is a number. */
	private static final String[][] ECS = { { "src", "source.ip" }, { "dst", "destination.ip" },
			{ "spt", "source.port", "n" }, { "dpt", "destination.port", "n" }, { "smac", "source.mac" },
			{ "dmac", "destination.mac" }, { "shost", "source.domain" }, { "dhost", "destination.domain" },
			{ "suser", "source.user.name" }, { "duser", "destination.user.name" }, { "suid", "source.user.id" },
			{ "duid", "destination.user.id" }, { "sntdom", "source.user.domain" },
			{ "dntdom", "destination.user.domain" }, { "sproc", "source.process.name" }, { "dproc", "process.name" },
			{ "dpid", "process.pid", "n" }, { "act", "event.action" }, { "app", "network.protocol" },
			{ "request", "url.original" }, { "requestMethod", "http.request.method" },
			{ "requestClientApplication", "user_agent.original" }, { "fname", "file.name" },
			{ "filePath", "file.path" }, { "fsize", "file.size", "n" }, { "fileHash", "file.hash.sha256" },
			{ "outcome", "event.outcome" }, { "reason", "event.reason" }, { "externalId", "event.id" },
			{ "in", "source.bytes", "n" }, { "out", "destination.bytes", "n" }, { "dvchost", "observer.hostname" },
			{ "deviceInboundInterface", "observer.ingress.interface.name" },
			{ "deviceOutboundInterface", "observer.egress.interface.name" },
			{ "deviceExternalId", "observer.serial_number" }, { "cat", "event.category_text" } };

	private static final LogSource CEF = new LogSource(null, null, "cef");

	private CefText() {
	}

	/** A CEF message that cannot be read. */
	static final class CefProblem extends Exception {

		CefProblem(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * Where {@code CEF:<digit>} starts (at the line start, after a space or a PRI), or
	 * -1.
	 */
	static int start(String line) {
		int at = line.indexOf("CEF:");
		while (at >= 0) {
			if ((at == 0 || line.charAt(at - 1) == ' ' || line.charAt(at - 1) == '>') && at + 4 < line.length()
					&& Character.isDigit(line.charAt(at + 4))) {
				return at;
			}
			at = line.indexOf("CEF:", at + 1);
		}
		return -1;
	}

	static void decode(String s, int at, SyslogText.Header prefix, EventBuilder b, ZoneId zone) throws CefProblem {
		b.shape = EventShape.CEF;
		b.logSource = CEF;
		int n = s.length();
		int i = at + 4;
		int versionEnd = SyslogText.indexOf(s, '|', i, n);
		Long version = FlatMaps.parseLong(s, i, versionEnd);
		if (version == null || versionEnd >= n) {
			throw new CefProblem("CEF version is not a number followed by '|' at column " + (i + 1));
		}
		String[] header = new String[6];
		i = versionEnd + 1;
		StringBuilder field = new StringBuilder(32);
		int count = 0;
		boolean extension = false;
		while (count < 6) {
			field.setLength(0);
			boolean closed = false;
			while (i < n) {
				char c = s.charAt(i);
				if (c == '\\') {
					if (i + 1 >= n) {
						throw new CefProblem("CEF header ends in a lone backslash at column " + (i + 1));
					}
					char next = s.charAt(i + 1);
					if (next == '|' || next == '\\') {
						field.append(next);
						i += 2;
						continue;
					}
					b.notes.add(EventNote.CEF_LENIENT_ESCAPE);
				}
				else if (c == '|') {
					closed = true;
					i++;
					break;
				}
				field.append(c);
				i++;
			}
			header[count++] = field.toString();
			if (!closed) {
				if (count < 6) {
					throw new CefProblem("CEF header has " + (count + 1) + " of 7 fields (escaped '|'?)");
				}
				break;
			}
			extension = count == 6;
		}
		Map<String, Object> s2 = b.sigma;
		s2.put("cefVersion", version);
		s2.put("deviceVendor", header[0]);
		s2.put("deviceProduct", header[1]);
		s2.put("deviceVersion", header[2]);
		s2.put("deviceEventClassId", header[3]);
		s2.put("name", header[4]);
		s2.put("severity", header[5]);
		Map<String, Object> ext = new LinkedHashMap<>();
		if (extension) {
			extension(s, i, n, ext, b);
			for (Map.Entry<String, Object> entry : ext.entrySet()) {
				s2.putIfAbsent(entry.getKey(), entry.getValue());
			}
		}
		ecs(prefix, header, ext, b, zone);
	}

	private static void extension(String s, int i, int n, Map<String, Object> out, EventBuilder b) throws CefProblem {
		while (i < n && s.charAt(i) == ' ') {
			i++;
		}
		if (i >= n) {
			return;
		}
		int keyEnd = keyAt(s, i, n);
		if (keyEnd < 0) {
			throw new CefProblem("CEF extension does not start with key=value at column " + (i + 1));
		}
		StringBuilder value = new StringBuilder(64);
		while (true) {
			String key = s.substring(i, keyEnd);
			int j = keyEnd + 1;
			value.setLength(0);
			int next = -1;
			while (j < n) {
				char c = s.charAt(j);
				if (c == '\\') {
					if (j + 1 >= n) {
						throw new CefProblem("CEF value of " + key + " ends in a lone backslash");
					}
					char e = s.charAt(j + 1);
					switch (e) {
						case '=', '\\', '|' -> {
							value.append(e);
							j += 2;
							continue;
						}
						case 'n' -> {
							value.append('\n');
							j += 2;
							continue;
						}
						case 'r' -> {
							value.append('\r');
							j += 2;
							continue;
						}
						default -> b.notes.add(EventNote.CEF_LENIENT_ESCAPE);
					}
				}
				else if (c == ' ' && keyAt(s, j + 1, n) > 0) {
					next = j + 1;
					break;
				}
				value.append(c);
				j++;
			}
			int end = value.length();
			while (end > 0 && value.charAt(end - 1) == ' ') {
				end--;
			}
			out.put(key, value.substring(0, end));
			if (next < 0) {
				return;
			}
			i = next;
			keyEnd = keyAt(s, i, n);
		}
	}

	/** End of a key ({@code [A-Za-z0-9_.-]+} then '=') at {@code i}, or -1. */
	private static int keyAt(String s, int i, int n) {
		int k = i;
		while (k < n) {
			char c = s.charAt(k);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
					|| c == '-') {
				k++;
			}
			else {
				break;
			}
		}
		return (k > i && k < n && s.charAt(k) == '=') ? k : -1;
	}

	private static void ecs(SyslogText.Header prefix, String[] header, Map<String, Object> ext, EventBuilder b,
			ZoneId zone) {
		b.ecs("event.kind", "event");
		b.ecs("event.module", "cef");
		b.ecs("observer.vendor", header[0]);
		b.ecs("observer.product", header[1]);
		b.ecs("observer.version", header[2]);
		b.ecs("event.code", header[3]);
		b.ecs("event.severity", severity(header[5]));
		for (String[] mapping : ECS) {
			Object value = ext.get(mapping[0]);
			if (value == null) {
				continue;
			}
			if (mapping.length > 2) {
				b.ecsNumber(mapping[1], value);
			}
			else {
				b.ecs(mapping[1], value);
			}
		}
		if (ext.get("proto") instanceof String proto) {
			b.ecs("network.transport", proto.toLowerCase(Locale.ROOT));
		}
		if (ext.get("dvc") instanceof String device) {
			b.ecs(FlatMaps.isIp(device) ? "observer.ip" : "observer.hostname", device);
		}
		Object user = ext.containsKey("suser") ? ext.get("suser") : ext.get("duser");
		b.ecs("user.name", user);
		b.message = (ext.get("msg") instanceof String msg) ? msg : header[4];
		b.ecs("message", b.message);
		b.ecs("cef.name", header[4]);
		b.ecs("cef.extensions", ext);
		Instant time = null;
		Object rt = ext.get("rt");
		if (rt instanceof String text) {
			time = Timestamps.parse(text, zone);
			if (time == null) {
				SyslogText.Header h = new SyslogText.Header();
				SyslogText.bsdTime(text, 0, text.length(), h, zone, b.received);
				time = h.time;
			}
		}
		b.ecs("log.syslog.hostname", prefix.hostname);
		if (prefix.priority >= 0 && !b.notes.contains(EventNote.PRI_MISSING)) {
			b.ecs("log.syslog.priority", (long) prefix.priority);
		}
		b.notes.remove(EventNote.PRI_MISSING);
		if (time == null) {
			time = prefix.time;
		}
		else if (prefix.time != null) {
			// rt is the event's time; the syslog header's is when it was sent on
			b.ecs("event.created", prefix.time.toString());
		}
		if (time != null) {
			b.time = time;
		}
		else {
			b.notes.add(
					(rt != null || prefix.timePresent) ? EventNote.TIMESTAMP_UNPARSEABLE : EventNote.TIMESTAMP_MISSING);
		}
		b.host(prefix.hostname);
		b.host(ext.get("dvchost"));
		b.host(ext.get("shost"));
		b.host(ext.get("dhost"));
		b.address(ext.get("dvc"));
		b.address(ext.get("src"));
		b.address(ext.get("dst"));
	}

	private static @Nullable Long severity(String text) {
		Long number = FlatMaps.parseLong(text, 0, text.length());
		if (number != null) {
			return number;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "low" -> 3L;
			case "medium" -> 6L;
			case "high" -> 8L;
			case "very-high" -> 10L;
			default -> null;
		};
	}

}
