package vn.khien.inventory;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.inventory.importing.CoverageCsvParser;
import vn.khien.inventory.importing.CoverageJsonParser;
import vn.khien.inventory.importing.CoverageRecord;
import vn.khien.inventory.importing.DefenderStatusParser;
import vn.khien.inventory.importing.WazuhAgentsParser;
import vn.khien.platform.AuditLog;
import vn.khien.platform.importing.ImportProblem;
import vn.khien.registry.Agencies;

/**
 * One coverage import: picks the parser for the format, applies every record to the
 * agency's hosts and writes the agency's coverage and its snapshot row of today, all in
 * one transaction. A problem anywhere ({@link ImportProblem}) leaves nothing written. The
 * import job mechanism calls {@link #run}.
 */
@Component
public class CoverageImport {

	/** Formats accepted, as named in {@code format=} of the import endpoint. */
	public static final Set<String> FORMATS = Set.of("csv", "json", "wazuh", "defender");

	private final ProtectionUpdates updates;

	private final CoverageSnapshots snapshots;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Agencies agencies;

	CoverageImport(ProtectionUpdates updates, CoverageSnapshots snapshots, TransactionTemplate transactions,
			AuditLog audit, Agencies agencies) {
		this.agencies = agencies;
		this.updates = updates;
		this.snapshots = snapshots;
		this.transactions = transactions;
		this.audit = audit;
	}

	/**
	 * @throws ImportProblem for a file that cannot be read in this format
	 * ({@code coverage.import.unknownFormat} for an unknown format); nothing is written
	 * then
	 * @throws vn.khien.platform.NotFoundException when the agency does not exist or lies
	 * outside the user's scope
	 */
	public ProtectionUpdates.Counts run(long agencyId, String format, InputStream in) {
		return run(agencyId, format, in, n -> {
		});
	}

	/**
	 * As {@link #run(long, String, InputStream)}, telling {@code progress} how many
	 * records were read.
	 */
	public ProtectionUpdates.Counts run(long agencyId, String format, InputStream in, LongConsumer progress) {
		agencies.get(agencyId);
		String key = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
		if (!FORMATS.contains(key)) {
			throw ImportProblem.ofFile("coverage.import.unknownFormat", format);
		}
		return transactions.execute(status -> {
			ProtectionUpdates.Writer writer = updates.writer(agencyId, "coverage-" + key);
			long[] read = { 0 };
			Consumer<CoverageRecord> counting = record -> {
				writer.accept(record);
				if (++read[0] % 1000 == 0) {
					progress.accept(read[0]);
				}
			};
			switch (key) {
				case "csv" -> new CoverageCsvParser().parse(in, counting);
				case "json" -> new CoverageJsonParser().parse(in, counting);
				case "wazuh" -> new WazuhAgentsParser().parse(in, counting);
				default -> new DefenderStatusParser().parse(in, counting);
			}
			progress.accept(read[0]);
			ProtectionUpdates.Counts counts = writer.finish();
			// only this agency's row of today: the writer holds its coverage row, so
			// imports of others never wait here
			snapshots.record(agencyId, snapshots.today());
			audit.record("IMPORT", "coverage_import", agencyId, null,
					Map.of("agencyId", agencyId, "format", key, "counts", counts.asMap()));
			return counts;
		});
	}

}
