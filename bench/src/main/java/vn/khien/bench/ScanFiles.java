package vn.khien.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import vn.khien.bench.HostFiles.HostFile;
import vn.khien.bench.ScanPlugins.Plugin;
import vn.khien.platform.importing.Gzip;
import vn.khien.vulnerability.scanning.ScanParser;
import vn.khien.vulnerability.scanning.ScanSink;
import vn.khien.vulnerability.scanning.ScanTarget;
import vn.khien.vulnerability.scanning.ScannedFinding;

/**
 * A network scan of the province, as Nessus ({@code .nessus}, v2) and as OpenVAS / GVM (XML report) write it: H
 * hosts with F findings each, and the inventory they are in — asset CSVs (docs/import-formats.md) spreading the
 * hosts over the agencies in contiguous blocks, as a scanner walks one agency's subnet after another, so that one
 * scan is split between many owners. A smaller scan of other hosts, in one agency, warms the application up
 * without touching the measured hosts.
 *
 * <p>
 * Reports are written as they are generated, never held whole: a host is its number (name and address from
 * {@link HostFiles}), its findings the plugins {@link ScanPlugins#of} gives it. They are gzip-compressed, as
 * scanners' reports are usually sent: a plain Nessus report takes about 1.8 KB a finding (OpenVAS 2.4 KB), and
 * the application's multipart limit is 200 MB, about 110,000 findings uncompressed.
 */
final class ScanFiles {

	/**
	 * A report: the compressed file, its hosts and findings, how many of those have CVEs (what another scanner's
	 * report of the same hosts shares with it), how much XML it holds, and the day of the scan.
	 */
	record Report(Path path, int hosts, long findings, long withCves, long xmlBytes, LocalDate scanDate) {

		long fileBytes() throws IOException {
			return Files.size(path);
		}
	}

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	static final String PREFIX = "scan-";

	static final String WARM_UP_PREFIX = "scan-warm-up-";

	private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

	final int hosts;

	final long findings;

	final LocalDate scanDate;

	/** The inventory: one asset CSV per agency, hosts {@code 0} to {@code hosts - 1} in order. */
	final List<HostFile> assets = new ArrayList<>();

	/** The warm-up scan's hosts, numbered after the measured ones (so their addresses differ too). */
	final HostFile warmUpAssets;

	final Report nessus;

	final Report openVas;

	final Report warmUpNessus;

	final Report warmUpOpenVas;

	private final ScanPlugins plugins = new ScanPlugins();

	/** {@code findings} spread evenly over {@code hosts} (the first hosts take the remainder). */
	ScanFiles(Path dir, long findings, int hosts, List<String> agencies, String warmUpAgency, LocalDate scanDate)
			throws IOException {
		if (findings / hosts + 1 > ScanPlugins.perHostMax()) {
			throw new IllegalArgumentException("at most " + ScanPlugins.perHostMax() + " findings per host");
		}
		Files.createDirectories(dir);
		this.hosts = hosts;
		this.findings = findings;
		this.scanDate = scanDate;
		int next = 0;
		for (int a = 0; a < agencies.size(); a++) {
			int count = hosts / agencies.size() + (a < hosts % agencies.size() ? 1 : 0);
			if (count > 0) {
				HostFile file = new HostFile(agencies.get(a), dir.resolve("assets-" + a + ".csv"), count);
				HostFiles.write(file.path(), next, count, PREFIX);
				assets.add(file);
				next += count;
			}
		}
		int warmUpHosts = Math.max(1, Math.min(200, hosts / 10));
		int perHost = (int) Math.max(1, findings / hosts);
		warmUpAssets = new HostFile(warmUpAgency, dir.resolve("warm-up-assets.csv"), warmUpHosts);
		HostFiles.write(warmUpAssets.path(), hosts, warmUpHosts, WARM_UP_PREFIX);
		Hosts measured = new Hosts(0, hosts, findings, PREFIX);
		Hosts warmUp = new Hosts(hosts, warmUpHosts, (long) warmUpHosts * perHost, WARM_UP_PREFIX);
		nessus = write(new NessusReport(), dir.resolve("scan.nessus.gz"), measured);
		openVas = write(new OpenVasReport(), dir.resolve("scan-openvas.xml.gz"), measured);
		warmUpNessus = write(new NessusReport(), dir.resolve("warm-up.nessus.gz"), warmUp);
		warmUpOpenVas = write(new OpenVasReport(), dir.resolve("warm-up-openvas.xml.gz"), warmUp);
	}

