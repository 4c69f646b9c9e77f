package vn.khien.inventory.web;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.khien.inventory.AssetImport;
import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportResultLinks;

/**
 * A host import's written counts open the hosts of its agency (and system); a coverage
 * import's open the agency's coverage.
 */
@Component
class InventoryImportLinks implements ImportResultLinks {

	private static final Set<String> WRITTEN = Set.of("created", "updated", "unchanged", "matched");

	@Override
	public @Nullable String link(ImportJob job, String count) {
		if (!AssetImport.MODULE.equals(job.module()) || job.dryRun() || job.agencyId() == null
				|| !WRITTEN.contains(count)) {
			return null;
		}
		if (AssetImport.KIND.equals(job.kind())) {
			return "/assets?agency=" + job.agencyId() + (job.systemId() == null ? "" : "&system=" + job.systemId());
		}
		return "coverage".equals(job.kind()) ? "/coverage?agency=" + job.agencyId() : null;
	}

}
