package vn.khien.bench;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import vn.khien.inventory.importing.AssetTableParser;
import vn.khien.platform.importing.TableFormat;

/**
 * The generated inventory in the asset CSV format (docs/import-formats.md): one large file for one agency, one
 * smaller file for each of the other agencies, the coverage file of the large agency, and a warm-up file. Host
 * {@code i} is {@code host-i.bench.lachong.gov.vn} at a distinct address, wherever it lands.
 */
final class HostFiles {

	record HostFile(String agency, Path path, int hosts) {
	}

	final HostFile large;

	final List<HostFile> rest = new ArrayList<>();

	final Path largeCoverage;

	final HostFile warmUp;

	/** A host of the large file, for the search by host name. */
	final String someHostname;

	/** The large agency gets {@code largeShare} of the hosts, the others share the rest evenly. */
	HostFiles(Path dir, int hosts, double largeShare, String largeAgency, List<String> others) throws IOException {
		Files.createDirectories(dir);
		int largeHosts = (int) Math.round(hosts * largeShare);
		large = new HostFile(largeAgency, dir.resolve("large.csv"), largeHosts);
		write(large.path, 0, largeHosts, "host-");
		largeCoverage = dir.resolve("large-coverage.csv");
		writeCoverage(largeCoverage, largeHosts);
		someHostname = hostname("host-", largeHosts / 2);
		int spread = hosts - largeHosts;
		int next = largeHosts;
		for (int a = 0; a < others.size(); a++) {
			int count = spread / others.size() + (a < spread % others.size() ? 1 : 0);
			if (count > 0) {
				HostFile file = new HostFile(others.get(a), dir.resolve("agency-" + a + ".csv"), count);
				write(file.path, next, count, "host-");
				rest.add(file);
				next += count;
			}
		}
		warmUp = new HostFile(largeAgency, dir.resolve("warm-up.csv"), Math.min(20_000, Math.max(largeHosts, 1)));
		write(warmUp.path, 0, warmUp.hosts, "warm-up-");
	}

	int restHosts() {
		return rest.stream().mapToInt(HostFile::hosts).sum();
	}

	/**
	 * The only call into the application's CSV reader (which may move): the import's parser with a consumer that
	 * does nothing, so the import can be compared with reading alone.
	 */
	static int parseOnly(Path file) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			return new AssetTableParser().parse(in, TableFormat.CSV, record -> {
			});
		}
	}

	static String hostname(String prefix, int i) {
		return prefix + i + ".bench.lachong.gov.vn";
	}

	static String address(int i) {
		return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
	}

	/** Hosts {@code from} to {@code from + count - 1}, named {@code prefix + i}; also the scan bench's inventory. */
	static void write(Path file, int from, int count, String prefix) throws IOException {
		String[] kinds = { "server", "workstation", "laptop", "network device", "smart device" };
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("kind,hostname,addresses,mac,os,url,system\n");
			for (int i = from; i < from + count; i++) {
				String mac = String.format("02:00:%02x:%02x:%02x:%02x", i >> 24 & 255, i >> 16 & 255, i >> 8 & 255, i & 255);
				out.write(kinds[i % kinds.length] + "," + hostname(prefix, i) + "," + address(i) + "," + mac + ",Windows 11 Pro,,\n");
			}
		}
	}

	private static void writeCoverage(Path file, int count) throws IOException {
		String signatures = LocalDate.now().minusDays(1).toString();
		String checkIn = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("hostname,address,product,version,running,signature_date,last_check_in\n");
			for (int i = 0; i < count; i++) {
				// one host in seven has its protection stopped, so the overview has something to show
				out.write(hostname("host-", i) + "," + address(i) + ",Bkav Endpoint,5.2," + (i % 7 == 0 ? "no" : "yes") + ","
						+ signatures + "," + checkIn + "\n");
			}
		}
	}
}
