package vn.khien.monitoring.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Text lines: RFC 3164 and RFC 5424 syslog, and what comes in them (CEF, auditd, Sysmon
 * for Linux XML); a rendered Windows event XML; anything else as a generic text event.
 * PRI rules (docs/event-formats.md): no PRI is priority 13 and noted; a malformed PRI is
 * priority 13, noted, and the whole line is the message, as RFC 3164 4.3.3 says.
 */
final class SyslogText {

	private static final String[] FACILITIES = { "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
			"uucp", "cron", "authpriv", "ftp", "ntp", "audit", "alert", "clock", "local0", "local1", "local2", "local3",
			"local4", "local5", "local6", "local7" };

	private static final String[] SEVERITIES = { "emerg", "alert", "crit", "err", "warning", "notice", "info",
			"debug" };

	private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

	private SyslogText() {
	}

	/** A syslog header as far as it could be read. */
	static final class Header {

		int priority = -1;

		int version;

		@Nullable Instant time;

		boolean timePresent;

		@Nullable String hostname;

		@Nullable String appName;

		@Nullable String procId;

		@Nullable String msgId;

		@Nullable String tag;

		/** Start of the message in the line. */
		int messageStart;

	}

	static void decode(String line, EventBuilder b, @Nullable String peer, ZoneId zone) throws CefText.CefProblem {
		if (line.startsWith("<Event") && WindowsEvents.xml(line, b, false)) {
			return;
		}
		int cef = CefText.start(line);
		if (cef >= 0) {
			Header header = new Header();
			header(line, 0, cef, header, b, zone, true);
			CefText.decode(line, cef, header, b, zone);
			b.address(peer);
			b.ecs("log.source.address", peer);
			return;
		}
		if (line.startsWith("type=")) {
			AuditdText.decode(line, b);
			return;
		}
		syslog(line, b, peer, zone);
	}

	private static void syslog(String s, EventBuilder b, @Nullable String peer, ZoneId zone) {
		Header h = new Header();
		int end = s.length();
		if (!header(s, 0, end, h, b, zone, false)) {
			// RFC 3164 4.3.3: no usable PRI or header, the whole line is the content
			b.shape = b.notes.contains(EventNote.PRI_MISSING) ? EventShape.GENERIC_TEXT : EventShape.SYSLOG_RFC3164;
			if (b.shape == EventShape.GENERIC_TEXT) {
				b.notes.add(EventNote.UNKNOWN_SHAPE);
				b.notes.remove(EventNote.PRI_MISSING);
			}
			h.priority = b.notes.contains(EventNote.UNKNOWN_SHAPE) ? -1 : 13;
		}
		else {
			b.shape = (h.version > 0) ? EventShape.SYSLOG_RFC5424 : EventShape.SYSLOG_RFC3164;
		}
		String message = s.substring(Math.min(h.messageStart, end));
		if (!message.isEmpty() && message.charAt(0) == '\uFEFF') {
			// RFC 5424 6.4: a BOM says the message is UTF-8; it is not part of the text
			message = message.substring(1);
		}
		fill(h, b, message);
		boolean inner = false;
		if (message.startsWith("type=") && message.indexOf("audit(") > 0) {
			AuditdText.fields(message, 0, b);
			b.shape = EventShape.AUDITD;
			b.logSource = AuditdText.AUDITD;
			inner = true;
		}
		else if (message.startsWith("<Event") && WindowsEvents.xml(message, b, true)) {
			inner = true;
		}
		b.keywordsInMessageOnly = !inner;
		if (b.time == null && !b.notes.contains(EventNote.TIMESTAMP_UNPARSEABLE)) {
			b.notes.add(EventNote.TIMESTAMP_MISSING);
		}
		b.address(peer);
		b.ecs("log.source.address", peer);
	}

