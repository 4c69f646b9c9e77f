package vn.khien.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

import vn.khien.monitoring.event.DecodeError;
import vn.khien.monitoring.event.DecodedEvent;
import vn.khien.monitoring.event.EventDecoder;
import vn.khien.monitoring.event.EventSink;
import vn.khien.monitoring.event.SigmaView;
import vn.khien.monitoring.sigma.Detector;
import vn.khien.monitoring.sigma.ParseResult;
import vn.khien.monitoring.sigma.SigmaRule;
import vn.khien.monitoring.sigma.SigmaRules;

/**
 * Sigma detection on one thread: JSON to SigmaView by the application's decoder (parse only), then parse and match,
 * with the 399 sample rules and with 1,000 (the 399 and copies with other ids and values).
 */
public final class SigmaBench {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern ID = Pattern.compile("(?m)^id: .*$");

	private static final Pattern QUOTED = Pattern.compile("'([^'\\n]*)'");

	public static void main(String[] args) throws IOException {
		long total = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
		Path samples = Path.of(System.getProperty("bench.samples", "../shared/samples"));
		List<byte[]> ruleFiles = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(samples.resolve("sigma/rules"))) {
			for (Path p : walk.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
				ruleFiles.add(Files.readAllBytes(p));
			}
		}
		List<SigmaRule> base = load(ruleFiles);
		List<SigmaRule> thousand = new ArrayList<>(base);
		int copy = 0;
		while (thousand.size() < 1000) {
			copy++;
			for (byte[] file : ruleFiles) {
				if (thousand.size() >= 1000) {
					break;
				}
				thousand.addAll(load(List.of(derive(new String(file, StandardCharsets.UTF_8), copy))));
			}
		}
		List<byte[]> events = events(samples.resolve("events"));
		System.out.printf("rules: %d sample, %d derived set; distinct events: %d, replayed to %,d per pass%n", base.size(),
				thousand.size(), events.size(), total);

		Detector small = Detector.compile(base, List.of());
		Detector large = Detector.compile(thousand, List.of());
		// warm-up
		run(events, Math.min(total, 500_000), null);
		run(events, Math.min(total, 500_000), large);
		double parse = run(events, total, null);
		double match399 = run(events, total, small);
		double match1000 = run(events, total, large);
		// the matcher's own share: each event parsed once, then only matched
		List<SigmaView> views = events.stream().map(SigmaBench::view).toList();
		matchOnly(views, Math.min(total, 500_000), large);
		double only1000 = matchOnly(views, total, large);
		System.out.printf("parse only (EventDecoder):          %,12.0f events/s%n", parse);
		System.out.printf("parse + match, %4d rules:          %,12.0f events/s  (%.2fx the parse-only time)%n",
				base.size(), match399, parse / match399);
		System.out.printf("parse + match, %4d rules:          %,12.0f events/s  (%.2fx the parse-only time)%n",
				thousand.size(), match1000, parse / match1000);
		System.out.printf("match only, %4d rules (parsed once): %,12.0f events/s%n", thousand.size(), only1000);
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf("peak heap (sum of the heap pools' peaks): %d MB; heap used now: %d MB%n", peak >> 20,
				(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
	}

	private static List<SigmaRule> load(List<byte[]> files) {
		List<SigmaRule> rules = new ArrayList<>();
		for (byte[] file : files) {
			ParseResult result = SigmaRules.parse("bench.yml", file);
			rules.addAll(result.rules());
		}
		return rules;
	}

	/** A copy with another id and each quoted value of its detection changed, so it matches elsewhere. */
	private static byte[] derive(String yaml, int copy) {
		String text = ID.matcher(yaml).replaceFirst("id: derived-" + copy + "-" + Integer.toHexString(yaml.hashCode()));
		int detection = text.indexOf("\ndetection:");
		int condition = text.indexOf("condition:", Math.max(detection, 0));
		if (detection < 0 || condition < 0) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		String body = text.substring(detection, condition);
		Matcher m = QUOTED.matcher(body);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = m.group(1);
			String changed = value.isEmpty() || value.contains("/") && value.matches("[0-9a-fA-F:.]+/\\d+") ? value
					: value + "v" + copy;
			m.appendReplacement(out, Matcher.quoteReplacement("'" + changed + "'"));
		}
		m.appendTail(out);
		return (text.substring(0, detection) + out + text.substring(condition)).getBytes(StandardCharsets.UTF_8);
	}

	/** Each event's own JSON text: the evtx_dump objects (several may share a file) and the OTRF lines. */
	private static List<byte[]> events(Path dir) throws IOException {
		List<byte[]> events = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(dir.resolve("windows-sysmon-evtxjson/sigmahq-regression"))) {
			for (Path p : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
				try (MappingIterator<Object> it = JSON.readerFor(Map.class).readValues(p.toFile())) {
					while (it.hasNext()) {
						events.add(JSON.writeValueAsBytes(it.next()));
					}
				}
			}
		}
		try (Stream<Path> walk = Files.walk(dir.resolve("windows-flat-json/otrf-security-datasets"))) {
			for (Path p : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
				for (String line : Files.readAllLines(p)) {
					if (!line.isBlank()) {
						events.add(line.getBytes(StandardCharsets.UTF_8));
					}
				}
			}
		}
		return events;
	}

	private static long sink;

	/** Events per second over {@code total} events; without a detector, parsing only. */
	private static double run(List<byte[]> events, long total, Detector detector) {
		long start = System.nanoTime();
		long matches = 0;
		for (long i = 0; i < total; i++) {
			SigmaView view = view(events.get((int) (i % events.size())));
			if (detector == null) {
				matches += view.field("EventID") == null ? 0 : 1;
			}
			else {
				matches += detector.match(view, 1).size();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		sink += matches;
		if (detector != null) {
			System.out.printf("  %,d events, %,d matches, %.1f s%n", total, matches, seconds);
		}
		return total / seconds;
	}

	private static double matchOnly(List<SigmaView> views, long total, Detector detector) {
		long start = System.nanoTime();
		long matches = 0;
		for (long i = 0; i < total; i++) {
			matches += detector.match(views.get((int) (i % views.size())), 1).size();
		}
		sink += matches;
		return total / ((System.nanoTime() - start) / 1e9);
	}

	private static final EventDecoder DECODER = new EventDecoder();

	/**
	 * One event's JSON text as the application decodes it ({@code EventDecoder}, as for a syslog message or a
	 * bulk request's line): the evtx_dump shape flattened, Sigma and ECS field names, the log source.
	 */
	static SigmaView view(byte[] json) {
		SigmaView[] decoded = new SigmaView[1];
		DECODER.decodeMessage(json, null, new EventSink() {
			@Override
			public void accept(DecodedEvent event) {
				decoded[0] = event;
			}

			@Override
			public void reject(DecodeError error) {
				throw new IllegalStateException("a sample the decoder refuses: " + error);
			}
		});
		return decoded[0];
	}

}
