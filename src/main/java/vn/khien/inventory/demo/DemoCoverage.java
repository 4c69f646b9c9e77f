package vn.khien.inventory.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.inventory.Coverage;
import vn.khien.inventory.CoverageSettings;
import vn.khien.inventory.CoverageSnapshots;
import vn.khien.platform.DemoMode;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * Demo hosts with a mix of anti-malware states, a month of rising coverage snapshots and
 * one campaign in progress. Loaded once, when demo data is on, the demo province exists
 * and no host has reported.
 */
@Component
@Order(22)
class DemoCoverage implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCoverage.class);

	private static final String[] PRODUCTS = { "Kaspersky Endpoint Security", "Bkav Endpoint",
			"Microsoft Defender Antivirus", "ESET Endpoint Antivirus", "Wazuh agent" };

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Agencies agencies;

	private final CoverageSnapshots snapshots;

	private final Coverage coverage;

	private final CoverageSettings coverageSettings;

	private final DemoMode demoMode;

	private final TransactionTemplate transactions;

	DemoCoverage(JdbcClient jdbc, JdbcTemplate template, Agencies agencies, CoverageSnapshots snapshots,
			Coverage coverage, CoverageSettings coverageSettings, DemoMode demoMode, TransactionTemplate transactions) {
		this.coverage = coverage;
		this.jdbc = jdbc;
		this.template = template;
		this.agencies = agencies;
		this.snapshots = snapshots;
		this.coverageSettings = coverageSettings;
		this.demoMode = demoMode;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		// NB: demo data is written by the demo loader, not by nobody: without a principal
		// nothing is in scope
		DemoMode.LOADER.run(() -> {
			if (!demoMode.enabled() || agencies.findByCode("UBND-T").isEmpty()
					|| jdbc.sql("SELECT COUNT(*) FROM protection_status").query(Long.class).single() > 0) {
				return;
			}
			transactions.executeWithoutResult(status -> load());
		});
	}

	private void load() {
		List<String> codes = new ArrayList<>(List.of("SYT", "SGDDT", "SKHCN", "CAT", "VP-UBND", "STC", "SNV", "SXD"));
		for (int i = 1; i <= 8; i++) {
			codes.add("SYT-" + i);
		}
		for (int i = 1; i <= 6; i++) {
			codes.add("SYT-TTYT" + i);
		}
		for (int i = 1; i <= 5; i++) {
			codes.add("SGDDT-THPT" + i);
		}
		codes.addAll(List.of("P001", "P002", "X031", "X032"));
		Random random = new Random(20261124L);
		LocalDate today = Coverage.today();
		int maxAge = coverageSettings.maxSignatureAgeDays();
		Map<Long, int[]> own = new LinkedHashMap<>();
		List<Long> campaignHosts = new ArrayList<>();
		Instant now = Instant.now();
		for (String code : codes) {
			Optional<Agency> found = agencies.findByCode(code);
			if (found.isEmpty()) {
				continue;
			}
			Agency agency = found.get();
			int servers = code.startsWith("S") && !code.contains("-") ? 4 : 1;
			int workstations = 5 + random.nextInt(10);
			int protectedHosts = 0;
			for (int h = 0; h < servers + workstations; h++) {
				boolean server = h < servers;
				String hostname = code.toLowerCase() + (server ? "-srv" : "-pc") + String.format("%02d", h + 1)
						+ ".lachong.gov.vn";
				String address = "10." + (own.size() + 1) + "." + (server ? 1 : 2) + "." + (h + 10);
				long assetId = insertAsset(agency.id(), server ? "SERVER" : (h % 5 == 4 ? "LAPTOP" : "WORKSTATION"),
						hostname, address, now);
				int roll = random.nextInt(100);
				if (roll < 72) {
					status(assetId, PRODUCTS[random.nextInt(PRODUCTS.length)], true,
							today.minusDays(random.nextInt(maxAge + 1)), now);
					protectedHosts++;
				}
				else if (roll < 84) {
					status(assetId, PRODUCTS[random.nextInt(PRODUCTS.length)], true,
							today.minusDays(maxAge + 1 + random.nextInt(60)), now);
				}
				else if (roll < 92) {
					status(assetId, PRODUCTS[random.nextInt(PRODUCTS.length)], false, today.minusDays(2), now);
				}
				else if (roll < 96) {
					status(assetId, null, false, null, now);
				}
				// else: the host never reported
				if (code.startsWith("SYT") || code.startsWith("SGDDT")) {
					campaignHosts.add(assetId);
				}
			}
			own.put(agency.id(), new int[] { servers + workstations, protectedHosts });
		}
		// a month of history: coverage rising from about half to today's figure
		List<Object[]> history = new ArrayList<>();
		for (int d = 30; d >= 1; d--) {
			LocalDate date = today.minusDays(d);
			double share = 1.0 - d / 60.0;
			own.forEach(
					(agency, c) -> history.add(new Object[] { date, agency, c[0], (int) Math.round(c[1] * share) }));
		}
		template.batchUpdate(
				"INSERT INTO coverage_snapshot (snapshot_date, agency_id, in_scope, protected) VALUES (?, ?, ?, ?)",
				history);
		// the hosts above were written directly: count them into the read model before
		// today's snapshot copies it
		coverage.recount(own.keySet());
		snapshots.take(today);
		campaign(today, campaignHosts, random, now);
		log.info("Demo coverage loaded: {} agencies with hosts", own.size());
	}

	private long insertAsset(long agencyId, String kind, String hostname, String address, Instant now) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO asset (agency_id, kind, identity_key, hostname, addresses, os, source, first_seen_at, last_seen_at)
						VALUES (:agency, :kind, :key, :hostname, :address, :os, 'demo', :now, :now)""")
			.param("agency", agencyId)
			.param("kind", kind)
			.param("key", "host:" + hostname)
			.param("hostname", hostname)
			.param("address", address)
			.param("os", kind.equals("SERVER") ? "Windows Server 2022" : "Windows 11")
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private void status(long assetId, @org.jspecify.annotations.Nullable String product, boolean running,
			@org.jspecify.annotations.Nullable LocalDate signatureDate, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO protection_status (asset_id, product, product_version, running, signature_date, last_check_in,
						  source, updated_at) VALUES (:id, :product, :version, :running, :signature, :checkIn, 'demo', :now)""")
			.param("id", assetId)
			.param("product", product)
			.param("version", product == null ? null : "12.1")
			.param("running", running)
			.param("signature", signatureDate)
			.param("checkIn", product == null ? null : Timestamp.from(now.minusSeconds(3600)))
			.param("now", Timestamp.from(now))
			.update();
	}

	private void campaign(LocalDate today, List<Long> hosts, Random random, Instant now) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO malware_campaign (name, starts_on, ends_on, note, created_by, created_at)
				VALUES (:name, :starts, :ends, :note, 'operator', :now)""")
			.param("name", "Rà quét, gỡ bỏ mã độc khối Y tế và Giáo dục " + today.getYear())
			.param("starts", today.minusDays(10))
			.param("ends", today.plusDays(20))
			.param("note", "Theo chỉ đạo của Sở Khoa học và Công nghệ")
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (String code : List.of("SYT", "SGDDT")) {
			agencies.findByCode(code)
				.ifPresent(a -> jdbc
					.sql("INSERT INTO malware_campaign_agency (campaign_id, agency_id) VALUES (:id, :agency)")
					.param("id", id)
					.param("agency", a.id())
					.update());
		}
		for (long host : hosts) {
			int roll = random.nextInt(100);
			String result = roll < 35 ? "CLEAN" : roll < 45 ? "REMOVED" : roll < 50 ? "NOT_REMOVED" : null;
			if (result == null) {
				continue;
			}
			jdbc.sql("""
					INSERT INTO malware_campaign_host (campaign_id, asset_id, result, detail, updated_by, updated_at)
					VALUES (:id, :asset, :result, :detail, 'officer', :now)""")
				.param("id", id)
				.param("asset", host)
				.param("result", result)
				.param("detail", result.equals("CLEAN") ? null : "Trojan.Win32.Agent")
				.param("now", Timestamp.from(now))
				.update();
		}
	}

}
