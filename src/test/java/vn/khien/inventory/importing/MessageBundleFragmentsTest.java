package vn.khien.inventory.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageBundleFragmentsTest {

    private static final Pattern KEY = Pattern.compile("\"(import\\.[A-Za-z]+\\.[A-Za-z]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"messages-fragment_vi.properties", "messages-fragment_en.properties"})
    void everyKeyUsedInCodeHasAFormattableText(String file) throws IOException {
        Properties texts = new Properties();
        // Standalone the fragments sit in the project root; once merged they live in the application bundle.
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            path = Path.of("src/main/resources/i18n", file.replace("messages-fragment_vi", "imports").replace("messages-fragment_en", "imports_en"));
        }
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        Set<String> used = keysUsedInCode();
        assertThat(used).contains("import.xml.malformed", "import.row.duplicate");
        assertThat(texts.stringPropertyNames()).containsAll(used);
        for (String key : used) {
            String formatted = new MessageFormat(texts.getProperty(key), Locale.ROOT).format(new Object[] {"A", 2, "C"});
            assertThat(formatted).as(key).isNotBlank().doesNotContain("{0}").doesNotContain("{1}");
        }
        // Line numbers must not get a thousands separator ("dòng 12.345" reads as a decimal in Vietnamese).
        assertThat(new MessageFormat(texts.getProperty("import.row.duplicate"), Locale.ROOT).format(new Object[] {"host:a", 12345}))
                .contains("12345");
        boolean fragment = path.getFileName().toString().startsWith("messages-fragment");
        for (String key : texts.stringPropertyNames()) {
            if (fragment) {
                assertThat(used).as("unused key " + key).contains(key);
            }
        }
    }

    private static Set<String> keysUsedInCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/vn/khien/inventory/importing"))) {
            for (Path path : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = KEY.matcher(Files.readString(path));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }
}
