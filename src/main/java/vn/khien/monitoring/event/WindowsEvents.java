package vn.khien.monitoring.event;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Every Windows shape ends in the same Sigma view: {@code EventID} (Long),
 * {@code Channel}, {@code Provider_Name}, {@code Computer}, the System values
 * ({@code Level}, {@code Task}, {@code Keywords}, {@code EventRecordID}…) and the event
 * data under its own names; ECS fields follow from those names, and Winlogbeat's ECS
 * names map back to them.
 */
final class WindowsEvents {

	static final LogSource WINDOWS = new LogSource("windows", null, null);

	/** Sigma (event data) name, the ECS name its value also goes under. */
	private static final String[][] ECS_NAMES = { { "Image", "process.executable" },
			{ "CommandLine", "process.command_line" }, { "ProcessId", "process.pid" },
			{ "ProcessGuid", "process.entity_id" }, { "ParentImage", "process.parent.executable" },
			{ "ParentCommandLine", "process.parent.command_line" }, { "ParentProcessId", "process.parent.pid" },
			{ "ParentProcessGuid", "process.parent.entity_id" }, { "CurrentDirectory", "process.working_directory" },
			{ "OriginalFileName", "process.pe.original_file_name" }, { "TargetFilename", "file.path" },
			{ "ImageLoaded", "file.path" }, { "TargetObject", "registry.path" }, { "Details", "registry.data.strings" },
			{ "QueryName", "dns.question.name" }, { "SourceIp", "source.ip" }, { "SourcePort", "source.port" },
			{ "SourceHostname", "source.domain" }, { "DestinationIp", "destination.ip" },
			{ "DestinationPort", "destination.port" }, { "DestinationHostname", "destination.domain" },
			{ "Protocol", "network.transport" }, { "EventType", "event.action" },
			// Security channel and the Windows Filtering Platform
			{ "NewProcessName", "process.executable" }, { "NewProcessId", "process.pid" },
			{ "ParentProcessName", "process.parent.executable" }, { "Application", "process.executable" },
			{ "SourceAddress", "source.ip" }, { "DestAddress", "destination.ip" }, { "DestPort", "destination.port" },
			{ "IpAddress", "source.ip" }, { "IpPort", "source.port" }, { "WorkstationName", "source.domain" },
			{ "SubjectUserName", "user.name" }, { "SubjectDomainName", "user.domain" }, { "SubjectUserSid", "user.id" },
			{ "TargetUserName", "user.target.name" }, { "TargetDomainName", "user.target.domain" },
			{ "ServiceName", "service.name" }, { "TaskName", "winlog.event_data.TaskName" } };

	/** Sigma name, the ECS name Winlogbeat's Sysmon processors put it under. */
	private static final String[][] REVERSE = { { "Image", "process.executable" },
			{ "CommandLine", "process.command_line" }, { "ProcessId", "process.pid" },
			{ "ProcessGuid", "process.entity_id" }, { "ParentImage", "process.parent.executable" },
			{ "ParentCommandLine", "process.parent.command_line" }, { "ParentProcessId", "process.parent.pid" },
			{ "ParentProcessGuid", "process.parent.entity_id" }, { "CurrentDirectory", "process.working_directory" },
			{ "OriginalFileName", "process.pe.original_file_name" }, { "TargetObject", "registry.path" },
			{ "Details", "registry.data.strings" }, { "QueryName", "dns.question.name" }, { "SourceIp", "source.ip" },
			{ "SourcePort", "source.port" }, { "SourceHostname", "source.domain" },
			{ "DestinationIp", "destination.ip" }, { "DestinationPort", "destination.port" },
			{ "DestinationHostname", "destination.domain" }, { "Protocol", "network.transport" } };

	private static final String[] NUMERIC_ECS = { "process.pid", "process.parent.pid", "source.port",
			"destination.port" };

	private WindowsEvents() {
	}

