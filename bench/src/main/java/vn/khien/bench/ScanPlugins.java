package vn.khien.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The scanner's checks the generated reports are made of: a pool of a few thousand plugins (Nessus's numbers,
 * OpenVAS's OIDs for the same checks), each with the fixed facts a real plugin has — name, family, the port and
 * service it tests, severity, CVSS 3 score and vector, CVEs, description, solution, references — and a few
 * informational ones that a real scan reports on every host (scan information, OS identification, ...).
 * Everything follows from the plugin's number, so the files can be written again the same way and the pool costs
 * a few megabytes however large the report.
 *
 * <p>
 * Each plugin's CVE set is its own, so that no two plugins of one host share a fingerprint (Khiên keys a finding
 * with CVEs by them): every item of a report is then one finding, and the counts can be checked exactly.
 */
final class ScanPlugins {

	/** Plugins drawn from for each host beyond the common ones. */
	static final int POOL = 3000;

	/** Informational plugins every host has, as in a real Nessus scan. */
	static final int COMMON = 8;

	/** Severity 0 (info) to 4 (critical): the share of the pool at each, as in a typical network scan. */
	private static final double[] MIX = { 0.55, 0.08, 0.22, 0.10, 0.05 };

	static final String[] RISK = { "None", "Low", "Medium", "High", "Critical" };

	static final String[] THREAT = { "Log", "Low", "Medium", "High", "Critical" };

	/** A service a plugin tests: port (0: the host as a whole), Nessus's svc_name, protocol, family, product. */
	record Service(int port, String name, String protocol, String family, String product) {
	}

	private static final Service[] SERVICES = { new Service(0, "general", "tcp", "General", "Microsoft Windows"),
			new Service(0, "general", "tcp", "Ubuntu Local Security Checks", "Ubuntu Linux"),
			new Service(22, "ssh", "tcp", "Misc.", "OpenSSH"), new Service(80, "www", "tcp", "Web Servers", "Apache HTTP Server"),
			new Service(443, "www", "tcp", "Web Servers", "nginx"), new Service(443, "www", "tcp", "Service detection", "TLS"),
			new Service(445, "cifs", "tcp", "Windows", "Microsoft SMB"), new Service(3389, "msrdp", "tcp", "Windows", "Remote Desktop"),
			new Service(3306, "mysql", "tcp", "Databases", "MySQL"), new Service(1433, "mssql", "tcp", "Databases", "Microsoft SQL Server"),
			new Service(5432, "postgresql", "tcp", "Databases", "PostgreSQL"), new Service(25, "smtp", "tcp", "SMTP problems", "Postfix"),
			new Service(53, "dns", "udp", "DNS", "ISC BIND"), new Service(161, "snmp", "udp", "SNMP", "Net-SNMP"),
			new Service(8080, "www", "tcp", "CGI abuses", "Apache Tomcat"), new Service(21, "ftp", "tcp", "FTP", "vsftpd") };

	private static final String[] COMMON_NAMES = { "Nessus Scan Information", "OS Identification", "Device Type",
			"Traceroute Information", "Ethernet Card Manufacturer Detection", "Common Platform Enumeration (CPE)",
			"Nessus SYN scanner", "ICMP Timestamp Request Remote Date Disclosure" };

	/**
	 * One check. {@code cves} may be empty; {@code score} is null for an informational one. The texts are
	 * plain (not yet escaped for XML).
	 */
	record Plugin(int index, int nessusId, String oid, int severity, Service service, String name, String synopsis,
			String description, String solution, List<String> cves, String score, String vector, List<String> seeAlso) {

		boolean common() {
			return index < COMMON;
		}
	}

	private final Plugin[] plugins = new Plugin[COMMON + POOL];

	ScanPlugins() {
		for (int i = 0; i < plugins.length; i++) {
			plugins[i] = i < COMMON ? common(i) : drawn(i);
		}
	}

	/**
	 * The {@code j}-th plugin of host {@code host}: the common ones first, then distinct plugins of the pool, a
	 * different stretch for each host, so that each plugin is on about the same number of hosts.
	 */
	Plugin of(int host, int j) {
		if (j < COMMON) {
			return plugins[j];
		}
		// NB: 7 is prime to POOL, so the first POOL steps from any start are all different
		long start = (host * 2_654_435_761L & 0x7fffffffL) % POOL;
		return plugins[COMMON + (int) ((start + 7L * (j - COMMON)) % POOL)];
	}

	/** The most plugins one host can have without a repeat. */
	static int perHostMax() {
		return COMMON + POOL;
	}

