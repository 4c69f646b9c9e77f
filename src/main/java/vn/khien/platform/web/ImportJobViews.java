package vn.khien.platform.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.khien.platform.ImportJob;

/** Import jobs as the status API and the progress page show them, said in the reader's language. */
@Component
class ImportJobViews {

	/** A problem said in words: {@code location} is "dòng 12" / "line 12", {@code code} the message key. */
	record ProblemView(String message, @Nullable String location, String code) {
	}

	/** The status shape of the import-job convention (docs/architecture.md). */
	record JobView(String jobId, String module, String kind, boolean dryRun, String state, long processed,
			Map<String, Long> counts, @Nullable ProblemView error, List<ProblemView> problems, String statusUrl,
			String createdBy, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
			int attempts, @Nullable String committedJobId, boolean retryable, boolean committable,
			@Nullable Instant filePurgedAt, long bytesRead, long bytesTotal) {
	}

	private final MessageSource messages;

	ImportJobViews(MessageSource messages) {
		this.messages = messages;
	}

	JobView view(ImportJob job, Locale locale) {
		return new JobView(job.id(), job.module(), job.kind(), job.dryRun(), job.state().code(), job.processed(),
				job.counts(), job.error() == null ? null : problem(job.error(), locale),
				job.problems().stream().map(p -> problem(p, locale)).toList(), "/api/v1/imports/" + job.id(),
				job.createdBy(), job.createdAt(), job.startedAt(), job.finishedAt(), job.attempts(), job.committedJobId(),
				job.retryable(), job.committable(), job.filePurgedAt(), job.bytesRead(), job.bytesTotal());
	}

	ProblemView problem(ImportJob.Problem problem, Locale locale) {
		// Arguments are kept as text; whole numbers go back to numbers for {n,number} patterns (line numbers)
		Object[] args = problem.args().stream()
			.map(a -> a.matches("-?\\d{1,18}") ? (Object) Long.valueOf(a) : a)
			.toArray();
		String message = messages.getMessage(problem.messageKey(), args, problem.messageKey(), locale);
		return new ProblemView(message, location(problem.location(), locale), problem.messageKey());
	}

	@Nullable String location(@Nullable String location, Locale locale) {
		if (location == null) {
			return null;
		}
		int colon = location.indexOf(':');
		if (colon < 0) {
			return location;
		}
		String type = location.substring(0, colon);
		return messages.getMessage("import.location." + type, new Object[] { location.substring(colon + 1) }, location,
				locale);
	}
}