	/**
	 * evtx_dump JSON: an Event object holding System, EventData or UserData, and
	 * #attributes.
	 */
	static void evtx(Map<String, Object> event, EventBuilder b) {
		b.shape = EventShape.WINDOWS_EVTX_JSON;
		Map<String, Object> system = FlatMaps.map(event, "System");
		if (system != null) {
			for (Map.Entry<String, Object> entry : system.entrySet()) {
				Object value = entry.getValue();
				if (!(value instanceof Map<?, ?>)) {
					b.sigma(entry.getKey(), value);
				}
			}
			Object id = system.get("EventID");
			if (id instanceof Map<?, ?>) {
				b.sigma("EventID", FlatMaps.path(system, "EventID", "#text"));
			}
			b.sigma("Provider_Name", FlatMaps.path(system, "Provider", "#attributes", "Name"));
			b.ecs("winlog.provider_guid", FlatMaps.path(system, "Provider", "#attributes", "Guid"));
			b.ecs("winlog.process.pid", FlatMaps.path(system, "Execution", "#attributes", "ProcessID"));
			b.ecs("winlog.user.identifier", FlatMaps.path(system, "Security", "#attributes", "UserID"));
			Object time = FlatMaps.path(system, "TimeCreated", "#attributes", "SystemTime");
			b.time(time, ZoneOffset.UTC);
		}
		else {
			b.time(null, false);
		}
		Map<String, Object> data = FlatMaps.map(event, "EventData");
		if (data != null) {
			eventData(data, b);
		}
		Map<String, Object> userData = FlatMaps.map(event, "UserData");
		if (userData != null) {
			for (Map.Entry<String, Object> entry : userData.entrySet()) {
				if (entry.getValue() instanceof Map<?, ?> && !entry.getKey().startsWith("#")) {
					eventData(FlatMaps.map(userData, entry.getKey()), b);
				}
			}
		}
		finish(b);
	}

	/**
	 * An event data name as Sigma's rules write it: without spaces (Threat Name is
	 * ThreatName).
	 */
	static String sigmaName(String name) {
		return name.indexOf(' ') < 0 ? name : name.replace(" ", "");
	}

	/**
	 * Event data as evtx_dump writes it: named fields, or {@code Data} items with a Name.
	 */
	@SuppressWarnings("unchecked")
	private static void eventData(@Nullable Map<String, Object> data, EventBuilder b) {
		if (data == null) {
			return;
		}
		for (Map.Entry<String, Object> entry : data.entrySet()) {
			String key = entry.getKey();
			Object value = entry.getValue();
			if (key.startsWith("#")) {
				continue;
			}
			if ("Data".equals(key) && (value instanceof List<?> || value instanceof Map<?, ?>)) {
				List<?> items = (value instanceof List<?> list) ? list : List.of(value);
				for (Object item : items) {
					if (item instanceof Map<?, ?> map) {
						Object name = FlatMaps.path((Map<String, Object>) map, "#attributes", "Name");
						Object text = ((Map<String, Object>) map).get("#text");
						if (name instanceof String field) {
							b.sigma(sigmaName(field), (text != null) ? text : "");
						}
						else if (text != null) {
							FlatMaps.add(b.sigma, "Data", text);
						}
					}
					else if (item != null) {
						FlatMaps.add(b.sigma, "Data", item);
					}
				}
			}
			else if (value instanceof Map<?, ?> map) {
				FlatMaps.flatten(key, (Map<String, Object>) map, b.sigma);
			}
			else {
				b.sigma(sigmaName(key), value);
			}
		}
	}

	/** Sigma names at the top level (NXLog, OTRF, Sentinel SecurityEvent). */
	@SuppressWarnings("unchecked")
	static void flat(Map<String, Object> root, EventBuilder b) {
		b.shape = EventShape.WINDOWS_FLAT;
		for (Map.Entry<String, Object> entry : root.entrySet()) {
			if (entry.getValue() instanceof Map<?, ?> map) {
				FlatMaps.flatten(entry.getKey(), (Map<String, Object>) map, b.sigma);
			}
			else {
				b.sigma.put(entry.getKey(), entry.getValue());
			}
		}
		aliases(b);
		b.time(first(root, "@timestamp", "TimeCreated", "UtcTime", "TimeGenerated", "EventTime"), ZoneOffset.UTC);
		finish(b);
	}