	/** A host of the scan, for the search by host name. */
	String someHostname() {
		return HostFiles.hostname(PREFIX, hosts / 2);
	}

	/**
	 * The only call into the application's report parsers (which may move): the parser the import would choose,
	 * over the inflated file as the import reads it, with a sink that only counts. Answers the findings.
	 */
	static long parseOnly(ScanParser parser, Path report) throws IOException {
		long[] seen = new long[2];
		try (InputStream in = Gzip.open(new BufferedInputStream(Files.newInputStream(report), 1 << 16), Long.MAX_VALUE)) {
			parser.parse(in, new ScanSink() {

				@Override
				public void covered(ScanTarget target) {
					seen[0]++;
				}

				@Override
				public void finding(ScannedFinding finding) {
					seen[1]++;
				}
			});
		}
		return seen[1];
	}

	/** Hosts {@code first} to {@code first + count - 1} and how many findings they share. */
	private record Hosts(int first, int count, long findings, String prefix) {

		int findingsOf(int host) {
			int i = host - first;
			return (int) (findings / count + (i < findings % count ? 1 : 0));
		}

		String name(int host) {
			return HostFiles.hostname(prefix, host);
		}
	}

	private Report write(ReportWriter report, Path file, Hosts hosts) throws IOException {
		CountingStream counted;
		OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
		// NB: level 6 (gzip's default), not 1: at 1 the million-finding report would pass the 200 MB upload limit
		GZIPOutputStream gzip = new GZIPOutputStream(raw, 1 << 16) {

			{
				def.setLevel(Deflater.DEFAULT_COMPRESSION);
			}
		};
		counted = new CountingStream(gzip);
		try (Writer out = new BufferedWriter(new OutputStreamWriter(counted, StandardCharsets.UTF_8), 1 << 16)) {
			report.write(out, hosts);
		}
		return new Report(file, hosts.count(), hosts.findings(), report.withCves, counted.bytes, scanDate);
	}

	/** One report format, written host after host. */
	private abstract class ReportWriter {

		private final String[] items = new String[ScanPlugins.perHostMax()];

		long withCves;

		abstract void write(Writer out, Hosts hosts) throws IOException;

		/** The part of a plugin's item that is the same on every host, rendered once. */
		String item(Plugin plugin) {
			withCves += plugin.cves().isEmpty() ? 0 : 1;
			String rendered = items[plugin.index()];
			if (rendered == null) {
				rendered = render(plugin);
				items[plugin.index()] = rendered;
			}
			return rendered;
		}

		abstract String render(Plugin plugin);

		/** When the scan reached the host: the scan date, from 08:00, a few seconds a host. */
		ZonedDateTime time(int host) {
			return scanDate.atTime(LocalTime.of(8, 0)).atZone(ZONE).plusSeconds(host * 3L % 28_800);
		}