	/** The Sigma view and ECS fields of a syslog header and message. */
	static void fill(Header h, EventBuilder b, String message) {
		b.message = message;
		b.sigma("message", message);
		b.ecs("message", message);
		b.ecs("event.kind", "event");
		if (h.priority >= 0) {
			int facility = h.priority >> 3;
			int severity = h.priority & 7;
			b.sigma("priority", (long) h.priority);
			b.sigma("facility", FACILITIES[facility]);
			b.sigma("severity", SEVERITIES[severity]);
			b.ecs("log.syslog.priority", (long) h.priority);
			b.ecs("log.syslog.facility.code", (long) facility);
			b.ecs("log.syslog.facility.name", FACILITIES[facility]);
			b.ecs("log.syslog.severity.code", (long) severity);
			b.ecs("log.syslog.severity.name", SEVERITIES[severity]);
			b.ecs("event.severity", (long) severity);
		}
		if (h.version > 0) {
			b.ecs("log.syslog.version", String.valueOf(h.version));
		}
		b.sigma("hostname", h.hostname);
		b.sigma("app_name", h.appName);
		b.sigma("procid", h.procId);
		b.sigma("msgid", h.msgId);
		b.sigma("tag", h.tag);
		b.ecs("log.syslog.hostname", h.hostname);
		b.ecs("log.syslog.appname", h.appName);
		b.ecs("log.syslog.procid", h.procId);
		b.ecs("log.syslog.msgid", h.msgId);
		b.ecs("host.hostname", h.hostname);
		b.ecs("process.name", h.appName);
		b.ecsNumber("process.pid", h.procId);
		if (h.hostname != null) {
			if (FlatMaps.isIp(h.hostname)) {
				b.address(h.hostname);
				b.ecs("host.ip", h.hostname);
			}
			else {
				b.host(h.hostname);
				b.ecs("host.name", h.hostname);
			}
		}
		if (h.time != null) {
			b.time = h.time;
		}
		else if (h.timePresent) {
			b.notes.add(EventNote.TIMESTAMP_UNPARSEABLE);
		}
		b.logSource = logSourceFor(h.appName, (h.priority >= 0) ? h.priority >> 3 : -1);
	}

	/**
	 * Reads PRI, then an RFC 5424 or RFC 3164 header, from {@code s} from {@code from} to
	 * {@code to}; false when the line has no usable header (a malformed PRI, or no time
	 * after the PRI). With {@code hostOnly} (a CEF prefix) reading stops after the host
	 * name.
	 */
	static boolean header(String s, int from, int to, Header h, EventBuilder b, ZoneId zone, boolean hostOnly) {
		int i = from;
		if (i < to && s.charAt(i) == '<') {
			int close = -1;
			for (int j = i + 1; j < to && j <= i + 4; j++) {
				if (s.charAt(j) == '>') {
					close = j;
					break;
				}
			}
			int priority = (close < 0) ? -1 : priority(s, i + 1, close);
			if (priority < 0) {
				b.notes.add(EventNote.PRI_INVALID);
				h.priority = 13;
				h.messageStart = from;
				return false;
			}
			h.priority = priority;
			i = close + 1;
		}
		else {
			b.notes.add(EventNote.PRI_MISSING);
			h.priority = 13;
		}
		if (i < to && s.charAt(i) == ' ') {
			i++;
		}
		if (i + 1 < to && s.charAt(i) >= '1' && s.charAt(i) <= '9' && s.charAt(i + 1) == ' '
				&& !b.notes.contains(EventNote.PRI_MISSING) && looksLike5424Time(s, i + 2, to)) {
			h.version = s.charAt(i) - '0';
			return rfc5424(s, i + 2, to, h, b, zone);
		}
		int afterTime = bsdTime(s, i, to, h, zone, b.received);
		if (afterTime < 0) {
			int space = indexOf(s, ' ', i, to);
			Instant iso = Timestamps.parse(s, i, space, zone);
			if (iso == null) {
				h.messageStart = i;
				return false;
			}
			h.time = iso;
			h.timePresent = true;
			afterTime = space;
		}
		i = afterTime;
		if (i < to && s.charAt(i) == ':') {
			i++;
		}
		while (i < to && s.charAt(i) == ' ') {
			i++;
		}
		// HOSTNAME, unless the next word is already the tag ("su:" / "sshd[12]:")
		int space = indexOf(s, ' ', i, to);
		boolean tagNext = space > i && (s.charAt(space - 1) == ':' || indexOf(s, '[', i, space) < space);
		if (space > i && !tagNext) {
			h.hostname = s.substring(i, space);
			i = Math.min(to, space + 1);
		}
		else if (hostOnly && space > i) {
			h.hostname = s.substring(i, space);
		}
		if (hostOnly) {
			h.messageStart = to;
			return true;
		}
		// TAG: the program name up to ':', '[' or a space, then [pid], then ':'
		int tagStart = i;
		while (i < to && s.charAt(i) != ':' && s.charAt(i) != '[' && s.charAt(i) != ' ') {
			i++;
		}
		if (i > tagStart) {
			h.appName = s.substring(tagStart, i);
		}
		if (i < to && s.charAt(i) == '[') {
			int close = indexOf(s, ']', i, to);
			if (close < to) {
				h.procId = s.substring(i + 1, close);
				i = close + 1;
			}
		}
		if (i < to && s.charAt(i) == ':') {
			i++;
		}
		if (i > tagStart) {
			h.tag = s.substring(tagStart, i);
		}
		if (i < to && s.charAt(i) == ' ') {
			i++;
		}
		h.messageStart = i;
		return true;
	}

	/** PRI digits: 1 to 3, no leading zero, at most 191; -1 otherwise. */
	private static int priority(String s, int from, int to) {
		int length = to - from;
		if (length < 1 || length > 3 || (length > 1 && s.charAt(from) == '0')) {
			return -1;
		}
		int value = Timestamps.digits(s, from, length);
		return (value > 191) ? -1 : value;
	}