	/** Azure Sentinel Event / WindowsEvent rows: EventData is a JSON or XML string. */
	@SuppressWarnings("unchecked")
	static void sentinel(Map<String, Object> root, EventBuilder b, JsonValues json) {
		b.shape = EventShape.WINDOWS_SENTINEL;
		for (Map.Entry<String, Object> entry : root.entrySet()) {
			Object value = entry.getValue();
			if (!"EventData".equals(entry.getKey()) && !(value instanceof Map<?, ?>)) {
				b.sigma.put(entry.getKey(), value);
			}
		}
		Object data = root.get("EventData");
		if (data instanceof Map<?, ?> map) {
			eventData((Map<String, Object>) map, b);
		}
		else if (data instanceof String text && !text.isEmpty()) {
			embedded(text, b, json);
		}
		aliases(b);
		b.time(first(root, "TimeGenerated", "TimeCreated", "@timestamp"), ZoneOffset.UTC);
		finish(b);
	}

	private static void embedded(String text, EventBuilder b, JsonValues json) {
		char first = text.charAt(0);
		if (first == '{') {
			try {
				eventData(json.readObject(text), b);
				return;
			}
			catch (RuntimeException ex) {
				// kept as text below
			}
		}
		else if (first == '<') {
			WindowsXml.Parsed parsed = WindowsXml.parse(text);
			if (parsed != null) {
				for (Map.Entry<String, Object> entry : parsed.data().entrySet()) {
					b.sigma(entry.getKey(), entry.getValue());
				}
				if (!parsed.complete()) {
					b.notes.add(EventNote.EMBEDDED_DATA_INVALID);
				}
				return;
			}
		}
		b.notes.add(EventNote.EMBEDDED_DATA_INVALID);
		b.sigma("EventData", text);
	}

	/** A rendered event as XML text; Sysmon for Linux too when {@code linux} is set. */
	static boolean xml(String text, EventBuilder b, boolean linux) {
		WindowsXml.Parsed parsed = WindowsXml.parse(text);
		if (parsed == null) {
			return false;
		}
		b.shape = linux ? EventShape.LINUX_SYSMON : EventShape.WINDOWS_XML;
		xmlFields(parsed, b);
		b.time(parsed.systemTime(), ZoneOffset.UTC);
		finish(b);
		if (linux) {
			b.logSource = new LogSource("linux", linuxSysmonCategory(b.sigma.get("EventID")), "sysmon");
		}
		return true;
	}

	private static void xmlFields(WindowsXml.Parsed parsed, EventBuilder b) {
		if (!parsed.complete()) {
			b.notes.add(EventNote.EMBEDDED_DATA_INVALID);
		}
		for (Map.Entry<String, Object> entry : parsed.system().entrySet()) {
			b.sigmaIfAbsent(entry.getKey(), entry.getValue());
		}
		for (Map.Entry<String, Object> entry : parsed.data().entrySet()) {
			b.sigmaIfAbsent(entry.getKey(), entry.getValue());
		}
		b.ecs("winlog.user.identifier", parsed.userId());
	}

