package vn.khien;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

/** Every text a user reads comes from the bundles, in both languages. */
class MessageBundlesTests {

	static final Path BUNDLES = Path.of("src/main/resources/i18n");

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Attributes a user reads or hears. */
	static final Set<String> VISIBLE_ATTRIBUTES = Set.of("placeholder", "title", "aria-label", "alt", "value",
			"data-confirm", "label");

	/**
	 * Attributes whose element's content Thymeleaf replaces, so any text inside is only a
	 * preview.
	 */
	static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove",
			"th:fragment");

	/** Words that are names, not text to translate. */
	static final Set<String> ALLOWED = Set.of("Khiên");

	/**
	 * Findings in templates other branches own, reported to their owners; remove an entry
	 * once fixed (the test fails on entries that no longer occur, so this list cannot go
	 * stale).
	 */
	static final Set<String> KNOWN_ELSEWHERE = Set.of();

	static final Pattern NO_LETTERS = Pattern.compile("[\\p{P}\\p{S}\\p{N}\\s]*");

	@Test
	void noKeyIsDefinedInTwoBundles() throws IOException {
		// NB: with several basenames the first bundle wins, so a clash shows one module's
		// text in another's page
		var owners = new java.util.HashMap<String, String>();
		List<String> clashes = new ArrayList<>();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path base : files.filter(p -> p.getFileName().toString().matches("[a-z-]+\\.properties"))
				.sorted()
				.toList()) {
				for (String key : keys(base)) {
					String previous = owners.putIfAbsent(key, base.getFileName().toString());
					if (previous != null) {
						clashes.add(key + " in " + previous + " and " + base.getFileName());
					}
				}
			}
		}
		assertThat(clashes).isEmpty();
	}

	@Test
	void everyEnglishBundleHasExactlyTheKeysOfItsVietnameseBase() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path base : files.filter(p -> p.getFileName().toString().matches("[a-z-]+\\.properties")).toList()) {
				Path english = base
					.resolveSibling(base.getFileName().toString().replace(".properties", "_en.properties"));
				if (!Files.exists(english)) {
					problems.add(english + " is missing");
					continue;
				}
				Set<String> vi = keys(base);
				Set<String> en = keys(english);
				var onlyVi = new TreeSet<>(vi);
				onlyVi.removeAll(en);
				var onlyEn = new TreeSet<>(en);
				onlyEn.removeAll(vi);
				if (!onlyVi.isEmpty()) {
					problems.add(english.getFileName() + " lacks " + onlyVi);
				}
				if (!onlyEn.isEmpty()) {
					problems.add(base.getFileName() + " lacks " + onlyEn);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void englishBundlesHaveNoOrphans() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			assertThat(files.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith("_en.properties"))
				.filter(n -> !Files.exists(BUNDLES.resolve(n.replace("_en.properties", ".properties"))))
				.toList()).isEmpty();
		}
	}

	private static Set<String> keys(Path file) throws IOException {
		var properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

	@Test
	void templatesHoldNoHardCodedUserText() throws Exception {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
				var document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(template.toString(),
						Files.readString(template));
				scan(document, false, TEMPLATES.relativize(template).toString(), problems);
			}
		}
		var known = problems.stream().filter(p -> KNOWN_ELSEWHERE.contains(p.replaceFirst(":\\d+ ", " "))).toList();
		var fixed = new TreeSet<>(KNOWN_ELSEWHERE);
		known.forEach(p -> fixed.remove(p.replaceFirst(":\\d+ ", " ")));
		if (!known.isEmpty()) {
			System.out.println("MessageBundlesTests: known hard-coded text, to be fixed by its owner: " + known);
		}
		problems.removeAll(known);
		assertThat(problems).as("hard-coded text in templates").isEmpty();
		assertThat(fixed).as("fixed entries to remove from KNOWN_ELSEWHERE").isEmpty();
	}

	private static void scan(INestableNode parent, boolean replaced, String file, List<String> problems) {
		for (Object child : parent.getChildren()) {
			INode node = (INode) child;
			if (node instanceof Element element) {
				String name = element.getElementName().toLowerCase();
				if (name.equals("script") || name.equals("style")) {
					continue;
				}
				Map<String, String> attributes = element.getAttributeMap();
				boolean replacedHere = replaced || attributes.keySet().stream().anyMatch(REPLACING::contains);
				for (var attribute : attributes.entrySet()) {
					String key = attribute.getKey().toLowerCase();
					if (VISIBLE_ATTRIBUTES.contains(key) && !(key.equals("value") && !isButtonLike(element))
							&& !attributes.containsKey("th:" + key) && userText(attribute.getValue())) {
						problems.add(file + ":" + element.getLine() + " <" + name + " " + key + "=\""
								+ attribute.getValue() + "\">");
					}
				}
				scan(element, replacedHere, file, problems);
			}
			else if (node instanceof Text text && !replaced && userText(text.getContent())) {
				problems.add(file + ":" + text.getLine() + " text \"" + text.getContent().strip() + "\"");
			}
		}
	}

	private static boolean isButtonLike(Element element) {
		String type = element.getAttributeValue("type");
		return element.getElementName().equalsIgnoreCase("input") && type != null
				&& Set.of("submit", "button", "reset").contains(type.toLowerCase());
	}

	private static boolean userText(String text) {
		String t = text.strip();
		return !t.isEmpty() && !NO_LETTERS.matcher(t).matches() && !ALLOWED.contains(t);
	}

}
