package vn.khien.monitoring.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every copied sample decodes with the counts its MANIFEST gives. */
class SampleEventsTests {

	private final EventDecoder decoder = Collected.decoder();

	@Test
	void sigmaRegressionEvtxJsonGives238EventsIn202FilesWithTheManifestsEventIds() throws IOException {
		Path root = Collected.resources().resolve("windows-sysmon-evtxjson");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter((p) -> p.toString().endsWith(".json")).sorted().toList();
		}
		Map<Long, Integer> byId = new TreeMap<>();
		int events = 0;
		for (Path file : files) {
			Collected c = Collected.json(this.decoder, file);
			assertThat(c.errors).as(file.toString()).isEmpty();
			assertThat(c.events).as(file.toString()).isNotEmpty();
			for (DecodedEvent e : c.events) {
				events++;
				assertThat(e.shape()).isEqualTo(EventShape.WINDOWS_EVTX_JSON);
				assertThat(e.timeSource()).isEqualTo(DecodedEvent.TimeSource.EVENT);
				assertThat(e.field("EventID")).isInstanceOf(Long.class);
				assertThat(e.field("Channel")).isInstanceOf(String.class);
				assertThat(e.field("Provider_Name")).isInstanceOf(String.class);
				assertThat(e.field("Computer")).isInstanceOf(String.class);
				assertThat(e.logSource()).isEqualTo(new LogSource("windows", null, null));
				assertThat(e.hostNames()).isNotEmpty();
				byId.merge((Long) e.field("EventID"), 1, Integer::sum);
			}
		}
		assertThat(files).hasSize(202);
		assertThat(events).isEqualTo(238);
		assertThat(byId).containsExactlyInAnyOrderEntriesOf(
				Map.ofEntries(Map.entry(1L, 151), Map.entry(11L, 35), Map.entry(13L, 33), Map.entry(7L, 5),
						Map.entry(12L, 5), Map.entry(10L, 2), Map.entry(16L, 1), Map.entry(17L, 1), Map.entry(4648L, 1),
						Map.entry(4701L, 1), Map.entry(142L, 1), Map.entry(5858L, 1), Map.entry(1119L, 1)));
	}

	@Test
	void sysmonProcessCreationFromEvtxJsonHasSigmaAndEcsNames() throws IOException {
		Path root = Collected.resources().resolve("windows-sysmon-evtxjson");
		Path file;
		try (Stream<Path> walk = Files.walk(root)) {
			file = walk
				.filter((p) -> p.toString().contains("proc_creation_win_findstr_recon_everyone")
						&& p.toString().endsWith(".json"))
				.findFirst()
				.orElseThrow();
		}
		DecodedEvent e = Collected.json(this.decoder, file).events.stream()
			.filter((x) -> String.valueOf(x.field("Image")).toLowerCase().endsWith("findstr.exe"))
			.findFirst()
			.orElseThrow();
		assertThat(e.field("EventID")).isEqualTo(1L);
		assertThat(e.field("CommandLine")).isEqualTo(e.field("process.command_line"));
		assertThat(e.field("ParentImage")).isEqualTo(e.field("process.parent.executable"));
		Map<String, Object> ecs = e.ecs();
		assertThat(ecs).containsKeys("@timestamp", "event", "process", "host", "winlog");
		assertThat(((Map<?, ?>) ecs.get("event")).get("original")).isEqualTo(e.original());
		assertThat(((Map<?, ?>) ecs.get("event")).get("code")).isEqualTo("1");
		assertThat(e.values()).contains((String) e.field("CommandLine"));
	}

	@Test
	void wmiUserDataAndTaskSchedulerAttributesAreRead() throws IOException {
		Path root = Collected.resources().resolve("windows-sysmon-evtxjson");
		Map<String, DecodedEvent> byName = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path p : walk.filter((x) -> x.toString().endsWith(".json")).toList()) {
				if (p.toString().contains("nteventlogfile_cleareventlog")
						|| p.toString().contains("win_taskscheduler_susp_schtasks_delete_or_disable")) {
					byName.put(p.getParent().getFileName().toString(), Collected.json(this.decoder, p).events.get(0));
				}
			}
		}
		DecodedEvent wmi = byName.get("win_wmi_activity_nteventlogfile_cleareventlog");
		assertThat(wmi.field("Operation")).asString().contains("cleareventlog");
		assertThat(wmi.field("ClientProcessId")).isEqualTo(25920L);
		DecodedEvent task = byName.get("win_taskscheduler_susp_schtasks_delete_or_disable");
		assertThat(task.field("EventID")).isEqualTo(142L);
		assertThat(task.field("TaskName")).isEqualTo("\\Microsoft\\Windows\\SystemRestore\\SR");
		assertThat(task.fields()).doesNotContainKey("#attributes");
	}

	@Test
	void otrfFlatJsonDecodesEveryLineOfEveryFile() throws IOException {
		Map<String, Integer> expected = Map.ofEntries(Map.entry("cmd_bitsadmin_download_psh_script", 424),
				Map.entry("cmd_discover_iexplorer_version_registry", 68),
				Map.entry("cmd_lsass_memory_dumpert_syscalls", 118), Map.entry("cmd_psexec_lsa_secrets_dump", 286),
				Map.entry("cmd_sam_copy_esentutl", 915), Map.entry("cmd_service_mod_fax", 437),
				Map.entry("cmd_sharpview_pcre_net", 267), Map.entry("cmd_userinitmprlogonscript_batch", 122),
				Map.entry("covenant_com_wsman_automation", 811), Map.entry("psh_cmstp_execution_bypassuac", 1166),
				Map.entry("psh_lsass_memory_dump_comsvcs", 184), Map.entry("psh_mavinject_dll_notepad", 509),
				Map.entry("purplesharp_pe_injection_createremotethread", 692), Map.entry("schtask_create", 1041));
		Path dir = Collected.resources().resolve("windows-flat-json/otrf-security-datasets");
		Map<String, Integer> counts = new TreeMap<>();
		int total = 0;
		try (Stream<Path> list = Files.list(dir)) {
			for (Path file : list.sorted().toList()) {
				Collected c = Collected.json(this.decoder, file);
				assertThat(c.errors).as(file.toString()).isEmpty();
				String name = file.getFileName().toString().replaceAll("_20\\d\\d-.*", "");
				counts.put(name, c.events.size());
				total += c.events.size();
				for (DecodedEvent e : c.events) {
					assertThat(e.shape()).isEqualTo(EventShape.WINDOWS_FLAT);
					assertThat(e.field("EventID")).isInstanceOf(Long.class);
					assertThat(e.field("Provider_Name")).isEqualTo(e.field("SourceName"));
					assertThat(e.field("Computer")).isEqualTo(e.field("Hostname"));
					assertThat(e.timeSource()).isEqualTo(DecodedEvent.TimeSource.EVENT);
					assertThat(e.hostNames()).containsExactly((String) e.field("Hostname"));
				}
			}
		}
		assertThat(counts).isEqualTo(new TreeMap<>(expected));
		assertThat(total).isEqualTo(7040);
	}

	@Test
	void sentinelLog4ShellRowsGive487SysmonEventsWithTheirEventData() throws IOException {
		Path file;
		try (Stream<Path> list = Files.list(Collected.resources().resolve("windows-sentinel-json/otrf-log4shell"))) {
			file = list.findFirst().orElseThrow();
		}
		Collected c = Collected.json(this.decoder, file);
		assertThat(c.errors).isEmpty();
		assertThat(c.events).hasSize(487);
		assertThat(c.events).allSatisfy((e) -> {
			assertThat(e.shape()).isEqualTo(EventShape.WINDOWS_SENTINEL);
			assertThat(e.notes()).doesNotContain(EventNote.EMBEDDED_DATA_INVALID);
			assertThat(e.field("Provider_Name")).isEqualTo("Microsoft-Windows-Sysmon");
			assertThat(e.field("Image") != null || e.field("SourceImage") != null).isTrue();
			assertThat(e.fields()).doesNotContainKey("EventData");
		});
		DecodedEvent network = c.events.get(0);
		assertThat(network.field("EventID")).isEqualTo(3L);
		assertThat(network.field("DestinationPort")).isEqualTo("8080");
		assertThat(network.field("destination.port")).isEqualTo(8080L);
		assertThat(network.addresses()).containsExactly("192.168.3.5", "192.168.2.5");
		assertThat(network.hostNames()).containsExactly("WORKSTATION5");
	}

	@Test
	void surevegoEveGives266EventsByType() {
		Collected c = Collected.json(this.decoder, Collected.resources().resolve("suricata-eve/surevego/eve.json"));
		assertThat(c.errors).isEmpty();
		Map<Object, Long> byType = c.events.stream()
			.collect(Collectors.groupingBy((e) -> e.field("event_type"), TreeMap::new, Collectors.counting()));
		assertThat(byType).isEqualTo(new TreeMap<>(
				Map.of("alert", 68L, "http", 68L, "fileinfo", 68L, "dns", 48L, "flow", 13L, "stats", 1L)));
		assertThat(c.events.stream().map((e) -> e.field("alert.signature")).filter((s) -> s != null).distinct())
			.containsExactly("ET POLICY GNU/Linux APT User-Agent Outbound likely related to package management");
		DecodedEvent alert = c.events.stream().filter((e) -> "alert".equals(e.field("event_type"))).findFirst().get();
		assertThat(alert.field("rule.name")).isEqualTo(alert.field("alert.signature"));
		assertThat(alert.field("source.ip")).isEqualTo("172.17.0.2");
		assertThat(alert.field("destination.port")).isEqualTo(80L);
		assertThat(alert.field("event.kind")).isEqualTo("alert");
		assertThat(alert.addresses()).containsExactly("172.17.0.2", "54.230.202.37");
		assertThat(alert.timestamp()).hasToString("2017-01-30T15:12:36.066011Z");
		DecodedEvent dns = c.events.stream().filter((e) -> "dns".equals(e.field("event_type"))).findFirst().get();
		assertThat(dns.field("dns.question.name")).isEqualTo("_http._tcp.security.debian.org");
		assertThat(dns.field("query")).isEqualTo("_http._tcp.security.debian.org");
		assertThat(dns.logSource()).isEqualTo(new LogSource("suricata", "dns", null));
	}

	@Test
	void linuxAuditdAndSentinelSyslogRowsKeepTheirFields() throws IOException {
		Path dir = Collected.resources().resolve("linux");
		Collected atomic = new Collected();
		try (Stream<Path> list = Files.list(dir.resolve("otrf-atomic"))) {
			for (Path file : list.sorted().toList()) {
				Collected c = Collected.lines(this.decoder, file);
				atomic.events.addAll(c.events);
				atomic.errors.addAll(c.errors);
			}
		}
		assertThat(atomic.errors).isEmpty();
		assertThat(atomic.events).hasSize(18).allSatisfy((e) -> {
			assertThat(e.shape()).isEqualTo(EventShape.AUDITD);
			assertThat(e.logSource()).isEqualTo(new LogSource("linux", null, "auditd"));
			assertThat(e.timeSource()).isEqualTo(DecodedEvent.TimeSource.EVENT);
			assertThat(e.field("type")).isNotNull();
		});
		DecodedEvent syscall = atomic.events.stream()
			.filter((e) -> "SYSCALL".equals(e.field("type"))
					&& "\"/usr/sbin/arp\"".equals("\"" + e.field("exe") + "\""))
			.findFirst()
			.orElseThrow();
		assertThat(syscall.field("comm")).isEqualTo("arp");
		assertThat(syscall.field("syscall")).isEqualTo("59");
		assertThat(syscall.field("process.executable")).isEqualTo("/usr/sbin/arp");
		assertThat(syscall.timestamp()).hasToString("2020-11-10T07:48:16.155Z");
		DecodedEvent execve = atomic.events.stream().filter((e) -> "EXECVE".equals(e.field("type"))).findFirst().get();
		assertThat(execve.field("a0")).isEqualTo("arp");
		assertThat(execve.field("process.command_line")).isEqualTo("arp -a");

		Collected auoms = Collected.json(this.decoder, dir.resolve(
				"otrf-log4shell/syslog_auoms_auditd_log4shell_cve2021_44228_jndi_reference_2022-05-11181020.json.gz"));
		assertThat(auoms.errors).isEmpty();
		assertThat(auoms.events).hasSize(50).allSatisfy((e) -> {
			assertThat(e.shape()).isEqualTo(EventShape.AUDITD);
			assertThat(e.logSource()).isEqualTo(new LogSource("linux", null, "auditd"));
			assertThat(e.hostNames()).contains("UBUNTU5");
			assertThat(e.addresses()).contains("192.168.2.5");
		});
		assertThat(auoms.events.get(0).field("exe")).isEqualTo("/usr/lib/jvm/java-8-openjdk-amd64/jre/bin/java");
		assertThat(auoms.events.get(0).field("proctitle")).asString().contains("-Djava.util.logging.config.file=");

		Collected sysmon = Collected.json(this.decoder, dir
			.resolve("otrf-log4shell/syslog_sysmon_log4shell_cve2021_44228_jndi_reference_2022-05-11181020.json.gz"));
		assertThat(sysmon.errors).isEmpty();
		assertThat(sysmon.events).hasSize(93).allSatisfy((e) -> {
			assertThat(e.shape()).isEqualTo(EventShape.LINUX_SYSMON);
			assertThat(e.logSource().product()).isEqualTo("linux");
			assertThat(e.field("Channel")).isEqualTo("Linux-Sysmon/Operational");
			assertThat(e.field("EventID")).isInstanceOf(Long.class);
		});
		assertThat(auoms.events.size() + sysmon.events.size()).isEqualTo(143);
		DecodedEvent reverseShell = sysmon.events.stream()
			.filter((e) -> String.valueOf(e.field("CommandLine")).contains("base64,-d"))
			.findFirst()
			.orElseThrow();
		assertThat(reverseShell.field("ParentImage")).isEqualTo("/usr/lib/jvm/java-8-openjdk-amd64/jre/bin/java");
		assertThat(reverseShell.notes()).contains(EventNote.EMBEDDED_DATA_INVALID);
		assertThat(reverseShell.logSource()).isEqualTo(new LogSource("linux", "process_creation", "sysmon"));
	}

}
