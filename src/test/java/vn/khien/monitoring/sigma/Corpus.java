package vn.khien.monitoring.sigma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The SigmaHQ rules and regression events copied into the test resources. */
final class Corpus {

	static final Path ROOT = Path.of("src/test/resources/sigma");

	static final Path RULES = ROOT.resolve("rules");

	static final Path REGRESSION = ROOT.resolve("regression");

	private static ParseResult loaded;

	private Corpus() {
	}

	static synchronized ParseResult rules() {
		if (loaded == null) {
			List<ParseResult> parts = new ArrayList<>();
			for (Path file : files(RULES, ".yml")) {
				try {
					parts.add(SigmaRules.parse(RULES.relativize(file).toString(), Files.readAllBytes(file)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			loaded = ParseResult.merge(parts, List.of());
		}
		return loaded;
	}

	static List<Path> files(Path dir, String suffix) {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * ../shared/samples when this checkout has it beside it (an extra check, never
	 * required).
	 */
	static Path shared() {
		String property = System.getProperty("khien.samples");
		if (property != null) {
			return Path.of(property);
		}
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			Path candidate = dir.resolve("shared/samples");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
			dir = dir.getParent();
		}
		return Path.of("../shared/samples");
	}

}
