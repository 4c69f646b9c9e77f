package vn.khien.platform.web;

import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportJobs;

/**
 * Import jobs as the status API and the progress page show them, said in the reader's
 * language.
 */
@Component
class ImportJobViews {

	/**
	 * A problem said in words: {@code location} is "dòng 12" / "line 12", {@code code}
	 * the message key.
	 */
	record ProblemView(String message, @Nullable String location, String code) {
	}

	/** The status shape of the import-job convention (docs/architecture.md). */
	record JobView(String jobId, String module, String kind, boolean dryRun, String state, long processed,
			Map<String, Long> counts, @Nullable ProblemView error, List<ProblemView> problems, String statusUrl,
			String createdBy, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
			int attempts, @Nullable String committedJobId, boolean retryable, boolean committable,
			@Nullable Instant filePurgedAt, Map<String, String> options, long bytesRead, long bytesTotal,
			@Nullable String downloadUrl) {
	}

	private final MessageSource messages;

	private final ImportJobs jobs;

	ImportJobViews(MessageSource messages, ImportJobs jobs) {
		this.messages = messages;
		this.jobs = jobs;
	}

	JobView view(ImportJob job, Locale locale) {
		return new JobView(job.id(), job.module(), job.kind(), job.dryRun(), job.state().code(), job.processed(),
				job.counts(), job.error() == null ? null : problem(job.error(), locale),
				job.problems().stream().map(p -> problem(p, locale)).toList(), "/api/v1/imports/" + job.id(),
				job.createdBy(), job.createdAt(), job.startedAt(), job.finishedAt(), job.attempts(),
				job.committedJobId(), job.retryable(), job.committable(), job.filePurgedAt(), job.options(),
				job.bytesRead(), job.bytesTotal(), api(jobs.downloadPath(job)));
	}

	private static @Nullable String api(@Nullable String path) {
		return path == null ? null : "/api/v1" + path;
	}

	ProblemView problem(ImportJob.Problem problem, Locale locale) {
		Object[] args = arguments(problem, locale);
		String message = messages.getMessage(problem.messageKey(), args, problem.messageKey(), locale);
		return new ProblemView(message, location(problem.location(), locale), problem.messageKey());
	}

	/**
	 * Arguments are kept as text. A whole number goes back to a number only where the
	 * message formats that argument as one ({@code {1,number,#}}, a choice): a code such
	 * as {@code 000123} or {@code 12345} stays as written.
	 */
	private Object[] arguments(ImportJob.Problem problem, Locale locale) {
		Format[] formats;
		try {
			String pattern = messages.getMessage(problem.messageKey(), null, "", locale);
			formats = new MessageFormat(pattern, locale).getFormatsByArgumentIndex();
		}
		catch (IllegalArgumentException ex) {
			formats = new Format[0];
		}
		Object[] args = new Object[problem.args().size()];
		for (int i = 0; i < args.length; i++) {
			String arg = problem.args().get(i);
			boolean number = i < formats.length && formats[i] instanceof NumberFormat && arg.matches("-?\\d{1,18}");
			args[i] = number ? (Object) Long.valueOf(arg) : arg;
		}
		return args;
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
