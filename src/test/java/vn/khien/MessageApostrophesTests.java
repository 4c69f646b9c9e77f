package vn.khien;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Apostrophes render once. Spring's MessageSource passes a message resolved with
 * arguments through MessageFormat, where {@code '} quotes and {@code ''} stands for one,
 * and returns one resolved without arguments as written; the bundles write the
 * typographic {@code ’}, plain text to both (the rule at the top of the English bundles).
 * Every message of every bundle is resolved here through the application's MessageSource
 * in its own language, without arguments and, where it has {@code {n}} placeholders, with
 * dummy ones.
 */
@KhienTest
class MessageApostrophesTests {

	/** A MessageFormat argument: its index and, if given, its format type. */
	private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)\\s*(?:,\\s*(\\w+))?");

	private static final Pattern APOSTROPHE = Pattern.compile("['’]");

	@Autowired
	MessageSource messages;

	@Test
	void everyMessageRendersItsApostrophesOnceWithAndWithoutArguments() throws IOException {
		List<String> problems = new ArrayList<>();
		int resolved = 0;
		for (Path bundle : bundles()) {
			Locale locale = bundle.getFileName().toString().endsWith("_en.properties") ? Locale.ENGLISH
					: Locale.forLanguageTag("vi");
			Properties written = load(bundle);
			for (String key : new TreeSet<>(written.stringPropertyNames())) {
				String text = written.getProperty(key);
				Object @Nullable [] arguments = dummyArguments(text);
				List<Object @Nullable []> ways = new ArrayList<>();
				ways.add(null);
				if (arguments != null) {
					ways.add(arguments);
				}
				for (Object @Nullable [] way : ways) {
					String where = bundle.getFileName() + " " + key + (way == null ? "" : " (with arguments)");
					String rendered;
					try {
						rendered = messages.getMessage(key, way, locale);
					}
					catch (RuntimeException ex) {
						problems.add(where + " does not resolve: " + ex.getMessage());
						continue;
					}
					resolved++;
					if (rendered.contains("''")) {
						problems.add(where + " renders a doubled apostrophe: " + rendered);
					}
					if (APOSTROPHE.matcher(text).find() && !APOSTROPHE.matcher(rendered).find()) {
						problems.add(where + " loses its apostrophe: " + rendered);
					}
				}
			}
		}
		assertThat(resolved).as("messages resolved").isGreaterThan(500);
		assertThat(problems).isEmpty();
	}

	@Test
	void bundlesWriteTheTypographicApostrophe() throws IOException {
		// NB: an ASCII ' renders right in one of the two ways only, so that a message
		// gaining its first argument would lose it, or double it losing its last
		List<String> ascii = new ArrayList<>();
		for (Path bundle : bundles()) {
			Properties written = load(bundle);
			for (String key : new TreeSet<>(written.stringPropertyNames())) {
				if (written.getProperty(key).contains("'")) {
					ascii.add(bundle.getFileName() + " " + key + "=" + written.getProperty(key));
				}
			}
		}
		assertThat(ascii).as("messages with ' instead of ’").isEmpty();
	}

	/**
	 * One argument for each {@code {n}} of the message, of the type its format asks for
	 * (a number for number and choice, a date for date and time, else a word); null for a
	 * message without any.
	 */
	static Object @Nullable [] dummyArguments(String text) {
		Object[] arguments = new Object[0];
		Matcher m = ARGUMENT.matcher(text);
		while (m.find()) {
			int index = Integer.parseInt(m.group(1));
			if (index >= arguments.length) {
				Object[] longer = new Object[index + 1];
				System.arraycopy(arguments, 0, longer, 0, arguments.length);
				arguments = longer;
			}
			String type = m.group(2) == null ? "" : m.group(2);
			arguments[index] = switch (type) {
				case "number", "choice" -> 2;
				case "date", "time" -> new Date(0);
				default -> "x";
			};
		}
		for (int i = 0; i < arguments.length; i++) {
			if (arguments[i] == null) {
				arguments[i] = "x";
			}
		}
		return arguments.length == 0 ? null : arguments;
	}

	static List<Path> bundles() throws IOException {
		try (Stream<Path> files = Files.list(MessageBundlesTests.BUNDLES)) {
			return files.filter(p -> p.getFileName().toString().endsWith(".properties")).sorted().toList();
		}
	}

	static Properties load(Path file) throws IOException {
		var properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
