package vn.khien.monitoring.event;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Tells a decoded JSON object's shape by its top-level keys and fills the event from it:
 * Windows (evtx_dump, flat, Sentinel, Winlogbeat), Suricata EVE, Wazuh alerts, Sentinel
 * Syslog rows, ECS documents; anything else is kept as a generic event.
 */
final class JsonShapes {

	private static final LogSource SURICATA = new LogSource("suricata", null, null);

	private static final LogSource WAZUH = new LogSource("wazuh", null, null);

	private JsonShapes() {
	}

	@SuppressWarnings("unchecked")
	static void decode(Map<String, Object> root, EventBuilder b, JsonValues json) {
		Object event = root.get("Event");
		if (event instanceof Map<?, ?> map && map.get("System") instanceof Map<?, ?>) {
			WindowsEvents.evtx((Map<String, Object>) map, b);
			return;
		}
		if (root.get("winlog") instanceof Map<?, ?> winlog) {
			WindowsEvents.winlogbeat(root, (Map<String, Object>) winlog, b);
			return;
		}
		if (root.get("event_type") instanceof String type
				&& (root.containsKey("src_ip") || root.containsKey("flow_id") || root.containsKey("timestamp"))) {
			suricata(root, type, b);
			return;
		}
		if (root.get("rule") instanceof Map<?, ?> rule && rule.containsKey("level")
				&& (root.containsKey("agent") || root.containsKey("manager") || root.containsKey("decoder"))) {
			wazuh(root, b);
			return;
		}
		Object type = root.get("Type");
		if ("Syslog".equals(type) || root.containsKey("SyslogMessage")) {
			sentinelSyslog(root, b);
			return;
		}
		if (root.containsKey("EventID")) {
			if (root.get("EventData") instanceof String
					&& (root.containsKey("Provider") || root.containsKey("Source") || root.containsKey("TenantId"))) {
				WindowsEvents.sentinel(root, b, json);
				return;
			}
			if (root.containsKey("Channel") || root.containsKey("SourceName") || root.containsKey("Provider_Name")
					|| root.containsKey("ProviderName") || root.containsKey("EventLog")) {
				WindowsEvents.flat(root, b);
				return;
			}
		}
		if (root.containsKey("@timestamp") || root.get("ecs") instanceof Map<?, ?>) {
			ecs(root, b);
			return;
		}
		generic(root, b);
	}

	/** Suricata EVE: its own names flattened, ECS from the common and per-type fields. */
	static void suricata(Map<String, Object> root, String type, EventBuilder b) {
		b.shape = EventShape.SURICATA_EVE;
		FlatMaps.flatten("", root, b.sigma);
		Map<String, Object> s = b.sigma;
		b.logSource = "dns".equals(type) ? new LogSource("suricata", "dns", null) : SURICATA;
		b.time(root.get("timestamp"), ZoneOffset.UTC);
		suricataEcs(s, type, b);
		b.ecs.put("suricata.eve", root);
		b.address(s.get("src_ip"));
		b.address(s.get("dest_ip"));
		b.host(s.get("host"));
	}