	private static boolean looksLike5424Time(String s, int i, int to) {
		return (i < to && s.charAt(i) == '-')
				|| (i + 4 < to && Timestamps.digits(s, i, 4) >= 0 && s.charAt(i + 4) == '-');
	}

	private static boolean rfc5424(String s, int i, int to, Header h, EventBuilder b, ZoneId zone) {
		int end = indexOf(s, ' ', i, to);
		if (!(end == i + 1 && s.charAt(i) == '-')) {
			h.timePresent = true;
			h.time = Timestamps.parse(s, i, end, zone);
		}
		i = Math.min(to, end + 1);
		String[] fields = new String[3];
		end = indexOf(s, ' ', i, to);
		h.hostname = nil(s, i, end);
		i = Math.min(to, end + 1);
		for (int k = 0; k < 3; k++) {
			end = indexOf(s, ' ', i, to);
			fields[k] = nil(s, i, end);
			i = Math.min(to, end + 1);
		}
		h.appName = fields[0];
		h.procId = fields[1];
		h.msgId = fields[2];
		h.tag = (h.appName == null) ? null : (h.procId == null) ? h.appName : h.appName + "[" + h.procId + "]";
		if (i < to && s.charAt(i) == '-') {
			i++;
		}
		else if (i < to && s.charAt(i) == '[') {
			int after = structuredData(s, i, to, b);
			if (after < 0) {
				b.notes.add(EventNote.STRUCTURED_DATA_INVALID);
			}
			else {
				i = after;
			}
		}
		if (i < to && s.charAt(i) == ' ') {
			i++;
		}
		h.messageStart = i;
		return true;
	}

	/**
	 * SD-ELEMENTs (an id and name-value pairs in square brackets), values unescaped (a
	 * backslash before a quote, a backslash or a closing bracket); a space around the
	 * equals sign is tolerated. Returns the index after the last element, or -1 when
	 * malformed (nothing is kept then).
	 */
	private static int structuredData(String s, int i, int to, EventBuilder b) {
		Map<String, Object> sd = new LinkedHashMap<>();
		while (i < to && s.charAt(i) == '[') {
			int idEnd = i + 1;
			while (idEnd < to && s.charAt(idEnd) != ' ' && s.charAt(idEnd) != ']') {
				idEnd++;
			}
			if (idEnd >= to || idEnd == i + 1) {
				return -1;
			}
			String id = s.substring(i + 1, idEnd);
			Map<String, Object> params = new LinkedHashMap<>();
			i = idEnd;
			while (i < to && s.charAt(i) != ']') {
				while (i < to && s.charAt(i) == ' ') {
					i++;
				}
				int nameStart = i;
				while (i < to && s.charAt(i) != '=' && s.charAt(i) != ' ' && s.charAt(i) != ']') {
					i++;
				}
				if (i >= to || nameStart == i) {
					return -1;
				}
				String name = s.substring(nameStart, i);
				while (i < to && s.charAt(i) == ' ') {
					i++;
				}
				if (i >= to || s.charAt(i) != '=') {
					return -1;
				}
				i++;
				while (i < to && s.charAt(i) == ' ') {
					i++;
				}
				if (i >= to || s.charAt(i) != '"') {
					return -1;
				}
				i++;
				StringBuilder value = new StringBuilder();
				while (i < to && s.charAt(i) != '"') {
					char c = s.charAt(i);
					if (c == '\\' && i + 1 < to
							&& (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\' || s.charAt(i + 1) == ']')) {
						c = s.charAt(++i);
					}
					value.append(c);
					i++;
				}
				if (i >= to) {
					return -1;
				}
				i++;
				params.put(name, value.toString());
			}
			if (i >= to) {
				return -1;
			}
			i++;
			sd.put(id, params);
		}
		for (Map.Entry<String, Object> element : sd.entrySet()) {
			@SuppressWarnings("unchecked")
			Map<String, Object> params = (Map<String, Object>) element.getValue();
			for (Map.Entry<String, Object> param : params.entrySet()) {
				b.sigma(element.getKey() + "." + param.getKey(), param.getValue());
			}
		}
		b.ecs("log.syslog.structured_data", sd);
		return i;
	}

