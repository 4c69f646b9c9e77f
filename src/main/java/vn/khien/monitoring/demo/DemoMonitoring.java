package vn.khien.monitoring.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.inventory.Assets;
import vn.khien.monitoring.Alert;
import vn.khien.monitoring.Alerts;
import vn.khien.monitoring.DetectionRules;
import vn.khien.monitoring.EventSource;
import vn.khien.monitoring.EventSources;
import vn.khien.monitoring.internal.EventPipeline;
import vn.khien.platform.Accounts;
import vn.khien.platform.DemoMode;
import vn.khien.platform.KhienUser;
import vn.khien.platform.PageQuery;
import vn.khien.platform.Role;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * Demo SOC: four sources of the provincial SOC (a Wazuh manager, a Suricata sensor and a
 * firewall at the data centre, Linux servers forwarding over HTTP), the demo rules of
 * {@code demo-rules.yml}, and a few hundred events of the last days on the demo hosts of
 * several agencies, sent through the pipeline a sensor's batch takes, so that alerts of
 * each severity are raised, counted and placed as in use; a few name hosts no inventory
 * holds. The operator's demo account then takes two alerts in hand. Loaded once, after
 * the other demos, when demo data is on and no source exists.
 */
@Component
@Order(70)
class DemoMonitoring implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMonitoring.class);

	static final String WAZUH = "Wazuh – Trung tâm Giám sát an toàn thông tin tỉnh";

	static final String SURICATA = "Suricata – cảm biến IDS Trung tâm dữ liệu tỉnh";

	static final String FIREWALL = "Tường lửa PhuSa NGFW – Trung tâm dữ liệu tỉnh (syslog)";

	static final String LINUX = "Máy chủ Linux – chuyển tiếp nhật ký qua HTTP";

	/** The rules' ids, as demo-rules.yml gives them. */
	static final String SSH_BRUTE_FORCE = "c514d218-8fbe-4577-939e-b787b836269b";

	static final String WINDOWS_FAILED_LOGONS = "dbe9be06-00d6-457c-806b-f028f9c9e752";

	static final String ENCODED_POWERSHELL = "990e633d-c0e4-4bb0-9d7c-8791cd28b0b2";

	static final String SURICATA_ALERT = "dd809747-be05-47fc-84dc-17772403f511";

	static final String MALWARE_BEACON = "a62f6ec8-8fc5-428b-91d6-a573106e78b0";

	static final String FIREWALL_DENIED = "3a908efc-0dce-4a9c-9141-014d176e4dde";

	/** The analyst who takes the first alerts in hand: the operator's demo account. */
	private static final String ANALYST = "operator";

	/** Addresses no inventory holds: a test server of the data centre nobody declared. */
	static final String UNKNOWN_ADDRESS = "10.250.3.20";

	static final String UNKNOWN_HOST = "web-thunghiem.lachong.gov.vn";

	private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

	private static final DateTimeFormatter WAZUH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private static final DateTimeFormatter EVE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSZ");

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final Assets assets;

	private final Accounts accounts;

	private final EventSources sources;

	private final DetectionRules rules;

	private final EventPipeline pipeline;

	private final Alerts alerts;

	private final JsonMapper json;

	private final DemoMode demoMode;

	private final TransactionTemplate transactions;

	DemoMonitoring(JdbcClient jdbc, Agencies agencies, Assets assets, Accounts accounts, EventSources sources,
			DetectionRules rules, EventPipeline pipeline, Alerts alerts, JsonMapper json, DemoMode demoMode,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.assets = assets;
		this.accounts = accounts;
		this.sources = sources;
		this.rules = rules;
		this.pipeline = pipeline;
		this.alerts = alerts;
		this.json = json;
		this.demoMode = demoMode;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoMode.LOADER.run(() -> {
			if (!demoMode.enabled() || agencies.findByCode("SKHCN").isEmpty()
					|| jdbc.sql("SELECT COUNT(*) FROM event_source").query(Long.class).single() > 0
					|| jdbc.sql("SELECT COUNT(*) FROM alert").query(Long.class).single() > 0) {
				return;
			}
			load();
		});
	}

	/** A demo host: its agency, name and first address. */
	record Host(long agencyId, String name, String address) {

		String shortName() {
			int dot = name.indexOf('.');
			return dot < 0 ? name : name.substring(0, dot);
		}

	}

	/** The demo hosts of an agency, its servers apart. */
	private record Hosts(List<Host> servers, List<Host> workstations) {

		Host server(int i) {
			List<Host> from = servers.isEmpty() ? workstations : servers;
			return from.get(i % from.size());
		}

		Host workstation(int i) {
			List<Host> from = workstations.isEmpty() ? servers : workstations;
			return from.get(i % from.size());
		}

		boolean empty() {
			return servers.isEmpty() && workstations.isEmpty();
		}

	}

	private void load() {
		Instant started = Instant.now();
		Map<String, Hosts> hosts = new LinkedHashMap<>();
		for (String code : List.of("SYT", "SYT-1", "SGDDT", "STC", "SKHCN", "SNV")) {
			agencies.findByCode(code).filter(a -> a.status().current()).map(this::hostsOf).ifPresent(h -> {
				if (!h.empty()) {
					hosts.put(code, h);
				}
			});
		}
		// NB: the events name the inventory demo's hosts; without them nothing could be
		// placed and the demo would only show the operators' queue
		if (!hosts.keySet().containsAll(List.of("SYT", "SGDDT", "STC", "SKHCN"))) {
			log.info("Demo monitoring skipped: the demo hosts are not in the inventory");
			return;
		}
		List<Long> bound = hosts.entrySet()
			.stream()
			.filter(e -> !e.getKey().contains("-"))
			.map(e -> agencies.findByCode(e.getKey()).orElseThrow().id())
			.toList();
		Map<String, EventSources.Bound> made = transactions.execute(status -> {
			Map<String, EventSources.Bound> created = new LinkedHashMap<>();
			// NB: each source reports for several agencies, so that what names no known
			// host stays with nobody, in the operators' queue; the tokens are dropped
			// unread: the operator makes a new source to connect a real sensor
			for (String name : List.of(WAZUH, SURICATA, FIREWALL, LINUX)) {
				EventSource source = sources.create(name, bound).source();
				created.put(name, new EventSources.Bound(source.id(), source.name(), source.agencyIds()));
			}
			rules.load("demo-rules.yml", demoRules(), null);
			return created;
		});
		// NB: the rules are committed before the events come: detection compiles a
		// change once it is committed; each batch is then stored in its own transaction,
		// as a sensor's is, so that the alerts are there when the run returns
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		Random random = new Random(20261204L);
		Events events = new Events(json, random);
		long raised = 0;
		raised += send(made.get(WAZUH), events.wazuh(hosts, now));
		raised += send(made.get(SURICATA), events.suricata(hosts, now));
		raised += send(made.get(FIREWALL), events.firewall(hosts, now));
		raised += send(made.get(LINUX), events.linux(hosts, now));
		inHand(agencies.findByCode("SKHCN").orElseThrow().id(), agencies.findByCode("STC").orElseThrow().id());
		log.info("Demo monitoring loaded: {} sources, {} alerts raised, in {} ms", made.size(), raised,
				Duration.between(started, Instant.now()).toMillis());
	}

	private Hosts hostsOf(Agency agency) {
		List<Host> servers = new ArrayList<>();
		List<Host> workstations = new ArrayList<>();
		// NB: the agency's own hosts, not those of the units below it
		assets.forEach(new Assets.Filter(null, agency.id(), null, null), a -> {
			if (a.agencyId() != agency.id() || a.hostname() == null || a.addresses().isEmpty()) {
				return;
			}
			Host host = new Host(a.agencyId(), a.hostname(), a.addresses().get(0));
			// the inventory demo names its servers -srvNN
			(a.hostname().contains("-srv") ? servers : workstations).add(host);
		});
		servers.sort(Comparator.comparing(Host::name));
		workstations.sort(Comparator.comparing(Host::name));
		return new Hosts(servers, workstations);
	}

	private byte[] demoRules() {
		try (InputStream in = DemoMonitoring.class.getResourceAsStream("demo-rules.yml")) {
			if (in == null) {
				throw new IllegalStateException("demo-rules.yml is missing from the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends one source's events as its batch, in time order (correlations count in event
	 * time); a full pipeline (another batch at once) is waited for a few seconds at most.
	 */
	private long send(EventSources.Bound source, List<Line> lines) {
		lines.sort(Comparator.comparing(Line::at));
		StringBuilder body = new StringBuilder();
		lines.forEach(l -> body.append(l.text()).append('\n'));
		byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		for (int attempt = 0;; attempt++) {
			try {
				EventPipeline.Outcome outcome = pipeline.ingest(source, new ByteArrayInputStream(bytes), false);
				if (outcome.refused() > 0) {
					log.warn("Demo events refused by the pipeline for {}: {}", source.name(), outcome.errors());
				}
				return outcome.alerts();
			}
			catch (EventPipeline.Saturated ex) {
				if (attempt >= 20) {
					log.warn("Demo events not sent for {}: the pipeline stayed full", source.name());
					return 0;
				}
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return 0;
				}
			}
		}
	}

	/**
	 * The operator's first steps: the data centre's SSH brute force taken in hand, the
	 * finance department's encoded PowerShell found to be its backup script. As the
	 * operator's demo account, so the queue says who did it; without it, left new.
	 */
	private void inHand(long dataCentre, long finance) {
		Optional<KhienUser> analyst = accounts.findByUsername(ANALYST)
			.filter(a -> a.enabled() && a.roles().contains(Role.PROVINCE_OPERATOR))
			.map(KhienUser::of);
		analyst.ifPresent(operator -> operator.run(() -> transactions.executeWithoutResult(status -> {
			first(dataCentre, SSH_BRUTE_FORCE).ifPresent(a -> alerts.take(a.id(), Alerts.Step.ACKNOWLEDGE,
					"Đã chặn địa chỉ nguồn trên tường lửa, đang rà soát nhật ký máy chủ.", a.version()));
			first(finance, ENCODED_POWERSHELL).ifPresent(a -> alerts.take(a.id(), Alerts.Step.FALSE_POSITIVE,
					"Kịch bản sao lưu hằng đêm của quản trị viên, đã xác minh với Sở Tài chính.", a.version()));
		})));
	}

	private Optional<Alert> first(long agencyId, String rule) {
		return alerts.list(new Alerts.Filter(agencyId, rule, null, null, null, null), PageQuery.of(null, 1, null))
			.items()
			.stream()
			.findFirst();
	}

	/** A line of a batch and the time it tells, to send them in order. */
	record Line(Instant at, String text) {
	}

	/**
	 * The demo's events, in the formats the sensors write: Wazuh alerts of Windows
	 * events, Suricata EVE, CEF over syslog, sshd over syslog. Mostly ordinary traffic,
	 * with the bursts that the rules are for.
	 */
	static final class Events {

		private static final String[] ATTACKERS = { "45.95.147.12", "103.145.13.89", "185.224.128.17", "194.26.29.114",
				"80.94.95.203" };

		private final JsonMapper json;

		private final Random random;

		Events(JsonMapper json, Random random) {
			this.json = json;
			this.random = random;
		}

		/**
		 * A burst's start, just after the hour so that it stays within one alert window
		 * (1 h by default) and makes one alert that counts its events.
		 */
		static Instant hour(Instant now, int hoursAgo) {
			return now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hoursAgo)).plus(Duration.ofMinutes(5));
		}

		List<Line> wazuh(Map<String, Hosts> hosts, Instant now) {
			List<Line> lines = new ArrayList<>();
			List<Host> workstations = new ArrayList<>();
			hosts.values().forEach(h -> workstations.addAll(h.workstations()));
			// ordinary logons and programs over five days
			for (int i = 0; i < 110; i++) {
				Host host = workstations.get(random.nextInt(workstations.size()));
				Instant at = now.minus(Duration.ofMinutes(30 + random.nextInt(5 * 24 * 60)));
				if (i % 2 == 0) {
					lines.add(windows(host, at, 4624, "Security", "60106", 3, "Windows logon success.", Map
						.of("targetUserName", "canbo" + (1 + random.nextInt(40)), "logonType", "2", "ipAddress", "-")));
				}
				else {
					String[] programs = { "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
							"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
							"C:\\Windows\\System32\\svchost.exe", "C:\\Program Files\\VNPT-CA\\TokenManager.exe" };
					String image = programs[random.nextInt(programs.length)];
					lines.add(windows(host, at, 1, "Microsoft-Windows-Sysmon/Operational", "61603", 3,
							"Sysmon - Event 1: Process creation.",
							Map.of("image", image, "commandLine", "\"" + image + "\"", "parentImage",
									"C:\\Windows\\explorer.exe", "user", "LACHONG\\canbo" + (1 + random.nextInt(40)))));
				}
			}
			// the odd mistyped password: no burst
			for (int i = 0; i < 10; i++) {
				Host host = workstations.get(random.nextInt(workstations.size()));
				lines.add(failedLogon(host, now.minus(Duration.ofMinutes(60 + random.nextInt(4 * 24 * 60))),
						"canbo" + (1 + random.nextInt(40)), host.address()));
			}
			// a password guessed against the health department's domain controller from
			// one of its own workstations, two days ago
			Host dc = hosts.get("SYT").server(0);
			Host from = hosts.get("SYT").workstation(2);
			Instant burst = hour(now, 50);
			for (int i = 0; i < 18; i++) {
				lines.add(failedLogon(dc, burst.plusSeconds(10L * i), "administrator", from.address()));
			}
			// and an accountant's account at the education department, four days ago
			Host school = hosts.get("SGDDT").server(0);
			burst = hour(now, 98);
			for (int i = 0; i < 9; i++) {
				lines.add(failedLogon(school, burst.plusSeconds(25L * i), "ketoan01", ATTACKERS[1]));
			}
			// encoded PowerShell: a workstation at the education department yesterday,
			// the hospital's server this morning, and the finance department's backup
			// script (a false positive)
			String payload = "SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA";
			Host pc = hosts.get("SGDDT").workstation(1);
			Instant seen = hour(now, 26);
			for (int i = 0; i < 3; i++) {
				lines.add(powershell(pc, seen.plus(Duration.ofMinutes(12L * i)),
						"powershell.exe -NoProfile -WindowStyle Hidden -enc " + payload, "LACHONG\\gv.nguyenha"));
			}
			if (hosts.containsKey("SYT-1")) {
				Host his = hosts.get("SYT-1").server(0);
				seen = hour(now, 6);
				for (int i = 0; i < 2; i++) {
					lines.add(powershell(his, seen.plus(Duration.ofMinutes(7L * i)),
							"powershell.exe -ExecutionPolicy Bypass -EncodedCommand " + payload,
							"NT AUTHORITY\\SYSTEM"));
				}
			}
			Host finance = hosts.get("STC").server(0);
			lines.add(powershell(finance, hour(now, 75),
					"powershell.exe -NonInteractive -enc " + "QwA6AFwAUwBjAHIAaQBwAHQAcwBcAGIAYQBjAGsAdQBwAC4AcABzADEA",
					"LACHONG\\qt.tranminh"));
			return lines;
		}

		private Line failedLogon(Host host, Instant at, String user, String address) {
			return windows(host, at, 4625, "Security", "60122", 5, "Logon failure - Unknown user or bad password.",
					Map.of("targetUserName", user, "logonType", "3", "ipAddress", address, "status", "0xc000006d",
							"subStatus", "0xc000006a"));
		}

		private Line powershell(Host host, Instant at, String commandLine, String user) {
			return windows(host, at, 1, "Microsoft-Windows-Sysmon/Operational", "92057", 12,
					"Powershell.exe spawned a powershell process which executed a base64 encoded command.",
					Map.of("image", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "commandLine",
							commandLine, "parentImage", "C:\\Windows\\System32\\cmd.exe", "user", user));
		}

		/** A Wazuh alert of a Windows event, as the manager's alerts.json holds it. */
		private Line windows(Host host, Instant at, int eventId, String channel, String ruleId, int level,
				String description, Map<String, Object> eventData) {
			Map<String, Object> system = new LinkedHashMap<>();
			system.put("providerName",
					channel.equals("Security") ? "Microsoft-Windows-Security-Auditing" : "Microsoft-Windows-Sysmon");
			system.put("eventID", Integer.toString(eventId));
			system.put("channel", channel);
			system.put("computer", host.name());
			system.put("systemTime", at.toString());
			Map<String, Object> data = new LinkedHashMap<>(eventData);
			data.put("targetDomainName", "LACHONG");
			Map<String, Object> alert = new LinkedHashMap<>();
			alert.put("timestamp", WAZUH_TIME.format(at.atOffset(VIETNAM)));
			alert.put("rule", Map.of("level", level, "description", description, "id", ruleId, "groups",
					List.of("windows", eventId == 1 ? "sysmon" : "windows_security")));
			alert.put("agent", Map.of("id", String.format("%03d", Math.abs(host.name().hashCode()) % 900 + 100), "name",
					host.shortName(), "ip", host.address()));
			alert.put("manager", Map.of("name", "wazuh-soc.lachong.gov.vn"));
			alert.put("id", at.getEpochSecond() + "." + random.nextInt(1_000_000));
			alert.put("decoder", Map.of("name", "windows_eventchannel"));
			alert.put("location", "EventChannel");
			alert.put("data", Map.of("win", Map.of("system", system, "eventdata", data)));
			return new Line(at, json.writeValueAsString(alert));
		}

		List<Line> suricata(Map<String, Hosts> hosts, Instant now) {
			List<Line> lines = new ArrayList<>();
			List<Host> all = new ArrayList<>();
			hosts.values().forEach(h -> {
				all.addAll(h.servers());
				all.addAll(h.workstations());
			});
			// ordinary flows and lookups
			for (int i = 0; i < 60; i++) {
				Host host = all.get(random.nextInt(all.size()));
				Instant at = now.minus(Duration.ofMinutes(20 + random.nextInt(5 * 24 * 60)));
				Map<String, Object> e = eve(at, i % 3 == 0 ? "dns" : "flow", host.address(),
						49152 + random.nextInt(10000), "10.0.0.53", 53, "UDP");
				if (i % 3 == 0) {
					e.put("dns", Map.of("type", "query", "id", random.nextInt(65536), "rrname",
							i % 2 == 0 ? "dichvucong.gov.vn" : "lachong.gov.vn", "rrtype", "A"));
				}
				else {
					e.put("dest_ip", "10.0.0." + (10 + random.nextInt(20)));
					e.put("dest_port", 443);
					e.put("proto", "TCP");
					e.put("flow",
							Map.of("pkts_toserver", 10 + random.nextInt(50), "pkts_toclient", 10 + random.nextInt(80),
									"bytes_toserver", 2000 + random.nextInt(9000), "bytes_toclient",
									4000 + random.nextInt(90000)));
				}
				lines.add(line(at, e));
			}
			// a scan of the data centre's server from the Internet, yesterday
			Host dataCentre = hosts.get("SKHCN").server(0);
			Instant scan = hour(now, 23);
			int[] ports = { 22, 23, 80, 443, 445, 1433, 3306, 3389, 5432, 5900, 6379, 8080, 8443, 9200, 27017 };
			for (int i = 0; i < ports.length; i++) {
				lines.add(alert(scan.plusSeconds(150L * i), ATTACKERS[2], dataCentre.address(), ports[i], 2001219,
						"ET SCAN Potential SSH Scan", "Attempted Information Leak", 2));
			}
			// SQL injection attempts on the health department's portal, three days ago
			Host portal = hosts.get("SYT").server(1);
			Instant web = hour(now, 73);
			for (int i = 0; i < 6; i++) {
				lines.add(alert(web.plusSeconds(180L * i), ATTACKERS[3], portal.address(), 443, 2006446,
						"ET WEB_SERVER Possible SQL Injection Attempt UNION SELECT", "Web Application Attack", 2));
			}
			// an education workstation calling out to a malware controller, this
			// afternoon
			Host infected = hosts.get("SGDDT").workstation(3);
			Instant beacon = hour(now, 3);
			for (int i = 0; i < 3; i++) {
				Map<String, Object> e = alertEve(beacon.plus(Duration.ofMinutes(13L * i)), infected.address(),
						ATTACKERS[4], 80, 2027865, "ET MALWARE Win32/AsyncRAT CnC Checkin",
						"A Network Trojan was detected", 1);
				lines.add(line(beacon.plus(Duration.ofMinutes(13L * i)), e));
			}
			// probes of a server nobody put in the inventory
			Instant probe = hour(now, 30);
			for (int i = 0; i < 4; i++) {
				lines.add(alert(probe.plus(Duration.ofMinutes(9L * i)), ATTACKERS[0], UNKNOWN_ADDRESS, 8080, 2024897,
						"ET WEB_SPECIFIC_APPS Apache Tomcat Manager Login Attempt", "Attempted User Privilege Gain",
						2));
			}
			return lines;
		}

		private Line alert(Instant at, String source, String destination, int port, int signatureId, String signature,
				String category, int severity) {
			return line(at, alertEve(at, source, destination, port, signatureId, signature, category, severity));
		}

		private Map<String, Object> alertEve(Instant at, String source, String destination, int port, int signatureId,
				String signature, String category, int severity) {
			Map<String, Object> e = eve(at, "alert", source, 30000 + random.nextInt(30000), destination, port, "TCP");
			e.put("alert", Map.of("action", "allowed", "gid", 1, "signature_id", signatureId, "rev", 3, "signature",
					signature, "category", category, "severity", severity));
			return e;
		}

		private Map<String, Object> eve(Instant at, String type, String source, int sourcePort, String destination,
				int destinationPort, String proto) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("timestamp", EVE_TIME.format(at.atOffset(VIETNAM)));
			e.put("flow_id", Math.abs(random.nextLong() % 2_000_000_000_000_000L));
			e.put("in_iface", "ens192");
			e.put("event_type", type);
			e.put("src_ip", source);
			e.put("src_port", sourcePort);
			e.put("dest_ip", destination);
			e.put("dest_port", destinationPort);
			e.put("proto", proto);
			return e;
		}

		private Line line(Instant at, Map<String, Object> object) {
			return new Line(at, json.writeValueAsString(object));
		}

		List<Line> firewall(Map<String, Hosts> hosts, Instant now) {
			List<Line> lines = new ArrayList<>();
			List<Host> servers = new ArrayList<>();
			hosts.values().forEach(h -> servers.addAll(h.servers()));
			// the portals' ordinary traffic
			for (int i = 0; i < 40; i++) {
				Host host = servers.get(random.nextInt(servers.size()));
				lines.add(cef(now.minus(Duration.ofMinutes(15 + random.nextInt(5 * 24 * 60))), "accept",
						"113.160." + random.nextInt(256) + "." + (1 + random.nextInt(254)), host.address(), 443));
			}
			// remote desktop and SSH tried from the Internet, blocked: three waves
			Object[][] waves = { { "STC", 0, 52, 3389 }, { "SKHCN", 0, 28, 22 }, { "SNV", 0, 5, 3389 } };
			for (Object[] wave : waves) {
				Hosts of = hosts.get((String) wave[0]);
				if (of == null) {
					continue;
				}
				Host target = of.server((Integer) wave[1]);
				Instant at = hour(now, (Integer) wave[2]);
				for (int i = 0; i < 8; i++) {
					lines.add(cef(at.plus(Duration.ofMinutes(4L * i)), "deny", ATTACKERS[i % ATTACKERS.length],
							target.address(), (Integer) wave[3]));
				}
			}
			// and at the server nobody declared
			for (int i = 0; i < 3; i++) {
				lines.add(
						cef(hour(now, 30).plus(Duration.ofMinutes(2L * i)), "deny", ATTACKERS[0], UNKNOWN_ADDRESS, 22));
			}
			return lines;
		}

		/** A CEF message behind a syslog header, as the firewall sends it. */
		private Line cef(Instant at, String action, String source, String destination, int port) {
			String time = at.atOffset(VIETNAM).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			String text = "<134>" + time + " fw-ttdl-01.lachong.gov.vn CEF:0|PhuSa|NGFW|3.1|"
					+ (action.equals("deny") ? "13" : "12") + "|traffic " + action + "|"
					+ (action.equals("deny") ? "5" : "3") + "|rt=" + at.toEpochMilli() + " src=" + source + " spt="
					+ (30000 + random.nextInt(30000)) + " dst=" + destination + " dpt=" + port + " proto=TCP act="
					+ action + " deviceInboundInterface=wan1";
			return new Line(at, text);
		}

		List<Line> linux(Map<String, Hosts> hosts, Instant now) {
			List<Line> lines = new ArrayList<>();
			Host dataCentre = hosts.get("SKHCN").server(1);
			Host finance = hosts.get("STC").server(1);
			// sessions and cron jobs
			for (int i = 0; i < 30; i++) {
				Host host = i % 2 == 0 ? dataCentre : finance;
				Instant at = now.minus(Duration.ofMinutes(10 + random.nextInt(5 * 24 * 60)));
				lines.add(i % 3 == 0
						? syslog(at, host.name(), "sshd",
								"Accepted publickey for quantri from 10.0.0." + (20 + random.nextInt(10)) + " port "
										+ (40000 + random.nextInt(20000)) + " ssh2")
						: syslog(at, host.name(), "CRON", "(root) CMD (/usr/local/bin/sao-luu.sh)"));
			}
			// root's password guessed at the data centre two days ago
			Instant burst = hour(now, 47);
			for (int i = 0; i < 25; i++) {
				lines.add(syslog(burst.plusSeconds(14L * i), dataCentre.name(), "sshd", "Failed password for root from "
						+ ATTACKERS[0] + " port " + (40000 + random.nextInt(20000)) + " ssh2"));
			}
			// user names tried at the finance department yesterday
			String[] names = { "admin", "test", "oracle", "ubuntu", "postgres", "git" };
			burst = hour(now, 20);
			for (int i = 0; i < 12; i++) {
				lines.add(syslog(burst.plusSeconds(20L * i), finance.name(), "sshd",
						"Invalid user " + names[i % names.length] + " from " + ATTACKERS[1] + " port "
								+ (40000 + random.nextInt(20000))));
			}
			// and a test server nobody put in the inventory
			for (int i = 0; i < 4; i++) {
				lines.add(syslog(hour(now, 12).plusSeconds(40L * i), UNKNOWN_HOST, "sshd",
						"Failed password for admin from " + ATTACKERS[2] + " port " + (40000 + random.nextInt(20000))
								+ " ssh2"));
			}
			return lines;
		}

		private Line syslog(Instant at, String host, String program, String message) {
			String time = at.atOffset(VIETNAM).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			return new Line(at, "<38>1 " + time + " " + host + " " + program + " " + (800 + random.nextInt(9000))
					+ " - - " + message);
		}

	}

}
