package vn.khien.monitoring.sigma;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prefilter only skips rules that cannot fit: held to the detector that tests every
 * routed rule, over the corpus and over rules written to probe its edges.
 */
class PrefilterTests {

	private static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";

	private static SigmaRule rule(String id, String detection) {
		String yaml = "title: " + id + "\nid: " + id + "\nauthor: a\nlogsource:\n  product: windows\n"
				+ "  category: process_creation\ndetection:\n" + detection.indent(2);
		ParseResult result = SigmaRules.parse(id + ".yml", yaml.getBytes(StandardCharsets.UTF_8));
		assertThat(result.errors()).isEmpty();
		return result.rules().get(0);
	}

	private static SigmaRule linux(String id, String detection) {
		String yaml = "title: " + id + "\nid: " + id + "\nauthor: a\nlogsource:\n  product: linux\n" + "detection:\n"
				+ detection.indent(2);
		ParseResult result = SigmaRules.parse(id + ".yml", yaml.getBytes(StandardCharsets.UTF_8));
		assertThat(result.errors()).isEmpty();
		return result.rules().get(0);
	}

	private static Need need(String detection) {
		return rule("n", detection).detection().need();
	}

	private static List<String> render(List<RuleMatch> matches) {
		return matches.stream().map(m -> m.rule().id() + m.selections()).toList();
	}

	@Test
	void everyCorpusEventFitsTheSameRulesAsWithoutThePrefilter() throws IOException {
		List<MapView> events = new ArrayList<>();
		for (Path file : Corpus.files(Corpus.REGRESSION, ".json")) {
			events.addAll(Events.evtx(file));
		}
		for (Path file : Corpus.files(Corpus.ROOT.resolve("otrf"), ".json")) {
			if (!file.getFileName().toString().startsWith("expected_matches")) {
				events.addAll(Events.otrf(file));
			}
		}
		Path shared = Corpus.shared().resolve("events/windows-flat-json/otrf-security-datasets");
		if (Files.isDirectory(shared)) {
			for (Path file : Corpus.files(shared, ".json")) {
				events.addAll(Events.otrf(file));
			}
		}
		List<SigmaRule> rules = Corpus.rules().rules();
		Detector prefiltered = Detector.compile(rules, List.of());
		Detector reference = Detector.withoutPrefilter(rules, List.of());
		int matches = 0;
		for (MapView event : events) {
			for (MapView variant : List.of(event, shouted(event))) {
				List<String> expected = render(reference.match(variant, 1));
				assertThat(render(prefiltered.match(variant, 1))).as("%s", variant.fields()).isEqualTo(expected);
				matches += expected.size();
			}
		}
		// the test resources alone: 540 events, 643 matches over them and their
		// upper-cased copies
		assertThat(events).hasSizeGreaterThanOrEqualTo(540);
		assertThat(matches).isGreaterThanOrEqualTo(643);
	}

	/**
	 * The event with every string in upper case: the rules' literals are folded, the
	 * values must be too.
	 */
	private static MapView shouted(MapView event) {
		Map<String, Object> fields = new LinkedHashMap<>();
		event.fields()
			.forEach((k, v) -> fields.put(k,
					"Channel".equals(k) || !(v instanceof String s) ? v : s.toUpperCase(Locale.ROOT)));
		return new MapView(fields, event.logSource(), event.timestamp());
	}