	private static void suricataEcs(Map<String, Object> s, String type, EventBuilder b) {
		boolean alert = "alert".equals(type);
		b.ecs("event.kind", alert ? "alert" : "stats".equals(type) ? "metric" : "event");
		b.ecs("event.dataset", "suricata.eve");
		b.ecs("event.module", "suricata");
		b.ecs("event.category", alert ? List.of("network", "intrusion_detection") : List.of("network"));
		b.ecs("event.action", alert ? s.get("alert.action") : type);
		b.ecs("source.ip", s.get("src_ip"));
		b.ecsNumber("source.port", s.get("src_port"));
		b.ecs("destination.ip", s.get("dest_ip"));
		b.ecsNumber("destination.port", s.get("dest_port"));
		if (s.get("proto") instanceof String proto) {
			b.ecs("network.transport", proto.toLowerCase(Locale.ROOT));
		}
		b.ecs("network.protocol", s.getOrDefault("app_proto",
				("dns".equals(type) || "http".equals(type) || "tls".equals(type) || "ssh".equals(type)) ? type : null));
		b.ecs("network.community_id", s.get("community_id"));
		b.ecs("observer.hostname", s.get("host"));
		b.ecs("observer.ingress.interface.name", s.get("in_iface"));
		b.ecs("observer.product", "Suricata");
		b.ecs("observer.type", "ids");
		if (alert) {
			b.ecs("rule.id", FlatMaps.text(s.get("alert.signature_id")));
			b.ecs("rule.name", s.get("alert.signature"));
			b.ecs("rule.category", s.get("alert.category"));
			b.ecsNumber("event.severity", s.get("alert.severity"));
			b.ecs("event.type", List.of("allowed".equals(s.get("alert.action")) ? "allowed" : "denied"));
		}
		b.ecs("dns.question.name", s.get("dns.rrname"));
		b.ecs("dns.question.type", s.get("dns.rrtype"));
		b.ecs("dns.id", FlatMaps.text(s.get("dns.id")));
		b.ecs("dns.type", s.get("dns.type"));
		b.ecs("dns.response_code", s.get("dns.rcode"));
		b.ecs("url.domain", s.get("http.hostname"));
		b.ecs("url.original", s.get("http.url"));
		b.ecs("http.request.method", s.get("http.http_method"));
		b.ecsNumber("http.response.status_code", s.get("http.status"));
		b.ecs("user_agent.original", s.get("http.http_user_agent"));
		b.ecs("tls.version", s.get("tls.version"));
		b.ecs("tls.client.server_name", s.get("tls.sni"));
		b.ecs("tls.server.x509.subject.distinguished_name", s.get("tls.subject"));
		b.ecs("file.name", s.get("fileinfo.filename"));
		b.ecsNumber("file.size", s.get("fileinfo.size"));
		b.ecs("file.hash.md5", s.get("fileinfo.md5"));
		b.ecs("file.hash.sha256", s.get("fileinfo.sha256"));
		b.ecsNumber("source.bytes", s.get("flow.bytes_toserver"));
		b.ecsNumber("destination.bytes", s.get("flow.bytes_toclient"));
		b.ecsNumber("source.packets", s.get("flow.pkts_toserver"));
		b.ecsNumber("destination.packets", s.get("flow.pkts_toclient"));
		if ("dns".equals(type)) {
			// Sigma's dns category names
			b.sigmaIfAbsent("query", s.get("dns.rrname"));
			b.sigmaIfAbsent("record_type", s.get("dns.rrtype"));
		}
	}

	/** Wazuh alerts.json: its own names flattened; Windows data under Sigma's names. */
	@SuppressWarnings("unchecked")
	static void wazuh(Map<String, Object> root, EventBuilder b) {
		b.shape = EventShape.WAZUH_ALERT;
		FlatMaps.flatten("", root, b.sigma);
		Map<String, Object> s = b.sigma;
		b.logSource = WAZUH;
		Object time = root.containsKey("timestamp") ? root.get("timestamp") : root.get("@timestamp");
		b.time(time, ZoneOffset.UTC);
		b.ecs("event.kind", "alert");
		b.ecs("event.module", "wazuh");
		b.ecs("event.dataset", "wazuh.alerts");
		b.ecs("event.id", FlatMaps.text(s.get("id")));
		b.ecsNumber("event.severity", s.get("rule.level"));
		b.ecs("rule.id", FlatMaps.text(s.get("rule.id")));
		b.ecs("rule.name", s.get("rule.description"));
		b.ecs("rule.description", s.get("rule.description"));
		b.ecs("rule.ruleset", "wazuh");
		b.ecs("rule.category", s.get("rule.groups"));
		b.ecs("threat.technique.id", s.get("rule.mitre.id"));
		b.ecs("host.name", s.get("agent.name"));
		b.ecs("host.ip", s.get("agent.ip"));
		b.ecs("agent.id", FlatMaps.text(s.get("agent.id")));
		b.ecs("observer.name", s.get("manager.name"));
		b.ecs("observer.product", "Wazuh");
		b.ecs("source.ip", s.get("data.srcip"));
		b.ecsNumber("source.port", s.get("data.srcport"));
		b.ecs("destination.ip", s.get("data.dstip"));
		b.ecsNumber("destination.port", s.get("data.dstport"));
		b.ecs("user.name", (s.get("data.dstuser") != null) ? s.get("data.dstuser") : s.get("data.srcuser"));
		b.ecs("source.user.name", s.get("data.srcuser"));
		b.ecs("url.original", s.get("data.url"));
		b.ecs("event.action", s.get("data.action"));
		b.ecs("process.executable", s.get("data.audit.exe"));
		b.ecs("process.command_line", s.get("data.audit.command"));
		b.ecsNumber("process.pid", s.get("data.audit.pid"));
		b.ecs("file.path", s.get("syscheck.path"));
		b.ecs("log.file.path", s.get("location"));
		b.message = FlatMaps.text(s.get("full_log"));
		b.ecs("message", b.message);
		b.ecs.put("wazuh", root);
		Map<String, Object> win = FlatMaps.map(FlatMaps.map(root, "data"), "win");
		if (win != null) {
			wazuhWindows(win, b);
		}
		b.host(s.get("agent.name"));
		b.address(s.get("agent.ip"));
		b.address(s.get("data.srcip"));
		b.address(s.get("data.dstip"));
	}