	/**
	 * Winlogbeat / Elastic Agent: {@code winlog.*} gives the System values and what is
	 * left of the event data; the raw XML in {@code event.original}, when kept, gives the
	 * rest; ECS names map back for what is still missing.
	 */
	@SuppressWarnings("unchecked")
	static void winlogbeat(Map<String, Object> root, Map<String, Object> winlog, EventBuilder b) {
		b.shape = EventShape.WINDOWS_ECS;
		b.ecsRoot = root;
		FlatMaps.flatten("", root, b.ecs);
		// the raw XML first: it has every field under its own name, as the other shapes
		// do
		Object original = FlatMaps.path(root, "event", "original");
		if (original instanceof String xml && xml.startsWith("<Event")) {
			WindowsXml.Parsed parsed = WindowsXml.parse(xml);
			if (parsed != null) {
				xmlFields(parsed, b);
			}
		}
		for (String part : new String[] { "event_data", "user_data" }) {
			Map<String, Object> data = FlatMaps.map(winlog, part);
			if (data != null) {
				eventData(data, b);
			}
		}
		b.sigmaIfAbsent("EventID", winlog.get("event_id"));
		b.sigmaIfAbsent("Channel", winlog.get("channel"));
		b.sigmaIfAbsent("Provider_Name", winlog.get("provider_name"));
		b.sigmaIfAbsent("Computer", winlog.get("computer_name"));
		b.sigmaIfAbsent("EventRecordID", winlog.get("record_id"));
		b.sigmaIfAbsent("Task", winlog.get("task"));
		b.sigmaIfAbsent("Opcode", winlog.get("opcode"));
		b.sigmaIfAbsent("Keywords", winlog.get("keywords"));
		reverse(b);
		b.sigmaIfAbsent("Computer", FlatMaps.path(root, "host", "name"));
		b.sigmaIfAbsent("Provider_Name", FlatMaps.path(root, "event", "provider"));
		b.sigmaIfAbsent("EventID", FlatMaps.path(root, "event", "code"));
		b.time(root.get("@timestamp"), ZoneOffset.UTC);
		finish(b);
	}

	/**
	 * ECS names back to Sigma's for the fields Winlogbeat's processors moved into ECS.
	 */
	private static void reverse(EventBuilder b) {
		boolean imageLoad = Long.valueOf(7).equals(FlatMaps.toLong(b.sigma.get("EventID")));
		for (String[] pair : REVERSE) {
			Object value = b.ecs.get(pair[1]);
			if (value instanceof Long number) {
				value = number.toString();
			}
			b.sigmaIfAbsent(pair[0], value);
		}
		b.sigmaIfAbsent(imageLoad ? "ImageLoaded" : "TargetFilename", b.ecs.get("file.path"));
		if (!b.sigma.containsKey("User") && b.ecs.get("user.name") instanceof String name) {
			Object domain = b.ecs.get("user.domain");
			b.sigma("User", (domain instanceof String d) ? d + "\\" + name : name);
		}
	}

	private static void aliases(EventBuilder b) {
		Map<String, Object> s = b.sigma;
		if (!s.containsKey("Provider_Name")) {
			b.sigma("Provider_Name",
					firstText(s, "SourceName", "ProviderName", "EventSourceName", "Provider", "Source"));
		}
		if (!s.containsKey("Computer")) {
			b.sigma("Computer", firstText(s, "Hostname", "ComputerName", "HostName"));
		}
		if (!s.containsKey("Channel")) {
			b.sigma("Channel", firstText(s, "EventChannel", "EventLog", "LogName"));
		}
	}

