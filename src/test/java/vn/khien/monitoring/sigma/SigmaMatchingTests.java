package vn.khien.monitoring.sigma;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.khien.monitoring.event.SigmaView;

import static org.assertj.core.api.Assertions.assertThat;

/** The spec's value semantics, modifiers and condition forms, on hand-written rules. */
class SigmaMatchingTests {

	static SigmaRule rule(String detection) {
		String yaml = "title: t\nid: r1\nauthor: a\nlogsource:\n  product: windows\ndetection:\n" + detection.indent(2);
		ParseResult result = SigmaRules.parse("t.yml", yaml.getBytes(StandardCharsets.UTF_8));
		assertThat(result.errors()).isEmpty();
		return result.rules().get(0);
	}

	static boolean fits(String detection, SigmaView event) {
		return rule(detection).detection().matches(event);
	}

	@Test
	void plainValuesAreWholeCaseInsensitiveMatches() {
		MapView event = MapView.windows("Image", "C:\\Windows\\System32\\CMD.exe");
		assertThat(fits("s:\n  Image: 'c:\\windows\\system32\\cmd.exe'\ncondition: s", event)).isTrue();
		assertThat(fits("s:\n  Image: 'cmd.exe'\ncondition: s", event)).isFalse();
		assertThat(fits("s:\n  Image: '*\\cmd.exe'\ncondition: s", event)).isTrue();
		assertThat(fits("s:\n  Image: 'C:\\Windows\\System??\\cmd.exe'\ncondition: s", event)).isTrue();
		assertThat(fits("s:\n  Image: 'C:\\Windows\\System?\\cmd.exe'\ncondition: s", event)).isFalse();
		assertThat(fits("s:\n  Image: 'C:*32*.EXE'\ncondition: s", event)).isTrue();
	}

	@Test
	void escapesMakeWildcardsAndBackslashesPlain() {
		assertThat(fits("s:\n  F: 'a\\*b'\ncondition: s", MapView.windows("F", "a*b"))).isTrue();
		assertThat(fits("s:\n  F: 'a\\*b'\ncondition: s", MapView.windows("F", "axxb"))).isFalse();
		assertThat(fits("s:\n  F: 'what\\?'\ncondition: s", MapView.windows("F", "what?"))).isTrue();
		assertThat(fits("s:\n  F: 'what\\?'\ncondition: s", MapView.windows("F", "whatx"))).isFalse();
		// a backslash before a wildcard, itself escaped: backslash then any run
		assertThat(fits("s:\n  F: 'dir\\\\*'\ncondition: s", MapView.windows("F", "dir\\sub"))).isTrue();
		assertThat(fits("s:\n  F: 'dir\\\\\\*'\ncondition: s", MapView.windows("F", "dir\\*"))).isTrue();
		assertThat(fits("s:\n  F: 'dir\\\\\\*'\ncondition: s", MapView.windows("F", "dir\\sub"))).isFalse();
		// a plain backslash stays one, single or doubled
		assertThat(fits("s:\n  F: 'C:\\Temp'\ncondition: s", MapView.windows("F", "C:\\Temp"))).isTrue();
		assertThat(fits("s:\n  F: 'C:\\\\Temp'\ncondition: s", MapView.windows("F", "C:\\Temp"))).isTrue();
	}

	@Test
	void listsAreOrMapsAreAndAllMakesListsAnd() {
		MapView event = MapView.windows("CommandLine", "net user /add admin", "User", "bob");
		assertThat(fits("s:\n  CommandLine|contains:\n    - 'nope'\n    - 'user'\ncondition: s", event)).isTrue();
		assertThat(fits("s:\n  CommandLine|contains|all:\n    - 'nope'\n    - 'user'\ncondition: s", event)).isFalse();
		assertThat(fits("s:\n  CommandLine|contains|all:\n    - '/add'\n    - 'user'\ncondition: s", event)).isTrue();
		assertThat(fits("s:\n  CommandLine|contains: user\n  User: alice\ncondition: s", event)).isFalse();
		assertThat(fits("s:\n  - CommandLine|contains: nope\n  - User: BOB\ncondition: s", event)).isTrue();
	}

