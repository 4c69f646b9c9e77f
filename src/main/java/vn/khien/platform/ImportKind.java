package vn.khien.platform;

import java.util.function.Function;

/**
 * A kind of import a module offers, declared as a bean: lets {@link ImportJobs} re-run a
 * previewed job ("commit") on the same stored file without knowing the module.
 */
public record ImportKind(String name, String module, Function<ImportJob, ImportJob.Processor> processor) {
}