	/** ECS fields, attribution and the log source, from the Sigma view. */
	static void finish(EventBuilder b) {
		Map<String, Object> s = b.sigma;
		Long id = FlatMaps.toLong(s.get("EventID"));
		if (id != null) {
			s.put("EventID", id);
		}
		if (b.logSource == LogSource.UNKNOWN) {
			b.logSource = WINDOWS;
		}
		Object provider = s.get("Provider_Name");
		Object computer = s.get("Computer");
		b.ecs("event.kind", "event");
		b.ecs("event.code", (id != null) ? id.toString() : null);
		b.ecs("event.provider", provider);
		b.ecs("winlog.channel", s.get("Channel"));
		b.ecs("winlog.provider_name", provider);
		b.ecs("winlog.event_id", (id != null) ? id.toString() : null);
		b.ecs("winlog.computer_name", computer);
		b.ecs("winlog.record_id", FlatMaps.text(s.get("EventRecordID")));
		b.ecs("host.name", computer);
		for (String[] pair : ECS_NAMES) {
			Object value = s.get(pair[0]);
			if (value == null) {
				continue;
			}
			if (isNumeric(pair[1])) {
				b.ecsNumber(pair[1], value);
			}
			else {
				b.ecs(pair[1], value);
			}
		}
		if (s.get("User") instanceof String user) {
			int slash = user.indexOf('\\');
			b.ecs("user.name", (slash >= 0) ? user.substring(slash + 1) : user);
			if (slash > 0) {
				b.ecs("user.domain", user.substring(0, slash));
			}
		}
		if (b.ecs.get("process.executable") instanceof String image) {
			int slash = Math.max(image.lastIndexOf('\\'), image.lastIndexOf('/'));
			b.ecs("process.name", image.substring(slash + 1));
		}
		if (id != null) {
			categorise(b, id, (provider instanceof String p) ? p : "");
		}
		b.host(computer);
		b.address(s.get("SourceIp"));
		b.address(s.get("DestinationIp"));
		b.address(s.get("IpAddress"));
		b.address(s.get("SourceAddress"));
		b.address(s.get("DestAddress"));
	}

	private static boolean isNumeric(String ecsName) {
		for (String numeric : NUMERIC_ECS) {
			if (numeric.equals(ecsName)) {
				return true;
			}
		}
		return false;
	}

	/** ECS event.category / event.type for the common Sysmon and Security events. */
	private static void categorise(EventBuilder b, long id, String provider) {
		String category = null;
		String type = null;
		if (provider.endsWith("Sysmon")) {
			switch ((int) id) {
				case 1 -> {
					category = "process";
					type = "start";
				}
				case 3 -> {
					category = "network";
					type = "connection";
				}
				case 5 -> {
					category = "process";
					type = "end";
				}
				case 7, 8, 10, 25 -> {
					category = "process";
					type = (id == 10) ? "access" : "change";
				}
				case 11, 15 -> {
					category = "file";
					type = "creation";
				}
				case 12, 13, 14 -> {
					category = "registry";
					type = "change";
				}
				case 22 -> {
					category = "network";
					type = "protocol";
				}
				case 23, 26 -> {
					category = "file";
					type = "deletion";
				}
				default -> {
				}
			}
		}
		else if (provider.equals("Microsoft-Windows-Security-Auditing")) {
			switch ((int) id) {
				case 4624, 4625, 4648 -> {
					category = "authentication";
					type = "start";
					b.ecs("event.outcome", (id == 4625) ? "failure" : "success");
				}
				case 4634, 4647 -> {
					category = "authentication";
					type = "end";
				}
				case 4688 -> {
					category = "process";
					type = "start";
				}
				case 4689 -> {
					category = "process";
					type = "end";
				}
				case 4698, 4699, 4700, 4701, 4702 -> {
					category = "configuration";
					type = "change";
				}
				case 5156, 5158 -> {
					category = "network";
					type = "connection";
				}
				default -> {
				}
			}
		}
		if (category != null) {
			b.ecs("event.category", List.of(category));
			b.ecs("event.type", List.of(type));
		}
	}

	/** Sigma's Linux categories for Sysmon for Linux event ids. */
	private static @Nullable String linuxSysmonCategory(@Nullable Object id) {
		Long number = FlatMaps.toLong(id);
		if (number == null) {
			return null;
		}
		return switch (number.intValue()) {
			case 1 -> "process_creation";
			case 3 -> "network_connection";
			case 5 -> "process_termination";
			case 11 -> "file_event";
			case 23 -> "file_delete";
			default -> null;
		};
	}

	static @Nullable Object first(Map<String, Object> map, String... keys) {
		for (String key : keys) {
			Object value = map.get(key);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static @Nullable String firstText(Map<String, Object> map, String... keys) {
		for (String key : keys) {
			if (map.get(key) instanceof String text && !text.isEmpty()) {
				return text;
			}
		}
		return null;
	}

}