	@Test
	void startsEndsAndContainsNeedNoRegex() {
		MapView event = MapView.windows("CommandLine", "PowerShell -EncodedCommand AAAA");
		assertThat(fits("s:\n  CommandLine|startswith: 'powershell '\ncondition: s", event)).isTrue();
		assertThat(fits("s:\n  CommandLine|endswith: 'aaaa'\ncondition: s", event)).isTrue();
		assertThat(fits("s:\n  CommandLine|contains: '-encodedc'\ncondition: s", event)).isTrue();
		assertThat(fits("s:\n  CommandLine|startswith: 'AAAA'\ncondition: s", event)).isFalse();
	}

	@Test
	void nullMeansTheFieldIsAbsentAndEmptyIsNotNull() {
		assertThat(fits("s:\n  User: null\ncondition: s", MapView.windows("Image", "x"))).isTrue();
		assertThat(fits("s:\n  User: null\ncondition: s", MapView.windows("User", "x"))).isFalse();
		assertThat(fits("s:\n  User: ''\ncondition: s", MapView.windows("User", ""))).isTrue();
		assertThat(fits("s:\n  User: ''\ncondition: s", MapView.windows("Image", "x"))).isFalse();
	}

	@Test
	void existsChecksPresenceOnly() {
		assertThat(fits("s:\n  PasswordLastSet|exists: true\ncondition: s", MapView.windows("PasswordLastSet", "")))
			.isTrue();
		assertThat(fits("s:\n  PasswordLastSet|exists: true\ncondition: s", MapView.windows("Other", "x"))).isFalse();
		assertThat(fits("s:\n  PasswordLastSet|exists: false\ncondition: s", MapView.windows("Other", "x"))).isTrue();
	}

	@Test
	void casedMatchesCaseSensitively() {
		assertThat(fits("s:\n  CommandLine|cased|contains: ' -H '\ncondition: s",
				MapView.windows("CommandLine", "curl -H x")))
			.isTrue();
		assertThat(fits("s:\n  CommandLine|cased|contains: ' -H '\ncondition: s",
				MapView.windows("CommandLine", "curl -h x")))
			.isFalse();
		assertThat(fits("s:\n  F|cased: 'Abc'\ncondition: s", MapView.windows("F", "abc"))).isFalse();
		assertThat(fits("s:\n  F|cased: 'Abc'\ncondition: s", MapView.windows("F", "Abc"))).isTrue();
	}

	@Test
	void neqIsTrueWhenThePresentFieldDiffersFromEveryValue() {
		String detection = "s:\n  User|neq:\n    - SYSTEM\n    - LOCAL SERVICE\ncondition: s";
		assertThat(fits(detection, MapView.windows("User", "bob"))).isTrue();
		assertThat(fits(detection, MapView.windows("User", "system"))).isFalse();
		assertThat(fits(detection, MapView.windows("Image", "x"))).isFalse();
		assertThat(fits("s:\n  LogonType|neq: 3\ncondition: s", MapView.windows("LogonType", 2))).isTrue();
		assertThat(fits("s:\n  LogonType|neq: 3\ncondition: s", MapView.windows("LogonType", "3"))).isFalse();
	}

	@Test
	void numbersCompareAsNumbers() {
		assertThat(fits("s:\n  EventID: 4688\ncondition: s", MapView.windows("EventID", 4688))).isTrue();
		assertThat(fits("s:\n  EventID: 4688\ncondition: s", MapView.windows("EventID", "4688"))).isTrue();
		assertThat(fits("s:\n  EventID: 4688\ncondition: s", MapView.windows("EventID", "04688"))).isTrue();
		assertThat(fits("s:\n  EventID: 4688\ncondition: s", MapView.windows("EventID", 4689))).isFalse();
		assertThat(fits("s:\n  EventID: '4688'\ncondition: s", MapView.windows("EventID", 4688))).isTrue();
		assertThat(fits("s:\n  Mask: 0x10\ncondition: s", MapView.windows("Mask", "0x10"))).isTrue();
		assertThat(fits("s:\n  Mask: 0x10\ncondition: s", MapView.windows("Mask", 16))).isTrue();
		assertThat(fits("s:\n  Ratio: 1.5\ncondition: s", MapView.windows("Ratio", 1.5))).isTrue();
		assertThat(fits("s:\n  Flag: true\ncondition: s", MapView.windows("Flag", true))).isTrue();
		assertThat(fits("s:\n  Flag: true\ncondition: s", MapView.windows("Flag", "True"))).isTrue();
		assertThat(fits("s:\n  Flag: true\ncondition: s", MapView.windows("Flag", false))).isFalse();
	}

