package vn.khien.platform.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.khien.platform.Accounts;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.AgencyFigures.Figure;
import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportJobs;

/**
 * Import jobs as the imports history lists them: who by name, the agency by its label,
 * the counts a job records under the columns they belong to. A page's names and labels
 * are read in one query each.
 */
@Component
class ImportHistoryRows {

	/**
	 * The counts link to the job page, the only list behind them (no list filters the
	 * records one job wrote); a count the job does not record has no value.
	 */
	record Row(String jobId, Instant createdAt, String kind, boolean dryRun, String filename, String startedBy,
			@Nullable Long agencyId, @Nullable String agency, String state, Figure read, Figure created, Figure updated,
			Figure problems) {
	}

	private final Accounts accounts;

	private final ObjectProvider<AgencyDirectory> directory;

	ImportHistoryRows(Accounts accounts, ObjectProvider<AgencyDirectory> directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	List<Row> of(List<ImportJobs.Listed> listed) {
		Set<String> usernames = listed.stream().map(l -> l.job().createdBy()).collect(Collectors.toSet());
		Map<String, String> names = new HashMap<>();
		accounts.names(usernames, Set.of()).forEach(n -> names.put(n.username(), n.displayName()));
		Set<Long> agencyIds = listed.stream()
			.map(l -> l.job().agencyId())
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		AgencyDirectory agencies = directory.getIfAvailable();
		Map<Long, String> labels = agencies == null ? Map.of() : agencies.labels(agencyIds);
		return listed.stream().map(l -> row(l, names, labels)).toList();
	}

	private static Row row(ImportJobs.Listed listed, Map<String, String> names, Map<Long, String> labels) {
		ImportJob job = listed.job();
		Long agency = job.agencyId();
		String page = "/imports/" + job.id();
		// the problems link to where the job page lists them
		String problemsAt = page + (job.state() == ImportJob.State.FAILED ? "#job-error" : "#job-left-out");
		return new Row(job.id(), job.createdAt(), job.kind(), job.dryRun(), listed.filename(),
				names.getOrDefault(job.createdBy(), job.createdBy()), agency,
				agency == null ? null : labels.getOrDefault(agency, "#" + agency), job.state().code(),
				new Figure("imports.read", job.processed(), false, page),
				new Figure("import.count.created", job.counts().get("created"), false, page),
				new Figure("import.count.updated", job.counts().get("updated"), false, page),
				new Figure("imports.problems", problems(job), false, problemsAt));
	}

	/**
	 * A failed job counts the problems it found, an agency import the rows it left out;
	 * else a finished job's problems are the ones it kept.
	 */
	private static @Nullable Long problems(ImportJob job) {
		Map<String, Long> counts = job.counts();
		if (counts.containsKey("problems")) {
			return counts.get("problems");
		}
		if (counts.containsKey("skipped")) {
			return counts.get("skipped");
		}
		return job.state().finished() ? (long) job.problems().size() : null;
	}

}
