package vn.khien.inventory.importing;

import org.jspecify.annotations.Nullable;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import vn.khien.platform.importing.ImportProblem;
import vn.khien.platform.importing.SafeXml;

/**
 * Streaming reader of Nmap XML output ({@code nmap -oX}). Emits one {@link AssetRecord}
 * per {@code <host>} that is up; the record's line is the 1-based ordinal of the
 * {@code <host>} element (down hosts count).
 *
 * <p>
 * The document is opened with {@link SafeXml}: no DTD or entity is ever read, and what
 * tools put before the XML declaration (a byte-order mark, blank lines, a licence
 * comment) is skipped.
 *
 * <p>
 * Nmap cannot tell a server from a workstation, so every host is
 * {@link AssetKind#SERVER}; the user corrects the kind after import.
 */
public final class NmapXmlParser {

	/**
	 * @return number of records given to {@code consumer}
	 * @throws ImportProblem {@code import.file.empty}, {@code import.xml.malformed}
	 * (line), {@code import.xml.dtdForbidden}, {@code import.nmap.notNmap}, or a host
	 * problem located at {@code element:host[n]}
	 */
	public int parse(InputStream in, Consumer<AssetRecord> consumer) {
		try (SafeXml xml = SafeXml.open(in)) {
			return read(xml, consumer);
		}
	}

	private int read(SafeXml xml, Consumer<AssetRecord> consumer) {
		XMLStreamReader reader = xml.reader();
		boolean rootSeen = false;
		int hostOrdinal = 0;
		int emitted = 0;
		@Nullable HostBuilder host = null;
		@Nullable PortBuilder port = null;
		boolean inHostnames = false;
		boolean inOs = false;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = reader.getLocalName();
				if (!rootSeen) {
					rootSeen = true;
					if (!"nmaprun".equals(name)) {
						throw ImportProblem.atLine(xml.line(), "import.nmap.notNmap", name);
					}
					continue;
				}
				if (host == null) {
					if ("host".equals(name)) {
						hostOrdinal++;
						host = new HostBuilder(hostOrdinal);
					}
					continue;
				}
				switch (name) {
					case "status" -> host.up = "up".equals(reader.getAttributeValue(null, "state"));
					case "address" -> host.address(reader.getAttributeValue(null, "addr"),
							reader.getAttributeValue(null, "addrtype"));
					case "hostnames" -> inHostnames = true;
					case "hostname" -> {
						if (inHostnames) {
							host.hostname(reader.getAttributeValue(null, "name"),
									reader.getAttributeValue(null, "type"));
						}
					}
					case "port" -> port = new PortBuilder(reader.getAttributeValue(null, "protocol"),
							reader.getAttributeValue(null, "portid"));
					case "state" -> {
						if (port != null) {
							port.open = "open".equals(reader.getAttributeValue(null, "state"));
						}
					}
					case "service" -> {
						if (port != null) {
							port.service = reader.getAttributeValue(null, "name");
							port.product = reader.getAttributeValue(null, "product");
							port.version = reader.getAttributeValue(null, "version");
						}
					}
					case "os" -> inOs = true;
					case "osmatch" -> {
						if (inOs) {
							host.osMatch(reader.getAttributeValue(null, "name"),
									reader.getAttributeValue(null, "accuracy"));
						}
					}
					default -> {
						// scripts, traces, times, uptime... are not inventory data
					}
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT && host != null) {
				switch (reader.getLocalName()) {
					case "host" -> {
						if (host.up) {
							consumer.accept(host.build());
							emitted++;
						}
						host = null;
					}
					case "port" -> {
						if (port != null && port.open) {
							host.ports.add(port.build(host.ordinal));
						}
						port = null;
					}
					case "hostnames" -> inHostnames = false;
					case "os" -> inOs = false;
					default -> {
					}
				}
			}
		}
		if (!rootSeen) {
			throw ImportProblem.ofFile("import.file.empty");
		}
		return emitted;
	}

	private static final class HostBuilder {

		private final int ordinal;

		private boolean up;

		private @Nullable String userName;

		private @Nullable String ptrName;

		private final List<String> addresses = new ArrayList<>(1);

		private @Nullable String mac;

		private @Nullable String os;

		private int osAccuracy = -1;

		private final List<OpenPort> ports = new ArrayList<>();

		HostBuilder(int ordinal) {
			this.ordinal = ordinal;
		}

		private String element() {
			return "host[" + ordinal + "]";
		}

		void address(@Nullable String addr, @Nullable String type) {
			if ("mac".equals(type)) {
				try {
					mac = AssetIdentity.normaliseMac(addr);
				}
				catch (IllegalArgumentException ex) {
					throw ImportProblem.atElement(element(), "import.row.invalidMac", addr);
				}
			}
			else if ("ipv4".equals(type) || "ipv6".equals(type)) {
				try {
					String address = AssetIdentity.normaliseAddress(addr);
					if (!addresses.contains(address)) {
						addresses.add(address);
					}
				}
				catch (IllegalArgumentException ex) {
					throw ImportProblem.atElement(element(), "import.row.invalidAddress", String.valueOf(addr));
				}
			}
		}

		void hostname(@Nullable String name, @Nullable String type) {
			if (name == null || name.isBlank()) {
				return;
			}
			// Prefer the name the operator typed (type="user") over reverse DNS, which is
			// often a provider name.
			if ("user".equals(type) && userName == null) {
				userName = name;
			}
			else if ("PTR".equals(type) && ptrName == null) {
				ptrName = name;
			}
		}

		void osMatch(@Nullable String name, @Nullable String accuracyText) {
			int accuracy;
			try {
				accuracy = accuracyText == null ? 0 : Integer.parseInt(accuracyText);
			}
			catch (NumberFormatException ex) {
				accuracy = 0;
			}
			if (name != null && accuracy > osAccuracy) {
				os = name;
				osAccuracy = accuracy;
			}
		}

		AssetRecord build() {
			String chosen = userName != null ? userName : ptrName;
			String hostname;
			try {
				hostname = AssetIdentity.normaliseHostname(chosen);
			}
			catch (IllegalArgumentException ex) {
				throw ImportProblem.atElement(element(), "import.row.invalidHostname", chosen);
			}
			if (hostname == null && addresses.isEmpty()) {
				throw ImportProblem.atElement(element(), "import.row.missingIdentity");
			}
			return new AssetRecord(ordinal, AssetKind.SERVER, hostname, addresses, mac, os, null, null, ports);
		}

	}

	private static final class PortBuilder {

		private final @Nullable String protocol;

		private final @Nullable String portId;

		private boolean open;

		private @Nullable String service;

		private @Nullable String product;

		private @Nullable String version;

		PortBuilder(@Nullable String protocol, @Nullable String portId) {
			this.protocol = protocol;
			this.portId = portId;
		}

		OpenPort build(int hostOrdinal) {
			int number;
			try {
				number = portId == null ? -1 : Integer.parseInt(portId);
			}
			catch (NumberFormatException ex) {
				number = -1;
			}
			if (number < 0 || number > 65535) {
				throw ImportProblem.atElement("host[" + hostOrdinal + "]", "import.nmap.invalidPort",
						String.valueOf(portId));
			}
			return new OpenPort(number, protocol == null ? "tcp" : protocol.toLowerCase(Locale.ROOT), service, product,
					version);
		}

	}

}