		/**
		 * What the plugin saw on this host, as Nessus's plugin_output and OpenVAS's result description: a few
		 * hundred bytes that differ from host to host.
		 */
		String output(Plugin plugin, int host, String name) {
			String address = HostFiles.address(host);
			int build = (host * 31 + plugin.index()) % 997;
			StringBuilder out = new StringBuilder(420);
			out.append("\n  Host              : ").append(name).append(" (").append(address).append(")\n  Port              : ")
				.append(plugin.service().port()).append('/').append(plugin.service().protocol()).append("\n  Product           : ")
				.append(plugin.service().product()).append("\n  Installed version : ").append(plugin.index() % 9 + 1).append('.')
				.append(build % 20).append('.').append(build);
			if (plugin.severity() > 0) {
				out.append("\n  Fixed version     : see the vendor's advisory");
			}
			out.append("\n  Path              : ")
				.append(plugin.service().port() == 0 ? "C:\\Windows\\System32\\drivers\\" : "/usr/lib/")
				.append(plugin.service().product().toLowerCase(Locale.ROOT).replace(' ', '_'))
				.append(plugin.service().port() == 0 ? ".sys" : ".so." + build % 7)
				.append("\n  Banner            : ").append(plugin.service().product()).append('/').append(build)
				.append(" (build ").append(Integer.toHexString(host * 7919 + plugin.nessusId())).append(")\n")
				.append("\nThe check ran against ").append(name)
				.append(" without credentials; the version above is the one the service announced.\n");
			return out.toString();
		}
	}

	/**
	 * {@code NessusClientData_v2}: a short policy, then one {@code ReportHost} per host, its
	 * {@code HostProperties} (host-ip, host-fqdn, HOST_START, HOST_END) before its {@code ReportItem}s.
	 */
	private final class NessusReport extends ReportWriter {

		@Override
		void write(Writer out, Hosts hosts) throws IOException {
			out.write("<?xml version=\"1.0\" ?>\n<NessusClientData_v2>\n<Policy><policyName>Quét định kỳ toàn tỉnh</policyName>\n"
					+ "<Preferences><ServerPreferences><preference><name>max_simult_tcp_sessions</name><value>unlimited</value>"
					+ "</preference><preference><name>plugin_set</name><value>10180;10287;11219;19506;22964</value></preference>"
					+ "</ServerPreferences></Preferences></Policy>\n<Report name=\"Khiên bench " + scanDate
					+ "\" xmlns:cm=\"http://www.nessus.org/cm\">\n");
			for (int host = hosts.first(); host < hosts.first() + hosts.count(); host++) {
				String name = hosts.name(host);
				ZonedDateTime end = time(host).plusMinutes(7);
				out.write("<ReportHost name=\"" + name + "\"><HostProperties>\n<tag name=\"HOST_END_TIMESTAMP\">"
						+ end.toEpochSecond() + "</tag>\n<tag name=\"HOST_END\">" + CTIME.format(end)
						+ "</tag>\n<tag name=\"operating-system\">" + (host % 3 == 0 ? "Ubuntu 22.04 Linux Kernel 5.15"
								: "Microsoft Windows Server 2019 Standard")
						+ "</tag>\n<tag name=\"host-ip\">" + HostFiles.address(host) + "</tag>\n<tag name=\"host-fqdn\">" + name
						+ "</tag>\n<tag name=\"HOST_START\">" + CTIME.format(time(host)) + "</tag>\n</HostProperties>\n");
				int n = hosts.findingsOf(host);
				for (int j = 0; j < n; j++) {
					Plugin plugin = plugins.of(host, j);
					out.write(item(plugin));
					out.write("<plugin_output>");
					out.write(escape(output(plugin, host, name)));
					out.write("</plugin_output>\n</ReportItem>\n");
				}
				out.write("</ReportHost>\n");
			}
			out.write("</Report>\n</NessusClientData_v2>\n");
		}