	private static Plugin common(int i) {
		Service general = SERVICES[0];
		String name = COMMON_NAMES[i];
		return new Plugin(i, 10_000 + i * 17, "1.3.6.1.4.1.25623.1.0." + (10_000 + i * 17), 0, general, name,
				"Information about the remote host gathered during the scan.",
				"This plugin reports what the scan learnt about the remote host (" + name.toLowerCase()
						+ "). It is informational: nothing needs fixing, but the facts help to confirm which host was "
						+ "scanned and how, and whether the checks that depend on them could run.",
				"n/a", List.of(), null, null, List.of());
	}

	private static Plugin drawn(int i) {
		SplittableRandom random = new SplittableRandom(0x5EED_0000L + i);
		int severity = severity(random.nextDouble());
		Service service = SERVICES[random.nextInt(SERVICES.length)];
		int nessusId = 20_000 + i * 37;
		String version = (1 + random.nextInt(9)) + "." + random.nextInt(20) + "." + random.nextInt(60);
		String fixed = version.substring(0, version.lastIndexOf('.') + 1) + (60 + random.nextInt(40));
		String name;
		String synopsis;
		if (severity == 0) {
			name = service.product() + " " + (random.nextBoolean() ? "Detection" : "Version Information") + " (" + nessusId + ")";
			synopsis = "It was possible to identify " + service.product() + " on the remote host.";
		}
		else {
			String[] kinds = { "Multiple Vulnerabilities", "Remote Code Execution", "Denial of Service",
					"Information Disclosure", "Privilege Escalation", "Security Bypass" };
			name = service.product() + " < " + fixed + " " + kinds[random.nextInt(kinds.length)] + " (" + nessusId + ")";
			synopsis = "The version of " + service.product() + " installed on the remote host is prior to " + fixed
					+ ". It is therefore affected by one or more vulnerabilities.";
		}
		String description = "According to its self-reported version number, the installed " + service.product()
				+ " " + version + " is affected by issues that a remote, unauthenticated attacker could exploit "
				+ "by sending specially crafted requests to the service on port " + service.port() + "/" + service.protocol()
				+ ", which may lead to the disclosure of information, a crash of the service or, in the worst case, "
				+ "the execution of arbitrary code. Note that Nessus has not tested for these issues but has instead "
				+ "relied only on the application's self-reported version number.";
		String solution = severity == 0 ? "n/a"
				: "Upgrade " + service.product() + " to version " + fixed + " or later, or apply the vendor's "
						+ "security update for the installed branch.";
		List<String> cves = new ArrayList<>();
		if (severity > 0 && random.nextDouble() < 0.7) {
			int year = 2016 + random.nextInt(10);
			int n = 1 + random.nextInt(6);
			for (int c = 0; c < n; c++) {
				// NB: the first CVE number is the plugin's own, so no two plugins have the same set
				cves.add("CVE-" + year + "-" + (c == 0 ? 100_000 + i : 10_000 + random.nextInt(89_999)));
			}
		}
		String score = severity == 0 ? null : score(severity, random);
		String vector = severity == 0 ? null
				: "CVSS:3.1/AV:N/AC:" + (random.nextBoolean() ? "L" : "H") + "/PR:N/UI:N/S:U/C:" + impact(severity, random)
						+ "/I:" + impact(severity, random) + "/A:" + impact(severity, random);
		List<String> seeAlso = severity == 0 ? List.of()
				: List.of("https://www.tenable.com/plugins/nessus/" + nessusId,
						"https://security.example.vn/advisories/" + service.product().toLowerCase().replace(' ', '-') + "-" + fixed);
		return new Plugin(i, nessusId, "1.3.6.1.4.1.25623.1.0." + (100_000 + i * 37), severity, service, name, synopsis,
				description, solution, cves, score, vector, seeAlso);
	}

	private static int severity(double draw) {
		double sum = 0;
		for (int s = 0; s < MIX.length; s++) {
			sum += MIX[s];
			if (draw < sum) {
				return s;
			}
		}
		return MIX.length - 1;
	}

	/** A CVSS 3 base score in the band of the severity (low 0.1–3.9, medium 4.0–6.9, high 7.0–8.9, critical 9.0–10.0). */
	private static String score(int severity, SplittableRandom random) {
		int[] from = { 0, 1, 40, 70, 90 };
		int[] to = { 0, 39, 69, 89, 100 };
		int tenths = from[severity] + random.nextInt(to[severity] - from[severity] + 1);
		return tenths / 10 + "." + tenths % 10;
	}

	private static String impact(int severity, SplittableRandom random) {
		return severity >= 3 || random.nextBoolean() ? "H" : severity == 2 ? "L" : "N";
	}
}