	/**
	 * Wazuh writes Windows names with a lower-case first letter: commandLine,
	 * parentImage.
	 */
	private static void wazuhWindows(Map<String, Object> win, EventBuilder b) {
		Map<String, Object> system = FlatMaps.map(win, "system");
		if (system != null) {
			b.sigma("EventID", FlatMaps.toLong(system.get("eventID")));
			b.sigma("Channel", system.get("channel"));
			b.sigma("Provider_Name", system.get("providerName"));
			b.sigma("Computer", system.get("computer"));
			b.host(system.get("computer"));
		}
		Map<String, Object> data = FlatMaps.map(win, "eventdata");
		if (data != null) {
			for (Map.Entry<String, Object> entry : data.entrySet()) {
				String key = entry.getKey();
				if (!key.isEmpty() && !(entry.getValue() instanceof Map<?, ?>)) {
					b.sigmaIfAbsent(Character.toUpperCase(key.charAt(0)) + key.substring(1), entry.getValue());
				}
			}
		}
		b.logSource = WindowsEvents.WINDOWS;
	}

	/**
	 * Azure Sentinel Syslog rows: auditd (AUOMS), Sysmon for Linux XML, or plain syslog.
	 */
	static void sentinelSyslog(Map<String, Object> root, EventBuilder b) {
		Object text = root.get("SyslogMessage");
		String message = (text instanceof String t) ? t : "";
		boolean done = false;
		if (message.startsWith("<Event")) {
			done = WindowsEvents.xml(message, b, true);
		}
		else if (message.startsWith("type=") || "auoms".equals(root.get("ProcessName"))) {
			AuditdText.fields(message, 0, b);
			b.shape = EventShape.AUDITD;
			b.logSource = AuditdText.AUDITD;
			done = true;
		}
		if (!done) {
			b.shape = EventShape.SENTINEL_SYSLOG;
			b.logSource = SyslogText.logSourceFor(FlatMaps.text(root.get("ProcessName")), -1);
			b.message = message;
			b.keywordsInMessageOnly = true;
			b.sigma("message", message);
			b.ecs("message", message);
		}
		for (Map.Entry<String, Object> entry : root.entrySet()) {
			if (!(entry.getValue() instanceof Map<?, ?>) && !"EventData".equals(entry.getKey())) {
				b.sigmaIfAbsent(entry.getKey(), entry.getValue());
			}
		}
		if (b.time == null) {
			b.notes.remove(EventNote.TIMESTAMP_MISSING);
			b.notes.remove(EventNote.TIMESTAMP_UNPARSEABLE);
			b.time(WindowsEvents.first(root, "EventTime", "TimeGenerated"), ZoneOffset.UTC);
		}
		b.ecs("host.hostname", root.get("HostName"));
		b.ecs("host.name", root.get("Computer"));
		b.ecs("host.ip", root.get("HostIP"));
		b.ecs("log.syslog.facility.name", root.get("Facility"));
		b.ecs("log.syslog.severity.name", root.get("SeverityLevel"));
		b.ecs("process.name", root.get("ProcessName"));
		b.host(root.get("Computer"));
		b.host(root.get("HostName"));
		b.address(root.get("HostIP"));
	}