	@Test
	void comparisonsReadNumbersAndNumericText() {
		assertThat(fits("s:\n  Size|gt: 100\ncondition: s", MapView.windows("Size", 101))).isTrue();
		assertThat(fits("s:\n  Size|gt: 100\ncondition: s", MapView.windows("Size", 100))).isFalse();
		assertThat(fits("s:\n  Size|gte: 100\ncondition: s", MapView.windows("Size", "100"))).isTrue();
		assertThat(fits("s:\n  Size|lt: 100\ncondition: s", MapView.windows("Size", 99.5))).isTrue();
		assertThat(fits("s:\n  Size|lte: 100\ncondition: s", MapView.windows("Size", 101))).isFalse();
		assertThat(fits("s:\n  Size|lt: 100\ncondition: s", MapView.windows("Size", "big"))).isFalse();
		assertThat(fits("s:\n  Size|lt: 100\ncondition: s", MapView.windows("Other", 1))).isFalse();
	}

	@Test
	void windashMatchesEveryDash() {
		String detection = "s:\n  CommandLine|contains|windash: ' -enc '\ncondition: s";
		for (String dash : List.of("-", "/", "\u2013", "\u2014", "\u2015")) {
			assertThat(fits(detection, MapView.windows("CommandLine", "powershell " + dash + "enc AAAA"))).as(dash)
				.isTrue();
		}
		assertThat(fits(detection, MapView.windows("CommandLine", "powershell +enc AAAA"))).isFalse();
		// only a dash that starts a word varies: the one inside 'a-b' stays a dash
		String inner = "s:\n  CommandLine|windash: 'a-b -c'\ncondition: s";
		assertThat(fits(inner, MapView.windows("CommandLine", "a-b /c"))).isTrue();
		assertThat(fits(inner, MapView.windows("CommandLine", "a/b /c"))).isFalse();
	}

	@Test
	void regexesHonourTheirFlags() {
		assertThat(fits("s:\n  F|re: '^ab+c$'\ncondition: s", MapView.windows("F", "abbbc"))).isTrue();
		assertThat(fits("s:\n  F|re: 'ab+c'\ncondition: s", MapView.windows("F", "xxABC"))).isFalse();
		assertThat(fits("s:\n  F|re|i: 'ab+c'\ncondition: s", MapView.windows("F", "xxABC"))).isTrue();
		assertThat(fits("s:\n  F|re: '^second'\ncondition: s", MapView.windows("F", "first\nsecond"))).isFalse();
		assertThat(fits("s:\n  F|re|m: '^second$'\ncondition: s", MapView.windows("F", "first\nsecond"))).isTrue();
		assertThat(fits("s:\n  F|re: 'first.second'\ncondition: s", MapView.windows("F", "first\nsecond"))).isFalse();
		assertThat(fits("s:\n  F|re|s: 'first.second'\ncondition: s", MapView.windows("F", "first\nsecond"))).isTrue();
	}

	@Test
	void aCatastrophicRegexRunsInLinearTime() {
		// (a+)+$ backtracks exponentially in java.util.regex on this input; RE2/J answers
		// at once
		String detection = "s:\n  F|re: '^(a+)+$'\ncondition: s";
		assertThat(fits(detection, MapView.windows("F", "a".repeat(50_000) + "!"))).isFalse();
		assertThat(fits(detection, MapView.windows("F", "a".repeat(50_000)))).isTrue();
	}