	/**
	 * RFC 3164 {@code Mmm dd hh:mm:ss} (any case, day padded or not), with the extras
	 * devices write: a year before the time, a fraction, a {@code UTC}/{@code GMT} zone.
	 * The year, when absent, is the receive year, or the one before for a date more than
	 * a day ahead. Returns the index after the time, or -1.
	 */
	static int bsdTime(String s, int i, int to, Header h, ZoneId zone, Instant received) {
		if (i + 14 > to || s.charAt(i + 3) != ' ') {
			return -1;
		}
		int month = month(s, i);
		if (month < 0) {
			return -1;
		}
		int p = i + 4;
		if (s.charAt(p) == ' ') {
			p++;
		}
		int day = digitsUpTo2(s, p, to);
		if (day < 0) {
			return -1;
		}
		p += (day >= 10 || (p + 1 < to && s.charAt(p + 1) != ' ')) ? 2 : 1;
		if (p >= to || s.charAt(p) != ' ') {
			return -1;
		}
		p++;
		int year = -1;
		if (p + 5 < to && s.charAt(p + 4) == ' ' && Timestamps.digits(s, p, 4) >= 0) {
			year = Timestamps.digits(s, p, 4);
			p += 5;
		}
		if (p + 8 > to || s.charAt(p + 2) != ':' || s.charAt(p + 5) != ':') {
			return -1;
		}
		int hour = Timestamps.digits(s, p, 2);
		int minute = Timestamps.digits(s, p + 3, 2);
		int second = Timestamps.digits(s, p + 6, 2);
		if (hour < 0 || minute < 0 || second < 0) {
			return -1;
		}
		p += 8;
		int nanos = 0;
		if (p < to && s.charAt(p) == '.') {
			int scale = 100_000_000;
			p++;
			while (p < to && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
				nanos += (s.charAt(p) - '0') * scale;
				scale /= 10;
				p++;
			}
		}
		ZoneId effective = zone;
		if (p + 4 <= to && s.charAt(p) == ' '
				&& (s.regionMatches(true, p + 1, "UTC", 0, 3) || s.regionMatches(true, p + 1, "GMT", 0, 3))
				&& (p + 4 == to || s.charAt(p + 4) == ' ')) {
			effective = ZoneOffset.UTC;
			p += 4;
		}
		h.timePresent = true;
		try {
			if (year < 0) {
				int receivedYear = received.atZone(effective).getYear();
				Instant candidate = LocalDateTime.of(receivedYear, month, day, hour, minute, second, nanos)
					.atZone(effective)
					.toInstant();
				h.time = candidate.isAfter(received.plusSeconds(86_400))
						? LocalDateTime.of(receivedYear - 1, month, day, hour, minute, second, nanos)
							.atZone(effective)
							.toInstant()
						: candidate;
			}
			else {
				h.time = LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(effective).toInstant();
			}
		}
		catch (DateTimeException ex) {
			h.time = null;
		}
		return p;
	}

	private static int month(String s, int i) {
		for (int m = 0; m < 12; m++) {
			if (s.regionMatches(true, i, MONTHS, m * 3, 3)) {
				return m + 1;
			}
		}
		return -1;
	}

	private static int digitsUpTo2(String s, int p, int to) {
		if (p >= to || s.charAt(p) < '0' || s.charAt(p) > '9') {
			return -1;
		}
		int value = s.charAt(p) - '0';
		if (p + 1 < to && s.charAt(p + 1) >= '0' && s.charAt(p + 1) <= '9') {
			value = value * 10 + (s.charAt(p + 1) - '0');
		}
		return value;
	}

	private static @Nullable String nil(String s, int from, int to) {
		if (from >= to || (to == from + 1 && s.charAt(from) == '-')) {
			return null;
		}
		return s.substring(from, to);
	}

	static int indexOf(String s, char c, int from, int to) {
		int at = s.indexOf(c, from);
		return (at < 0 || at > to) ? to : at;
	}

	/** Sigma's Linux services for the programs that name them; null product otherwise. */
	static LogSource logSourceFor(@Nullable String appName, int facility) {
		if (appName != null && !appName.isEmpty()) {
			if (appName.charAt(0) == '%' && appName.indexOf('-') > 0) {
				return new LogSource("cisco", null, null);
			}
			int paren = appName.indexOf('(');
			String program = ((paren > 0) ? appName.substring(0, paren) : appName).toLowerCase(Locale.ROOT);
			String service = switch (program) {
				case "sshd" -> "sshd";
				case "sudo" -> "sudo";
				case "cron", "crond", "anacron" -> "cron";
				case "su", "login", "passwd", "useradd", "userdel", "usermod", "groupadd", "chpasswd", "systemd-logind",
						"polkitd", "unix_chkpwd" ->
					"auth";
				case "auditd", "audispd", "audit", "auoms" -> "auditd";
				case "vsftpd" -> "vsftpd";
				case "clamd", "freshclam" -> "clamav";
				case "kernel", "systemd", "rsyslogd", "networkmanager", "dhclient", "dbus-daemon" -> "syslog";
				default -> null;
			};
			if (service != null) {
				return new LogSource("linux", null, service);
			}
		}
		return new LogSource(null, null, (facility == 4 || facility == 10) ? "auth" : "syslog");
	}

}
