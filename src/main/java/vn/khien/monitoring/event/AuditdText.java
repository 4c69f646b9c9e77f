package vn.khien.monitoring.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Linux audit records, one per line: {@code type=SYSCALL msg=audit(1604994496.155:92733):
 * arch=c000003e syscall=59 … exe="/usr/sbin/arp"}, and AUOMS's {@code type=AUOMS_EXECVE
 * audit(…): …}. Fields keep auditd's names, as Sigma's auditd rules write them; the
 * records of one event (same serial) are not joined.
 */
final class AuditdText {

	static final LogSource AUDITD = new LogSource("linux", null, "auditd");

	private AuditdText() {
	}

	static void decode(String line, EventBuilder b) {
		b.shape = EventShape.AUDITD;
		b.logSource = AUDITD;
		fields(line, 0, b);
	}

	/** Reads the key=value pairs of {@code text} from {@code from} into the event. */
	static void fields(String text, int from, EventBuilder b) {
		pairs(text, from, text.length(), b);
		if (b.time == null && !b.notes.contains(EventNote.TIMESTAMP_UNPARSEABLE)) {
			b.notes.add(EventNote.TIMESTAMP_MISSING);
		}
		ecs(b);
	}

	private static void pairs(String s, int from, int to, EventBuilder b) {
		int i = from;
		String lastKey = null;
		while (i < to) {
			while (i < to && s.charAt(i) == ' ') {
				i++;
			}
			if (i >= to) {
				break;
			}
			int keyStart = i;
			while (i < to && s.charAt(i) != '=' && s.charAt(i) != ' ') {
				i++;
			}
			if (i >= to || s.charAt(i) == ' ') {
				String word = s.substring(keyStart, i);
				if (word.startsWith("audit(")) {
					auditStamp(word, b);
				}
				else if (lastKey != null && b.sigma.get(lastKey) instanceof String previous) {
					// an unquoted value with spaces (AUOMS proctitle)
					b.sigma.put(lastKey, previous + " " + word);
				}
				continue;
			}
			String key = s.substring(keyStart, i);
			i++;
			int valueStart;
			int valueEnd;
			char quote = (i < to) ? s.charAt(i) : ' ';
			if (quote == '"' || quote == '\'') {
				valueStart = i + 1;
				int close = s.indexOf(quote, valueStart);
				valueEnd = (close < 0 || close > to) ? to : close;
				i = Math.min(to, valueEnd + 1);
			}
			else {
				valueStart = i;
				while (i < to && s.charAt(i) != ' ') {
					i++;
				}
				valueEnd = i;
			}
			if ("msg".equals(key) && quote == '\'') {
				// USER_* records: the kernel's msg='op=… acct="root" …' holds the user
				// space fields
				pairs(s, valueStart, valueEnd, b);
				continue;
			}
			String value = s.substring(valueStart, valueEnd);
			if ("msg".equals(key) && value.startsWith("audit(")) {
				auditStamp(value, b);
				continue;
			}
			if (!key.isEmpty() && Character.isLetter(key.charAt(0))) {
				b.sigma.putIfAbsent(key, value);
				lastKey = key;
			}
			else if (lastKey != null && b.sigma.get(lastKey) instanceof String previous) {
				b.sigma.put(lastKey, previous + " " + key + "=" + value);
			}
		}
	}

	/** {@code audit(1604994496.155:92733):}: the record's time and serial. */
	private static void auditStamp(String word, EventBuilder b) {
		int colon = word.indexOf(':', 6);
		int close = word.indexOf(')', 6);
		if (colon < 0 || close < colon) {
			b.notes.add(EventNote.TIMESTAMP_UNPARSEABLE);
			return;
		}
		b.time = Timestamps.epochText(word, 6, colon);
		if (b.time == null) {
			b.notes.add(EventNote.TIMESTAMP_UNPARSEABLE);
		}
		b.ecsNumber("event.sequence", word.substring(colon + 1, close));
	}

	private static void ecs(EventBuilder b) {
		var s = b.sigma;
		b.ecs("event.kind", "event");
		b.ecs("event.module", "auditd");
		if (s.get("type") instanceof String type) {
			b.ecs("event.action", type.toLowerCase(Locale.ROOT));
		}
		b.ecs("process.executable", s.get("exe"));
		b.ecs("process.name", s.get("comm"));
		b.ecsNumber("process.pid", s.get("pid"));
		b.ecsNumber("process.parent.pid", s.get("ppid"));
		b.ecs("process.title", s.get("proctitle"));
		b.ecs("process.working_directory", s.get("cwd"));
		b.ecs("user.id", s.get("uid"));
		b.ecs("user.audit.id", s.get("auid"));
		b.ecs("user.effective.id", s.get("euid"));
		b.ecs("user.name", s.containsKey("acct") ? s.get("acct") : s.get("user"));
		b.ecs("file.path", s.get("name"));
		b.ecs("source.ip", s.get("addr"));
		b.ecs("host.name", s.get("node"));
		Object result = s.containsKey("res") ? s.get("res") : s.get("success");
		if (result instanceof String outcome) {
			b.ecs("event.outcome", (outcome.startsWith("succ") || "yes".equals(outcome)) ? "success" : "failure");
		}
		if ("EXECVE".equals(s.get("type"))) {
			List<String> args = new ArrayList<>();
			for (int i = 0; s.get("a" + i) instanceof String arg; i++) {
				args.add(arg);
			}
			if (!args.isEmpty()) {
				b.ecs("process.args", args);
				b.ecs("process.command_line", String.join(" ", args));
			}
		}
		b.host(s.get("node"));
		b.address(s.get("addr"));
	}

}