	@Test
	void base64AndItsOffsetsFindEncodedText() {
		String encoded = Base64.getEncoder().encodeToString("iex(new-object net.webclient)".getBytes());
		assertThat(fits("s:\n  F|base64: 'iex(new-object net.webclient)'\ncondition: s", MapView.windows("F", encoded)))
			.isTrue();
		String detection = "s:\n  F|base64offset|contains: 'http://'\ncondition: s";
		for (String prefix : List.of("", "x", "xy", "xyz")) {
			String text = Base64.getEncoder().encodeToString((prefix + "get http://evil tail").getBytes());
			assertThat(fits(detection, MapView.windows("F", "powershell -enc " + text))).as(prefix).isTrue();
		}
		assertThat(fits(detection, MapView.windows("F", Base64.getEncoder().encodeToString("get https:/x".getBytes()))))
			.isFalse();
	}

	@Test
	void utf16ModifiersEncodeBeforeBase64() {
		String le = Base64.getEncoder().encodeToString("ab cmd /c".getBytes(StandardCharsets.UTF_16LE));
		assertThat(fits("s:\n  F|utf16le|base64offset|contains: 'cmd'\ncondition: s", MapView.windows("F", le)))
			.isTrue();
		assertThat(fits("s:\n  F|wide|base64offset|contains: 'cmd'\ncondition: s", MapView.windows("F", le))).isTrue();
		String be = Base64.getEncoder().encodeToString("cmd".getBytes(StandardCharsets.UTF_16BE));
		assertThat(fits("s:\n  F|utf16be|base64: 'cmd'\ncondition: s", MapView.windows("F", be))).isTrue();
		assertThat(fits("s:\n  F|utf16le|base64: 'cmd'\ncondition: s", MapView.windows("F", be))).isFalse();
		byte[] bom = { (byte) 0xFF, (byte) 0xFE, 'c', 0, 'm', 0, 'd', 0 };
		assertThat(fits("s:\n  F|utf16|base64: 'cmd'\ncondition: s",
				MapView.windows("F", Base64.getEncoder().encodeToString(bom))))
			.isTrue();
		// without base64 the bytes are compared as text, one character per byte
		assertThat(fits("s:\n  F|wide|contains: 'cmd'\ncondition: s", MapView.windows("F", "xc\0m\0d\0y"))).isTrue();
	}

	@Test
	void cidrCoversIpv4AndIpv6() {
		String detection = "s:\n  DestinationIp|cidr:\n    - 10.0.0.0/8\n    - 'fd00::/8'\ncondition: s";
		assertThat(fits(detection, MapView.windows("DestinationIp", "10.20.30.40"))).isTrue();
		assertThat(fits(detection, MapView.windows("DestinationIp", "11.0.0.1"))).isFalse();
		assertThat(fits(detection, MapView.windows("DestinationIp", "fd12:3456::1"))).isTrue();
		assertThat(fits(detection, MapView.windows("DestinationIp", "fe80::1"))).isFalse();
		assertThat(fits(detection, MapView.windows("DestinationIp", "not an address"))).isFalse();
		assertThat(fits("s:\n  Ip|cidr: '2001:db8::/32'\ncondition: s", MapView.windows("Ip", "2001:0db8:0:0:0:0:0:1")))
			.isTrue();
		assertThat(fits("s:\n  Ip|cidr: '192.168.1.0/24'\ncondition: s", MapView.windows("Ip", "192.168.2.1")))
			.isFalse();
	}

	@Test
	void fieldrefComparesTwoFieldsOfTheEvent() {
		String same = "s:\n  User|fieldref: ParentUser\ncondition: s";
		assertThat(fits(same, MapView.windows("User", "CORP\\bob", "ParentUser", "corp\\BOB"))).isTrue();
		assertThat(fits(same, MapView.windows("User", "CORP\\bob", "ParentUser", "CORP\\alice"))).isFalse();
		assertThat(fits(same, MapView.windows("User", "CORP\\bob"))).isFalse();
		assertThat(fits("s:\n  TargetFilename|fieldref|endswith: Name\ncondition: s",
				MapView.windows("TargetFilename", "C:\\x\\evil.exe", "Name", "evil.exe")))
			.isTrue();
		assertThat(fits("s:\n  User|fieldref|neq: ParentUser\ncondition: s",
				MapView.windows("User", "bob", "ParentUser", "alice")))
			.isTrue();
	}

