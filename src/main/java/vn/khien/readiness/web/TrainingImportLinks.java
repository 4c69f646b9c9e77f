package vn.khien.readiness.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportResultLinks;
import vn.khien.readiness.TrainingAttendanceImport;

/** An attendance import's counts open the event it filled. */
@Component
class TrainingImportLinks implements ImportResultLinks {

	@Override
	public @Nullable String link(ImportJob job, String count) {
		String event = job.options().get("event");
		if (!TrainingAttendanceImport.KIND.equals(job.kind()) || event == null) {
			return null;
		}
		return "parsed".equals(count) || "created".equals(count) ? "/trainings/" + event : null;
	}

}
