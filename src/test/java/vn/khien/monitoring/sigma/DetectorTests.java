package vn.khien.monitoring.sigma;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.khien.monitoring.event.LogSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing by log source, Security 4688's field names, and filters scoped to agencies. */
class DetectorTests {

	private static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";

	private static SigmaRule rule(String id, String logsource, String detection) {
		String yaml = "title: " + id + "\nid: " + id + "\nauthor: a\nlogsource:\n" + logsource.indent(2)
				+ "detection:\n" + detection.indent(2);
		ParseResult result = SigmaRules.parse(id + ".yml", yaml.getBytes(StandardCharsets.UTF_8));
		assertThat(result.errors()).isEmpty();
		return result.rules().get(0);
	}

	private static final SigmaRule PROCESS = rule("proc", "product: windows\ncategory: process_creation",
			"s:\n  Image|endswith: '\\whoami.exe'\ncondition: s");

	private static final SigmaRule FILE = rule("file", "product: windows\ncategory: file_event",
			"s:\n  Image|endswith: '\\whoami.exe'\ncondition: s");

	private static final SigmaRule SECURITY = rule("sec", "product: windows\nservice: security",
			"s:\n  EventID: 4688\ncondition: s");

	private static final SigmaRule ANY_WINDOWS = rule("win", "product: windows", "k:\n  - whoami\ncondition: k");

	private static final SigmaRule LINUX = rule("linux", "product: linux\ncategory: process_creation",
			"s:\n  Image|endswith: '/whoami'\ncondition: s");

	private static final SigmaRule ZEEK = rule("zeek", "product: zeek\nservice: rdp",
			"s:\n  cookie|exists: false\ncondition: s");

	private static final SigmaRule NO_PRODUCT = rule("none", "category: process_creation",
			"s:\n  Image|endswith: 'whoami.exe'\ncondition: s");

	private static final SigmaRule UNKNOWN_CATEGORY = rule("odd", "product: windows\ncategory: something_new",
			"s:\n  Image|endswith: 'whoami.exe'\ncondition: s");

	private final Detector detector = Detector
		.compile(List.of(PROCESS, FILE, SECURITY, ANY_WINDOWS, LINUX, ZEEK, NO_PRODUCT, UNKNOWN_CATEGORY), List.of());

	private List<String> ids(MapView event) {
		return detector.match(event, 1).stream().map(m -> m.rule().id()).toList();
	}

	@Test
	void aSysmonProcessCreationMeetsOnlyProcessCreationRules() {
		MapView event = MapView.windows("Channel", SYSMON, "EventID", 1, "Image", "C:\\Windows\\whoami.exe");
		assertThat(ids(event)).containsExactlyInAnyOrder("proc", "win", "none");
	}

	@Test
	void aSysmonFileEventMeetsFileRules() {
		MapView event = MapView.windows("Channel", SYSMON, "EventID", 11, "Image", "C:\\Windows\\whoami.exe");
		assertThat(ids(event)).containsExactlyInAnyOrder("file", "win");
	}

	@Test
	void security4688IsProcessCreationUnderItsOwnFieldNames() {
		MapView event = MapView.windows("Channel", "Security", "EventID", 4688, "NewProcessName",
				"C:\\Windows\\whoami.exe", "ProcessId", "0x10");
		assertThat(ids(event)).containsExactlyInAnyOrder("proc", "sec", "win", "none");
	}

	@Test
	void theEventIdRoutesWithinAChannel() {
		MapView event = MapView.windows("Channel", SYSMON, "EventID", "7", "Image", "C:\\Windows\\whoami.exe");
		assertThat(ids(event)).containsExactlyInAnyOrder("win");
	}

	@Test
	void channelNamesAreMatchedWhateverTheirCase() {
		MapView event = MapView.windows("Channel", "microsoft-windows-sysmon/operational", "EventID", 1, "Image",
				"C:\\Windows\\whoami.exe");
		assertThat(ids(event)).contains("proc");
	}

	@Test
	void otherProductsRouteByTheirLogSource() {
		MapView linux = MapView.of(new LogSource("linux", "process_creation", null), Instant.EPOCH, "Image",
				"/usr/bin/whoami");
		assertThat(ids(linux)).containsExactly("linux");
		MapView auditd = MapView.of(new LogSource("linux", null, "auditd"), Instant.EPOCH, "Image", "/usr/bin/whoami");
		assertThat(ids(auditd)).containsExactly("linux");
		MapView zeek = MapView.of(new LogSource("zeek", null, "rdp"), Instant.EPOCH, "id", "x");
		assertThat(ids(zeek)).containsExactly("zeek");
		MapView zeekDns = MapView.of(new LogSource("zeek", null, "dns"), Instant.EPOCH, "id", "x");
		assertThat(ids(zeekDns)).isEmpty();
	}

	@Test
	void anEventOfUnknownSourceMeetsTheRulesItCannotContradict() {
		// no product and no channel: Windows rules need a channel, the others cannot be
		// ruled out
		MapView unknown = MapView.of(LogSource.UNKNOWN, Instant.EPOCH, "Image", "/usr/bin/whoami");
		assertThat(ids(unknown)).containsExactlyInAnyOrder("linux", "zeek");
		// no product, but a channel and an event id: routed as Windows
		MapView channel = MapView.of(LogSource.UNKNOWN, Instant.EPOCH, "Channel", SYSMON, "EventID", 1, "Image",
				"C:\\whoami.exe");
		assertThat(ids(channel)).containsExactlyInAnyOrder("proc", "win", "none");
	}

	@Test
	void aRuleOfAnUnmappedCategoryMeetsOnlyEventsThatNameIt() {
		assertThat(detector.unrouted()).extracting(SigmaRule::id).containsExactly("odd");
		MapView named = MapView.of(new LogSource("windows", "something_new", null), Instant.EPOCH, "Image",
				"C:\\whoami.exe");
		assertThat(ids(named)).contains("odd");
	}

	@Test
	void filtersSuppressOnlyTheRulesTheyNameAndOnlyForTheirAgencies() {
		String yaml = """
				title: Admin tool
				id: f-admin
				logsource:
				    product: windows
				    category: process_creation
				filter:
				    rules:
				        - proc
				    selection:
				        User|startswith: 'adm_'
				    condition: selection
				""";
		SigmaFilter filter = SigmaRules.parse("f.yml", yaml.getBytes(StandardCharsets.UTF_8)).filters().get(0);
		Detector scoped = Detector.compile(List.of(PROCESS, NO_PRODUCT),
				List.of(ScopedFilter.forAgencies(filter, Set.of(7L))));
		MapView admin = MapView.windows("Channel", SYSMON, "EventID", 1, "Image", "C:\\whoami.exe", "User", "adm_bob");
		assertThat(scoped.match(admin, 7)).extracting(m -> m.rule().id()).containsExactly("none");
		assertThat(scoped.match(admin, 8)).extracting(m -> m.rule().id()).containsExactlyInAnyOrder("proc", "none");
		MapView user = MapView.windows("Channel", SYSMON, "EventID", 1, "Image", "C:\\whoami.exe", "User", "bob");
		assertThat(scoped.match(user, 7)).extracting(m -> m.rule().id()).containsExactlyInAnyOrder("proc", "none");
		Detector global = Detector.compile(List.of(PROCESS), List.of(ScopedFilter.everywhere(filter)));
		assertThat(global.match(admin, 8)).isEmpty();
		// the upstream rule itself is untouched
		assertThat(PROCESS.detection().matches(admin)).isTrue();
	}

}