		@Override
		String render(Plugin p) {
			StringBuilder x = new StringBuilder(1600);
			x.append("<ReportItem port=\"").append(p.service().port()).append("\" svc_name=\"").append(p.service().name())
				.append("\" protocol=\"").append(p.service().protocol()).append("\" severity=\"").append(p.severity())
				.append("\" pluginID=\"").append(p.nessusId()).append("\" pluginName=\"").append(escape(p.name()))
				.append("\" pluginFamily=\"").append(escape(p.service().family())).append("\">\n");
			if (p.score() != null) {
				x.append("<cvss3_base_score>").append(p.score()).append("</cvss3_base_score>\n<cvss3_vector>").append(p.vector())
					.append("</cvss3_vector>\n");
			}
			for (String cve : p.cves()) {
				x.append("<cve>").append(cve).append("</cve>\n");
			}
			x.append("<description>").append(escape(p.description())).append("</description>\n<fname>")
				.append(p.common() ? "scan_info.nasl" : "plugin_" + p.nessusId() + ".nasl")
				.append("</fname>\n<plugin_modification_date>2026/10/14</plugin_modification_date>\n<plugin_name>")
				.append(escape(p.name())).append("</plugin_name>\n<plugin_publication_date>2024/03/02</plugin_publication_date>\n")
				.append("<plugin_type>").append(p.service().port() == 0 ? "local" : "remote").append("</plugin_type>\n<risk_factor>")
				.append(ScanPlugins.RISK[p.severity()]).append("</risk_factor>\n<script_version>1.")
				.append(p.index() % 40).append("</script_version>\n");
			if (!p.seeAlso().isEmpty()) {
				x.append("<see_also>").append(String.join("\n", p.seeAlso())).append("</see_also>\n");
			}
			x.append("<solution>").append(escape(p.solution())).append("</solution>\n<synopsis>").append(escape(p.synopsis()))
				.append("</synopsis>\n");
			return x.toString();
		}
	}

	/**
	 * GVM's XML report format ({@code <report format_id="a994b278-...">} around the report proper): one
	 * {@code <result>} per finding with its host, port, NVT (OID, tags, CVSS 3 severity, CVE refs), threat and
	 * score, then one {@code <host>} per scanned host, as GVM lists them after the results.
	 */
	private final class OpenVasReport extends ReportWriter {

		@Override
		void write(Writer out, Hosts hosts) throws IOException {
			String start = time(hosts.first()).toOffsetDateTime().toString();
			out.write("<?xml version=\"1.0\"?>\n<report content_type=\"text/xml\" extension=\"xml\" id=\"" + uuid(0, hosts.count())
					+ "\" format_id=\"a994b278-1f62-11e1-96ac-406186ea4fc5\" config_id=\"\">\n<owner><name>admin</name></owner>\n"
					+ "<name>" + start + "</name>\n<comment/>\n<creation_time>" + start + "</creation_time>\n"
					+ "<report_format id=\"a994b278-1f62-11e1-96ac-406186ea4fc5\"><name>XML</name></report_format>\n"
					+ "<report id=\"" + uuid(0, hosts.count()) + "\">\n<gmp><version>22.6</version></gmp>\n"
					+ "<scan_run_status>Done</scan_run_status>\n<task id=\"" + uuid(1, hosts.count())
					+ "\"><name>Quét định kỳ toàn tỉnh</name></task>\n<timestamp>" + start + "</timestamp>\n<scan_start>" + start
					+ "</scan_start>\n<timezone>Asia/Ho_Chi_Minh</timezone>\n<results max=\"-1\" start=\"1\">\n");
			for (int host = hosts.first(); host < hosts.first() + hosts.count(); host++) {
				String name = hosts.name(host);
				String when = time(host).toOffsetDateTime().toString();
				String where = HostFiles.address(host) + "<asset asset_id=\"" + uuid(2, host) + "\"/><hostname>" + name
						+ "</hostname>";
				int n = hosts.findingsOf(host);
				for (int j = 0; j < n; j++) {
					Plugin plugin = plugins.of(host, j);
					out.write("<result id=\"" + uuid(host, j) + "\">\n<name>");
					out.write(escape(plugin.name()));
					out.write("</name>\n<owner><name>admin</name></owner>\n<modification_time>" + when
							+ "</modification_time>\n<comment/>\n<creation_time>" + when + "</creation_time>\n<host>" + where
							+ "</host>\n");
					out.write(item(plugin));
					out.write("<description>");
					out.write(escape(output(plugin, host, name)));
					out.write("</description>\n</result>\n");
				}
			}
			out.write("</results>\n");
			for (int host = hosts.first(); host < hosts.first() + hosts.count(); host++) {
				out.write("<host><ip>" + HostFiles.address(host) + "</ip><asset asset_id=\"" + uuid(2, host) + "\"/><start>"
						+ time(host).toOffsetDateTime() + "</start><end>" + time(host).plusMinutes(7).toOffsetDateTime()
						+ "</end><detail><name>hostname</name><value>" + hosts.name(host)
						+ "</value><source><type>nvt</type><name>1.3.6.1.4.1.25623.1.0.103997</name></source></detail></host>\n");
			}
			out.write("<scan_end>" + time(hosts.first() + hosts.count()).plusMinutes(7).toOffsetDateTime()
					+ "</scan_end>\n</report>\n</report>\n");
		}