	@Test
	void aLiteralMeetsItsRuleInAnyCaseInAListAndUnder4688sNames() {
		List<SigmaRule> rules = new ArrayList<>();
		rules.add(rule("suffix", "s:\n  Image|endswith: '\\whoami.exe'\ncondition: s"));
		rules.add(rule("contains", "s:\n  CommandLine|contains: 'sekurlsa'\ncondition: s"));
		rules.add(rule("all", "s:\n  CommandLine|contains|all:\n    - 'vssadmin'\n    - 'shadows'\ncondition: s"));
		rules.add(rule("cased", "s:\n  CommandLine|contains|cased: 'EncodedCommand'\ncondition: s"));
		rules.add(rule("windash", "s:\n  CommandLine|windash|contains: ' -nop '\ncondition: s"));
		rules.add(rule("b64", "s:\n  CommandLine|base64offset|contains: 'IEX'\ncondition: s"));
		rules.add(rule("wide", "s:\n  CommandLine|wide|base64offset|contains: 'ping'\ncondition: s"));
		rules.add(rule("glob", "s:\n  Image: 'C:\\Windows\\Sys*\\rundll32.exe'\ncondition: s"));
		Detector detector = Detector.compile(rules, List.of());
		assertThat(ids(detector, "Image", "C:\\WINDOWS\\System32\\WhoAmI.EXE")).containsExactly("suffix");
		assertThat(ids(detector, "CommandLine", List.of("x", "mimikatz SEKURLSA::logonpasswords")))
			.containsExactly("contains");
		assertThat(ids(detector, "CommandLine", "VSSADMIN delete SHADOWS")).containsExactly("all");
		assertThat(ids(detector, "CommandLine", "vssadmin list")).isEmpty();
		assertThat(ids(detector, "CommandLine", "powershell -EncodedCommand x")).containsExactly("cased");
		assertThat(ids(detector, "CommandLine", "powershell -encodedcommand x")).isEmpty();
		assertThat(ids(detector, "CommandLine", "powershell /nop -w hidden")).containsExactly("windash");
		assertThat(ids(detector, "CommandLine", "powershell -e " + base64("xIEX(New-Object)"))).containsExactly("b64");
		assertThat(ids(detector, "CommandLine", "powershell -e " + base64Wide("cmd /c ping 10.0.0.1")))
			.containsExactly("wide");
		assertThat(ids(detector, "Image", "c:\\windows\\SysWOW64\\RUNDLL32.exe")).containsExactly("glob");
		// Security 4688 names the image NewProcessName: the rules read it under their own
		// name
		assertThat(detector
			.match(MapView.windows("Channel", "Security", "EventID", 4688L, "NewProcessName", "C:\\x\\whoami.exe"), 1)
			.stream()
			.map(m -> m.rule().id())).containsExactly("suffix");
	}

	@Test
	void rulesWithoutALiteralAreAlwaysTried() {
		List<SigmaRule> rules = new ArrayList<>();
		rules.add(rule("not", "s:\n  Image|endswith: '\\explorer.exe'\ncondition: not s"));
		rules.add(rule("regex", "s:\n  CommandLine|re: 'n[e]t\\s+user'\ncondition: s"));
		rules.add(rule("short", "s:\n  CommandLine|contains: ' /c'\ncondition: s"));
		rules.add(rule("number", "s:\n  ProcessId: 4\ncondition: s"));
		rules.add(rule("oneof", "s1:\n  Image|endswith: '\\cmd.exe'\ns2:\n  User|exists: true\ncondition: 1 of s*"));
		Detector detector = Detector.compile(rules, List.of());
		assertThat(ids(detector, "Image", "C:\\a.exe")).containsExactly("not");
		assertThat(ids(detector, "CommandLine", "net  user bob")).containsExactly("not", "regex");
		assertThat(ids(detector, "CommandLine", "cmd /c dir")).containsExactly("not", "short");
		assertThat(detector.match(MapView.windows("Channel", SYSMON, "EventID", 1L, "ProcessId", 4L, "User", "u"), 1)
			.stream()
			.map(m -> m.rule().id())).containsExactly("not", "number", "oneof");
	}