	/** Any ECS document: passed through, its dotted names are the Sigma view. */
	@SuppressWarnings("unchecked")
	static void ecs(Map<String, Object> root, EventBuilder b) {
		b.shape = EventShape.ECS;
		b.ecsRoot = root;
		FlatMaps.flatten("", root, b.sigma);
		Map<String, Object> s = b.sigma;
		b.time(root.get("@timestamp"), ZoneOffset.UTC);
		if (FlatMaps.path(root, "suricata", "eve") instanceof Map<?, ?> eve) {
			// the EVE names as well, so that a rule written for raw EVE fires on the ECS
			// copy
			Map<String, Object> native_ = new java.util.LinkedHashMap<>();
			FlatMaps.flatten("", (Map<String, Object>) eve, native_);
			for (Map.Entry<String, Object> entry : native_.entrySet()) {
				b.sigmaIfAbsent(entry.getKey(), entry.getValue());
			}
			b.sigmaIfAbsent("src_ip", s.get("source.ip"));
			b.sigmaIfAbsent("src_port", s.get("source.port"));
			b.sigmaIfAbsent("dest_ip", s.get("destination.ip"));
			b.sigmaIfAbsent("dest_port", s.get("destination.port"));
			if (s.get("network.transport") instanceof String transport) {
				b.sigmaIfAbsent("proto", transport.toUpperCase(Locale.ROOT));
			}
			b.sigmaIfAbsent("timestamp", root.get("@timestamp"));
			b.logSource = SURICATA;
		}
		else {
			b.logSource = new LogSource(ecsProduct(s), null, null);
		}
		b.host(s.get("host.name"));
		b.host(s.get("host.hostname"));
		b.address(s.get("host.ip"));
		b.address(s.get("source.ip"));
		b.address(s.get("destination.ip"));
		b.message = FlatMaps.text(s.get("message"));
	}

	/**
	 * The module or the first part of the dataset ({@code windows.sysmon_operational}).
	 */
	private static @Nullable String ecsProduct(Map<String, Object> s) {
		Object module = s.get("event.module");
		if (module instanceof String text && !text.isEmpty()) {
			return text.toLowerCase(Locale.ROOT);
		}
		Object dataset = s.containsKey("data_stream.dataset") ? s.get("data_stream.dataset") : s.get("event.dataset");
		if (dataset instanceof String text && !text.isEmpty()) {
			int dot = text.indexOf('.');
			return ((dot > 0) ? text.substring(0, dot) : text).toLowerCase(Locale.ROOT);
		}
		return null;
	}

	/**
	 * No known shape: kept, flattened, with a time and hosts where common names give
	 * them.
	 */
	static void generic(Map<String, Object> root, EventBuilder b) {
		b.shape = EventShape.GENERIC_JSON;
		b.notes.add(EventNote.UNKNOWN_SHAPE);
		FlatMaps.flatten("", root, b.sigma);
		Map<String, Object> s = b.sigma;
		b.time(WindowsEvents.first(s, "@timestamp", "timestamp", "time", "ts", "date", "eventTime"), ZoneOffset.UTC);
		b.ecs("event.kind", "event");
		for (String key : new String[] { "host", "hostname", "host.name", "Hostname", "computer", "Computer" }) {
			b.host(s.get(key));
		}
		for (String key : new String[] { "ip", "src_ip", "dest_ip", "src", "dst", "source.ip", "destination.ip",
				"id.orig_h", "id.resp_h" }) {
			b.address(s.get(key));
		}
		b.message = FlatMaps.text(s.get("message"));
	}

}