		/** From the port to the threat and score: the same on every host. */
		@Override
		String render(Plugin p) {
			String score = p.score() == null ? "0.0" : p.score();
			StringBuilder x = new StringBuilder(1600);
			x.append("<port>").append(p.service().port() == 0 ? "general" : String.valueOf(p.service().port())).append('/')
				.append(p.service().protocol()).append("</port>\n<nvt oid=\"").append(p.oid()).append("\">\n<type>nvt</type>\n<name>")
				.append(escape(p.name())).append("</name>\n<family>").append(escape(p.service().family())).append("</family>\n")
				.append("<cvss_base>").append(score).append("</cvss_base>\n");
			if (p.score() != null) {
				x.append("<severities score=\"").append(score).append("\"><severity type=\"cvss_base_v3\"><origin>NVD</origin>")
					.append("<date>2025-07-08T19:15:38+07:00</date><score>").append(score).append("</score><value>")
					.append(p.vector()).append("</value></severity></severities>\n");
			}
			x.append("<tags>").append(p.vector() == null ? "" : "cvss_base_vector=" + p.vector() + "|").append("summary=")
				.append(escape(p.synopsis())).append("|insight=").append(escape(p.description())).append("|affected=")
				.append(escape(p.service().product())).append("|impact=").append(p.severity() == 0 ? "" : "Successful exploitation "
						+ "allows an attacker to disclose information, crash the service or execute code.")
				.append("|solution=").append(escape(p.solution())).append("|vuldetect=Checks if a vulnerable version is present "
						+ "on the target host.|solution_type=").append(p.severity() == 0 ? "" : "VendorFix").append("</tags>\n")
				.append("<solution type=\"VendorFix\">").append(escape(p.solution())).append("</solution>\n");
			if (!p.cves().isEmpty() || !p.seeAlso().isEmpty()) {
				x.append("<refs>");
				for (String cve : p.cves()) {
					x.append("<ref type=\"cve\" id=\"").append(cve).append("\"/>");
				}
				for (String url : p.seeAlso()) {
					x.append("<ref type=\"url\" id=\"").append(url).append("\"/>");
				}
				x.append("</refs>\n");
			}
			x.append("</nvt>\n<scan_nvt_version>2026-10-14T08:00:00Z</scan_nvt_version>\n<threat>")
				.append(ScanPlugins.THREAT[p.severity()]).append("</threat>\n<severity>").append(score).append("</severity>\n")
				.append("<qod><value>").append(p.severity() == 0 ? 80 : 97).append("</value><type>remote_banner</type></qod>\n");
			return x.toString();
		}
	}

	/** A UUID-shaped id that is the same each time for the same two numbers. */
	private static String uuid(long a, long b) {
		String hex = String.format("%016x%016x", a * 0x9E3779B97F4A7C15L, b * 0xC2B2AE3D27D4EB4FL + a);
		return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-8" + hex.substring(17, 20) + "-"
				+ hex.substring(20, 32);
	}

	private static String escape(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String entity = switch (c) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '"' -> "&quot;";
				default -> null;
			};
			if (entity != null && out == null) {
				out = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (out != null) {
				if (entity != null) {
					out.append(entity);
				}
				else {
					out.append(c);
				}
			}
		}
		return out == null ? text : out.toString();
	}

	/** Counts the bytes of XML written, before compression. */
	private static final class CountingStream extends FilterOutputStream {

		long bytes;

		CountingStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
			bytes += len;
		}
	}
}