	@Test
	void keywordsSearchEveryValue() {
		MapView event = MapView.windows("Message", "mimikatz # sekurlsa::logonpasswords", "Other", 42);
		assertThat(fits("k:\n  - 'SEKURLSA::'\n  - nothing\ncondition: k", event)).isTrue();
		assertThat(fits("k:\n  - nothing\ncondition: k", event)).isFalse();
		assertThat(fits("k: 42\ncondition: k", event)).isTrue();
		assertThat(fits("k:\n  '|all':\n    - mimikatz\n    - logonpasswords\ncondition: k", event)).isTrue();
		assertThat(fits("k:\n  '|all':\n    - mimikatz\n    - nothing\ncondition: k", event)).isFalse();
	}

	@Test
	void listFieldsMatchWhenAnyItemDoes() {
		MapView event = MapView.windows("Tags", List.of("alpha", "beta"));
		assertThat(fits("s:\n  Tags: beta\ncondition: s", event)).isTrue();
		assertThat(fits("s:\n  Tags|all:\n    - alpha\n    - beta\ncondition: s", event)).isTrue();
		assertThat(fits("s:\n  Tags: gamma\ncondition: s", event)).isFalse();
	}

	@Test
	void conditionsFollowTheSpecPrecedence() {
		String selections = "a:\n  A: 1\nb:\n  B: 1\nc:\n  C: 1\n_u:\n  U: 1\n";
		MapView onlyA = MapView.windows("A", 1);
		MapView aAndC = MapView.windows("A", 1, "C", 1);
		MapView onlyU = MapView.windows("U", 1);
		// or binds least, and more, not most: 'a or b and c' is 'a or (b and c)'
		assertThat(fits(selections + "condition: a or b and c", onlyA)).isTrue();
		assertThat(fits(selections + "condition: (a or b) and c", onlyA)).isFalse();
		assertThat(fits(selections + "condition: not a and c", aAndC)).isFalse();
		assertThat(fits(selections + "condition: not (a and b)", aAndC)).isTrue();
		assertThat(fits(selections + "condition: a and not b", aAndC)).isTrue();
		assertThat(fits(selections + "condition: 1 of them", onlyU)).isFalse();
		assertThat(fits(selections + "condition: 1 of them", onlyA)).isTrue();
		assertThat(fits(selections + "condition: all of them", aAndC)).isFalse();
		assertThat(fits(selections + "condition: all of them", MapView.windows("A", 1, "B", 1, "C", 1))).isTrue();
		assertThat(fits(selections + "condition: 1 of _*", onlyU)).isTrue();
		assertThat(fits("sel_a:\n  A: 1\nsel_c:\n  C: 1\ncondition: all of sel_*", aAndC)).isTrue();
		assertThat(fits("sel_a:\n  A: 1\nsel_c:\n  C: 1\ncondition: all of sel_*", onlyA)).isFalse();
		assertThat(fits("sel_a:\n  A: 1\nsel_c:\n  C: 1\nf:\n  F: 1\ncondition: 1 of sel_* and not f",
				MapView.windows("C", 1, "F", 1)))
			.isFalse();
		assertThat(fits(selections + "condition:\n  - b\n  - c", aAndC)).isTrue();
		assertThat(fits(selections + "condition: NOT b AND a", onlyA)).isTrue();
	}

	@Test
	void aMatchNamesTheSelectionsTheEventFits() {
		SigmaRule rule = rule("sel_a:\n  A: 1\nsel_b:\n  B: 1\ncondition: 1 of sel_*");
		List<RuleMatch> matches = Detector.compile(List.of(rule), List.of()).match(MapView.windows("B", 1), 1);
		assertThat(matches).singleElement().satisfies(m -> assertThat(m.selections()).containsExactly("sel_b"));
	}

}
