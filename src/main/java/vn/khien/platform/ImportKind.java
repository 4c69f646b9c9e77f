package vn.khien.platform;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A kind of import a module offers, declared as a bean: lets {@link ImportJobs} re-run a
 * previewed job ("commit") on the same stored file without knowing the module. A kind
 * whose job makes a file (a report) names where a succeeded job's file is downloaded
 * ({@code download}): a path such as {@code /reports/periodic/ID/file}, served at it to
 * the signed-in browser and under {@code /api/v1} to API clients, which the job's status
 * gives as {@code downloadUrl}.
 */
public record ImportKind(String name, String module, Function<ImportJob, ImportJob.Processor> processor,
		@Nullable Function<ImportJob, String> download) {

	public ImportKind(String name, String module, Function<ImportJob, ImportJob.Processor> processor) {
		this(name, module, processor, null);
	}

}
