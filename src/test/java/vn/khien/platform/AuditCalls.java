package vn.khien.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The actions and entity types that the sources write to the audit trail, read from the
 * calls of {@link AuditLog}: {@code record(action, type, ...)},
 * {@code recordAs(actor, action, type, ...)} and {@code new AuditLog.Change(action, type,
 * ...)}. An argument is read when it is a literal, a choice between two literals, a
 * constant of the file, or a parameter of a method of the file whose callers pass one of
 * those. Anything else is listed as unread, so that no call is silently skipped.
 */
record AuditCalls(Set<String> actions, Set<String> entityTypes, List<String> unread) {

	static final Path SOURCES = Path.of("src/main/java");

	private static final String LITERAL = "\"((?:[^\"\\\\]|\\\\.)*)\"";

	private static final Pattern ONE = Pattern.compile("\\s*" + LITERAL + "\\s*");

	private static final Pattern CHOICE = Pattern.compile("[^?]+\\?\\s*" + LITERAL + "\\s*:\\s*" + LITERAL + "\\s*",
			Pattern.DOTALL);

	private static final Pattern NAME = Pattern.compile("\\s*([A-Za-z_]\\w*)\\s*");

	private static final Pattern AUDIT_LOG = Pattern.compile("\\bAuditLog\\s+(\\w+)\\s*[;,)=]");

	static AuditCalls scan() throws IOException {
		var scan = new AuditCalls(new java.util.TreeSet<>(), new java.util.TreeSet<>(), new ArrayList<>());
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
				scan.read(file, Files.readString(file));
			}
		}
		return scan;
	}

	private void read(Path file, String source) {
		var calls = new ArrayList<Call>();
		Matcher fields = AUDIT_LOG.matcher(source);
		Set<String> receivers = new LinkedHashSet<>();
		while (fields.find()) {
			receivers.add(fields.group(1));
		}
		for (String receiver : receivers) {
			calls.addAll(calls(source, Pattern.quote(receiver) + "\\s*\\.\\s*record\\s*\\(", 0));
			calls.addAll(calls(source, Pattern.quote(receiver) + "\\s*\\.\\s*recordAs\\s*\\(", 1));
			Matcher reference = Pattern.compile("\\b" + Pattern.quote(receiver) + "\\s*::").matcher(source);
			while (reference.find()) {
				unread.add(where(file, source, reference.start()) + " a method reference");
			}
		}
		calls.addAll(calls(source, "new\\s+AuditLog\\s*\\.\\s*Change\\s*\\(", 0));
		if (source.contains("import vn.khien.platform.AuditLog.Change;")) {
			calls.addAll(calls(source, "new\\s+Change\\s*\\(", 0));
		}
		for (Call call : calls) {
			if (call.args().size() < call.actionAt() + 2) {
				unread.add(where(file, source, call.at()) + " " + call.args());
				continue;
			}
			read(file, source, call, call.args().get(call.actionAt()), actions);
			read(file, source, call, call.args().get(call.actionAt() + 1), entityTypes);
		}
	}

	private void read(Path file, String source, Call call, String argument, Set<String> into) {
		Set<String> values = values(source, argument, 0);
		if (values.isEmpty()) {
			unread.add(where(file, source, call.at()) + " " + argument.strip());
		}
		into.addAll(values);
	}

	/** What {@code expression} can be, empty when it cannot be read. */
	private static Set<String> values(String source, String expression, int depth) {
		var values = new LinkedHashSet<String>();
		Matcher m;
		if ((m = ONE.matcher(expression)).matches()) {
			values.add(m.group(1));
		}
		else if ((m = CHOICE.matcher(expression)).matches()) {
			values.add(m.group(1));
			values.add(m.group(2));
		}
		else if ((m = NAME.matcher(expression)).matches() && depth < 3) {
			String name = m.group(1);
			Matcher constant = Pattern.compile("\\bfinal\\s+String\\s+" + name + "\\s*=\\s*" + LITERAL + "\\s*;")
				.matcher(source);
			if (constant.find()) {
				values.add(constant.group(1));
			}
			else {
				values.addAll(passed(source, name, depth));
			}
		}
		return values;
	}

	/**
	 * The values callers in the file pass for the parameter {@code name} of the method
	 * that declares it.
	 */
	private static Set<String> passed(String source, String name, int depth) {
		Matcher declaration = Pattern
			.compile("\\b(\\w+)\\s*\\(([^()]*\\bString\\s+" + name + "\\b[^()]*)\\)\\s*(?:throws[\\w\\s.,]+)?\\{")
			.matcher(source);
		if (!declaration.find()) {
			return Set.of();
		}
		String method = declaration.group(1);
		List<String> parameters = split(declaration.group(2), true);
		int index = -1;
		for (int i = 0; i < parameters.size(); i++) {
			if (parameters.get(i).matches(".*\\bString\\s+" + name + "\\s*")) {
				index = i;
			}
		}
		var values = new LinkedHashSet<String>();
		boolean unread = false;
		for (Call call : calls(source, "\\b" + method + "\\s*\\(", index)) {
			if (call.at() == declaration.start(1) || call.args().size() <= index) {
				continue;
			}
			Set<String> passed = values(source, call.args().get(index), depth + 1);
			unread |= passed.isEmpty();
			values.addAll(passed);
		}
		return unread ? Set.of() : values;
	}

	private record Call(int at, int actionAt, List<String> args) {
	}

	private static List<Call> calls(String source, String opening, int actionAt) {
		var calls = new ArrayList<Call>();
		Matcher m = Pattern.compile(opening).matcher(source);
		while (m.find()) {
			calls.add(new Call(m.start(), actionAt, arguments(source, m.end())));
		}
		return calls;
	}

	/** The arguments of the call whose opening parenthesis ends before {@code from}. */
	private static List<String> arguments(String source, int from) {
		int depth = 0;
		int i = from;
		for (; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '"' || c == '\'') {
				i = skipQuoted(source, i);
			}
			else if (c == '(' || c == '[' || c == '{') {
				depth++;
			}
			else if (c == ')' || c == ']' || c == '}') {
				if (depth == 0) {
					break;
				}
				depth--;
			}
		}
		return split(source.substring(from, i), false);
	}

	/**
	 * Splits on the commas outside brackets and quotes; {@code generics} counts angle
	 * brackets too, for parameter lists (in arguments they are comparisons).
	 */
	private static List<String> split(String text, boolean generics) {
		var parts = new ArrayList<String>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\'') {
				i = skipQuoted(text, i);
			}
			else if (c == '(' || c == '[' || c == '{' || generics && c == '<') {
				depth++;
			}
			else if (c == ')' || c == ']' || c == '}' || generics && c == '>') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(text.substring(start, i));
				start = i + 1;
			}
		}
		if (!text.isBlank()) {
			parts.add(text.substring(start));
		}
		return parts;
	}

	/** The index of the quote that closes the literal opened at {@code at}. */
	private static int skipQuoted(String text, int at) {
		char quote = text.charAt(at);
		if (quote == '"' && text.startsWith("\"\"\"", at)) {
			int end = text.indexOf("\"\"\"", at + 3);
			return end < 0 ? text.length() : end + 2;
		}
		for (int i = at + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == quote) {
				return i;
			}
		}
		return text.length();
	}

	private static String where(Path file, String source, int at) {
		int line = (int) source.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
		return SOURCES.relativize(file) + ":" + line;
	}

}
