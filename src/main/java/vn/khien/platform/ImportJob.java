package vn.khien.platform;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An uploaded file being parsed into a module's records, as {@link ImportJobs} runs it:
 * queued, running, then succeeded or failed. A dry run does the same work and rolls it
 * back, so its counts say what a commit would do. {@code attempts} counts starts (a crash
 * makes a job run again); a confirmed preview names the job it became in
 * {@code committedJobId}; {@code filePurgedAt} says when {@link UploadRetention} removed
 * the upload, if it has. {@code options} are the module's own settings of the job (a
 * confirmed preview keeps them). {@code problems} are why a failed job failed, or on a
 * successful one the records it left out. {@code bytesRead} of {@code bytesTotal} says
 * how far into its stored file the job is.
 */
public record ImportJob(String id, String module, String kind, @Nullable String format, boolean dryRun, State state,
		long fileId, @Nullable Long agencyId, @Nullable Long systemId, long processed, Map<String, Long> counts,
		List<Problem> problems, @Nullable Problem error, String createdBy, Instant createdAt,
		@Nullable Instant startedAt, @Nullable Instant finishedAt, int attempts, @Nullable String committedJobId,
		@Nullable Instant filePurgedAt, Map<String, String> options, long bytesRead, long bytesTotal) {

	public ImportJob {
		// NB: counts keep their order (a LinkedHashMap): the page lists them as the
		// module put them
		problems = List.copyOf(problems);
		options = Map.copyOf(options);
	}

	/** A failed job can be queued again, on the same stored file. */
	public boolean retryable() {
		return state == State.FAILED && filePurgedAt == null;
	}

	/** A successful preview can be confirmed, once. */
	public boolean committable() {
		return dryRun && state == State.SUCCEEDED && committedJobId == null && filePurgedAt == null;
	}

	public enum State {

		QUEUED, RUNNING, SUCCEEDED, FAILED;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public boolean finished() {
			return this == SUCCEEDED || this == FAILED;
		}

	}

	/**
	 * A problem with the file, kept as a message key and arguments so it can be said in
	 * the language of whoever reads the job later; {@code location} is {@code line:12},
	 * {@code element:host[3]} or null.
	 */
	public record Problem(String messageKey, List<String> args, @Nullable String location) {

		public static Problem of(String messageKey, @Nullable String location, @Nullable Object... args) {
			return new Problem(messageKey, args == null ? List.of()
					: java.util.Arrays.stream(args).map(a -> a == null ? "" : a.toString()).toList(), location);
		}
	}

	/**
	 * The work of one job kind. It runs in one transaction: throwing rolls back
	 * everything it wrote.
	 */
	@FunctionalInterface
	public interface Processor {

		/**
		 * @return the outcome counts ({@code parsed} and the module's own keys)
		 */
		Map<String, Long> process(Run run) throws Exception;

	}

	/**
	 * What a processor gets while it runs: the job, the stored upload, and a way to
	 * report progress.
	 */
	public static final class Run {

		private final ImportJob job;

		private final FileStore.StoredFile file;

		private final FileStore files;

		private final ProgressSink sink;

		// NB: counted as the processor reads, so progress says how much of the file is
		// done whatever its format
		private final java.util.concurrent.atomic.AtomicLong bytesRead = new java.util.concurrent.atomic.AtomicLong();

		private final List<Problem> leftOut = new java.util.ArrayList<>();

		Run(ImportJob job, FileStore.StoredFile file, FileStore files, ProgressSink sink) {
			this.job = job;
			this.file = file;
			this.files = files;
			this.sink = sink;
		}

		public ImportJob job() {
			return job;
		}

		public FileStore.StoredFile file() {
			return file;
		}

		/** The upload exactly as received; the caller closes it. */
		public InputStream open() {
			return new java.io.FilterInputStream(files.open(file)) {
				@Override
				public int read() throws java.io.IOException {
					int b = super.read();
					if (b >= 0) {
						bytesRead.incrementAndGet();
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
					int n = super.read(buffer, offset, length);
					if (n > 0) {
						bytesRead.addAndGet(n);
					}
					return n;
				}

				@Override
				public long skip(long n) throws java.io.IOException {
					long skipped = super.skip(n);
					bytesRead.addAndGet(skipped);
					return skipped;
				}
			};
		}

		/**
		 * Records how many records have been read so far (saved at most a few times a
		 * second).
		 */
		public void progress(long processed) {
			sink.progress(processed, bytesRead.get(), false);
		}

		/**
		 * A record the job leaves out without failing (a row with errors that a preview
		 * shows before it is confirmed): kept on the successful job with the others, the
		 * first {@link ImportJobs#MAX_PROBLEMS}, for the page to list.
		 */
		public void leftOut(Problem problem) {
			if (leftOut.size() < ImportJobs.MAX_PROBLEMS) {
				leftOut.add(problem);
			}
		}

		List<Problem> leftOut() {
			return List.copyOf(leftOut);
		}

	}

	interface ProgressSink {

		void progress(long processed, long bytesRead, boolean force);

	}

	/**
	 * Thrown from {@link Run#progress} when the node is stopping: the job's work rolls
	 * back and it is queued again.
	 */
	static final class HandedBack extends RuntimeException {

		HandedBack() {
			super("node stopping: job handed back to the queue", null, false, false);
		}

	}

	/**
	 * Thrown by a processor when the file is refused: the job fails with this problem
	 * (the first one), and {@code problems} lists the others found, for the page to show.
	 */
	public static class Failure extends RuntimeException {

		private final Problem problem;

		private final List<Problem> problems;

		private final Map<String, Long> counts;

		public Failure(Problem problem, List<Problem> problems, Map<String, Long> counts) {
			super(problem.messageKey() + (problem.location() == null ? "" : " @" + problem.location()), null, false,
					false);
			this.problem = problem;
			this.problems = List.copyOf(problems);
			this.counts = Map.copyOf(counts);
		}

		public Failure(Problem problem) {
			this(problem, List.of(problem), Map.of());
		}

		public Problem problem() {
			return problem;
		}

		public List<Problem> problems() {
			return problems;
		}

		public Map<String, Long> counts() {
			return counts;
		}

	}
}