	@Test
	void keywordsAreLookedForInEveryValue() {
		List<SigmaRule> rules = List.of(linux("clam", "k:\n  - 'FOUND'\ncondition: k"),
				linux("both", "k:\n  '|all':\n    - 'rm -rf'\n    - '.bash_history'\ncondition: k"),
				linux("short", "k:\n  - 'nc'\ncondition: k"),
				linux("cased", "k:\n  '|cased':\n    - 'Segfault'\ncondition: k"),
				linux("field", "s:\n  process.name: 'vsftpd'\ncondition: s"));
		Detector detector = Detector.compile(rules, List.of());
		vn.khien.monitoring.event.LogSource source = new vn.khien.monitoring.event.LogSource("linux", null, null);
		java.util.function.Function<Object[], List<String>> ids = pairs -> detector
			.match(MapView.of(source, java.time.Instant.EPOCH, pairs), 1)
			.stream()
			.map(m -> m.rule().id())
			.toList();
		assertThat(ids.apply(new Object[] { "message", "/tmp/eicar.com: Eicar-Signature found" }))
			.containsExactly("clam");
		assertThat(ids.apply(new Object[] { "message", "x", "args", List.of("RM -RF ~/.BASH_HISTORY") }))
			.containsExactly("both");
		assertThat(ids.apply(new Object[] { "message", "rm -rf /tmp/x" })).isEmpty();
		assertThat(ids.apply(new Object[] { "message", "ncat -e /bin/sh" })).containsExactly("short");
		assertThat(ids.apply(new Object[] { "message", "app[12]: Segfault at 0" })).containsExactly("cased");
		assertThat(ids.apply(new Object[] { "message", "app[12]: segfault at 0" })).isEmpty();
		assertThat(ids.apply(new Object[] { "process.name", "VSFTPD" })).containsExactly("field");
		assertThat(need("k:\n  - 'mimikatz'\n  - 'sekurlsa'\ncondition: k").literals())
			.containsExactly(new Need.Literal(null, "mimikatz"), new Need.Literal(null, "sekurlsa"));
	}

	@Test
	void aNeedIsWhatEveryMatchMustHold() {
		assertThat(need("a:\n  Image|endswith: '\\whoami.exe'\ncondition: a").literals())
			.containsExactly(new Need.Literal("Image", "\\whoami.exe"));
		// of two parts that must both hold, the longer literal tells more
		assertThat(need("a:\n  Image|endswith: '.exe'\nb:\n  CommandLine|contains: 'localgroup'\ncondition: a and b")
			.literals()).containsExactly(new Need.Literal("CommandLine", "localgroup"));
		// either of two: both literals
		assertThat(need(
				"a:\n  Image|endswith: '\\net.exe'\nb:\n  CommandLine|contains: 'LocalGroup'\n" + "condition: a or b")
			.literals())
			.containsExactly(new Need.Literal("Image", "\\net.exe"), new Need.Literal("CommandLine", "localgroup"));
		// the longest run of literal characters of a wildcard value
		assertThat(need("a:\n  Image: '*\\sys*\\rundll32.exe'\ncondition: a").literals())
			.containsExactly(new Need.Literal("Image", "\\rundll32.exe"));
		assertThat(need("a:\n  Image|endswith: '\\x.exe'\ncondition: not a")).isNull();
		assertThat(need("a:\n  Image|endswith: '\\x.exe'\nb:\n  User|exists: true\ncondition: 1 of them")).isNull();
		assertThat(need("a:\n  Image|endswith: '\\x.exe'\nb:\n  User: null\ncondition: all of them").literals())
			.containsExactly(new Need.Literal("Image", "\\x.exe"));
		assertThat(need("a:\n  Image|endswith: '\\x.exe'\nb:\n  CommandLine|contains: 'abcd'\n"
				+ "c:\n  User|exists: true\ncondition: 2 of them")
			.literals()).hasSize(2);
		assertThat(need("a:\n  Image|endswith|neq: '\\x.exe'\ncondition: a")).isNull();
		assertThat(need("a:\n  Image|endswith: 'ab'\ncondition: a")).isNull();
	}

	private static List<String> ids(Detector detector, String field, Object value) {
		return detector.match(MapView.windows("Channel", SYSMON, "EventID", 1L, field, value), 1)
			.stream()
			.map(m -> m.rule().id())
			.toList();
	}

	private static String base64(String text) {
		return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String base64Wide(String text) {
		return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_16LE));
	}

}
