package vn.khien.monitoring.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sigma's condition grammar, by recursive descent: or binds least, then and, then not,
 * then {@code 1 of} / {@code all of}, then parentheses. Names are resolved here, so an
 * undefined selection or a pattern that names none is refused when the rule loads.
 */
final class ConditionParser {

	private final String text;

	private final Map<String, Selection> selections;

	private final int line;

	private final List<String> tokens = new ArrayList<>();

	private int pos;

	private ConditionParser(String text, Map<String, Selection> selections, int line) {
		this.text = text;
		this.selections = selections;
		this.line = line;
	}

	static Cond parse(String text, Map<String, Selection> selections, int line) {
		ConditionParser parser = new ConditionParser(text, selections, line);
		parser.tokenize();
		if (parser.tokens.isEmpty()) {
			throw parser.fail("empty condition");
		}
		Cond cond = parser.or();
		if (parser.pos < parser.tokens.size()) {
			throw parser.fail("unexpected '" + parser.tokens.get(parser.pos) + "'");
		}
		return cond;
	}

	private void tokenize() {
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '(' || c == ')') {
				tokens.add(String.valueOf(c));
				i++;
			}
			else if (c == '|') {
				throw fail("aggregations after '|' are Sigma 1 syntax: write a correlation rule instead");
			}
			else {
				int start = i;
				while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '('
						&& text.charAt(i) != ')' && text.charAt(i) != '|') {
					i++;
				}
				tokens.add(text.substring(start, i));
			}
		}
	}

	private SigmaException fail(String message) {
		return new SigmaException(line, "condition '" + text + "': " + message);
	}

	private boolean accept(String word) {
		if (pos < tokens.size() && tokens.get(pos).toLowerCase(Locale.ROOT).equals(word)) {
			pos++;
			return true;
		}
		return false;
	}

	private String next(String expected) {
		if (pos >= tokens.size()) {
			throw fail("ends where " + expected + " was expected");
		}
		return tokens.get(pos++);
	}

	private Cond or() {
		List<Cond> parts = new ArrayList<>();
		parts.add(and());
		while (accept("or")) {
			parts.add(and());
		}
		return parts.size() == 1 ? parts.get(0) : new Cond.Or(parts.toArray(Cond[]::new));
	}

	private Cond and() {
		List<Cond> parts = new ArrayList<>();
		parts.add(not());
		while (accept("and")) {
			parts.add(not());
		}
		return parts.size() == 1 ? parts.get(0) : new Cond.And(parts.toArray(Cond[]::new));
	}

	private Cond not() {
		if (accept("not")) {
			return new Cond.Not(not());
		}
		return primary();
	}

	private Cond primary() {
		String token = next("a selection");
		String lower = token.toLowerCase(Locale.ROOT);
		if (token.equals("(")) {
			Cond inner = or();
			if (!accept(")")) {
				throw fail("missing ')'");
			}
			return inner;
		}
		if (token.equals(")") || lower.equals("and") || lower.equals("or") || lower.equals("of")) {
			throw fail("unexpected '" + token + "'");
		}
		if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase("of")) {
			pos++;
			return quantified(lower);
		}
		if (token.indexOf('*') >= 0) {
			throw fail("a pattern '" + token + "' needs '1 of' or 'all of'");
		}
		Selection selection = selections.get(token);
		if (selection == null) {
			throw fail("no search identifier '" + token + "' in the detection");
		}
		return new Cond.Ref(selection);
	}

	private Cond quantified(String quantifier) {
		String target = next("'them' or a pattern");
		List<Selection> matched = new ArrayList<>();
		boolean them = target.equalsIgnoreCase("them");
		for (Map.Entry<String, Selection> entry : selections.entrySet()) {
			if (them ? !entry.getKey().startsWith("_") : wildcard(target, entry.getKey())) {
				matched.add(entry.getValue());
			}
		}
		if (matched.isEmpty()) {
			throw fail("'" + target + "' names no search identifier");
		}
		int n;
		if (quantifier.equals("all")) {
			n = matched.size();
		}
		else if (quantifier.equals("any")) {
			n = 1;
		}
		else {
			try {
				n = Integer.parseInt(quantifier);
			}
			catch (NumberFormatException ex) {
				throw fail("'" + quantifier + " of': expected '1 of' or 'all of'");
			}
			if (n < 1) {
				throw fail("'" + quantifier + " of': expected '1 of' or 'all of'");
			}
		}
		Selection[] array = matched.toArray(Selection[]::new);
		if (array.length == 1) {
			return n == 1 ? new Cond.Ref(array[0]) : new Cond.AtLeast(array, n);
		}
		if (n == 1) {
			Cond[] refs = new Cond[array.length];
			for (int i = 0; i < array.length; i++) {
				refs[i] = new Cond.Ref(array[i]);
			}
			return new Cond.Or(refs);
		}
		if (n == array.length) {
			Cond[] refs = new Cond[array.length];
			for (int i = 0; i < array.length; i++) {
				refs[i] = new Cond.Ref(array[i]);
			}
			return new Cond.And(refs);
		}
		return new Cond.AtLeast(array, n);
	}

	/**
	 * Search-identifier patterns: * stands for any run of characters, the rest is
	 * literal.
	 */
	static boolean wildcard(String pattern, String name) {
		return Glob.parse(pattern.replace("?", "\\?"), true).matches(name);
	}

}
