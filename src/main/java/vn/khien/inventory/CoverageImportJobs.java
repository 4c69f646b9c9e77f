package vn.khien.inventory;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import vn.khien.platform.CurrentUser;
import vn.khien.platform.FileStore;
import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportJobs;
import vn.khien.platform.ImportKind;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.importing.ImportProblem;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * Coverage exports (generic CSV/JSON, Wazuh agents, Defender status) imported as jobs.
 */
@Component
public class CoverageImportJobs {

	static final String KIND = "coverage";

	private final CoverageImport coverageImport;

	private final Agencies agencies;

	private final CurrentUser currentUser;

	private final FileStore files;

	private final ImportJobs jobs;

	CoverageImportJobs(CoverageImport coverageImport, Agencies agencies, CurrentUser currentUser, FileStore files,
			ImportJobs jobs) {
		this.coverageImport = coverageImport;
		this.agencies = agencies;
		this.currentUser = currentUser;
		this.files = files;
		this.jobs = jobs;
	}

	/**
	 * Keeps the upload, then queues its import into {@code agency} (id or code; 404 when
	 * out of reach).
	 */
	public ImportJob submit(InputStream in, String filename, @Nullable String contentType, @Nullable String agency,
			@Nullable String format, boolean dryRun) {
		if (agency == null || agency.isBlank()) {
			throw new InvalidInputException("agency", "import.agency.required");
		}
		Agency owner = agencies.resolve(agency);
		if (!currentUser.mayEdit(owner.id())) {
			throw new NotFoundException("agency", agency);
		}
		String key = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
		if (!CoverageImport.FORMATS.contains(key)) {
			throw new InvalidInputException("format", "coverage.import.unknownFormat", format == null ? "" : format);
		}
		FileStore.StoredFile file = files.storeFor(owner.id(), in, filename, contentType, AssetImport.MAX_BYTES);
		return jobs.submit(KIND, file, owner.id(), null, key, dryRun);
	}

	ImportJob.Processor processor(ImportJob job) {
		return run -> {
			try (InputStream in = run.open()) {
				Long agencyId = run.job().agencyId();
				if (agencyId == null) {
					throw new ImportJob.Failure(ImportJob.Problem.of("import.agency.required", null));
				}
				var counts = coverageImport.run(agencyId, String.valueOf(run.job().format()), in, run::progress)
					.asMap();
				Map<String, Long> result = new LinkedHashMap<>();
				counts.forEach((name, value) -> result.put(name, value.longValue()));
				return result;
			}
			catch (ImportProblem problem) {
				throw new ImportJob.Failure(
						ImportJob.Problem.of(problem.messageKey(), problem.location(), problem.args()));
			}
		};
	}

	@Configuration
	static class Registration {

		@Bean
		ImportKind coverageImportKind(CoverageImportJobs coverageJobs) {
			return new ImportKind(KIND, "inventory", coverageJobs::processor);
		}

	}

}
