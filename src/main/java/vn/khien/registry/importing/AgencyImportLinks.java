package vn.khien.registry.importing;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportResultLinks;

/** An agency import's created and updated agencies are in the agency tree. */
@Component
class AgencyImportLinks implements ImportResultLinks {

	@Override
	public @Nullable String link(ImportJob job, String count) {
		boolean written = "created".equals(count) || "updated".equals(count);
		return AgencyImport.MODULE.equals(job.module()) && AgencyImport.KIND.equals(job.kind()) && !job.dryRun()
				&& written ? "/agencies" : null;
	}

}
