package vn.khien.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.platform.ImportJob.Problem;
import vn.khien.platform.ImportJob.State;

/**
 * Runs uploads as jobs (the import-job convention of docs/architecture.md). Submitting
 * writes the job row and queues it in the database ({@link JobQueue}) in the request's
 * transaction. A worker then runs it as the user who submitted it, with the rights that
 * user has when it runs: the module's work and the job's outcome commit together in ONE
 * transaction (all or nothing), so a crash leaves the job queued or running with nothing
 * written, and it runs again from its stored file.
 */
@Component
public class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** Problems kept on a failed job for the page to list; the rest are only counted. */
	public static final int MAX_PROBLEMS = 100;

	/** Counting a list of jobs stops here ("10.000+"). */
	public static final int COUNT_CAP = 10_000;

	static final String COLUMNS = """
			j.id, j.module, j.kind, j.format, j.dry_run, j.state, j.file_id, j.agency_id, j.system_id,
			  CASE WHEN j.state = 'RUNNING' THEN COALESCE(p.processed, 0) ELSE j.processed END AS processed,
			  j.counts, j.problems, j.error_key, j.error_args, j.error_location, j.created_by, j.created_at,
			  j.started_at, j.finished_at, j.attempts, j.committed_job_id, j.module_options,
			  f.deleted_at AS file_purged_at, f.size_bytes AS bytes_total,
			  CASE WHEN j.state = 'RUNNING' THEN COALESCE(p.bytes_read, 0) WHEN j.state = 'QUEUED' THEN 0
			    ELSE f.size_bytes END AS bytes_read""";

	static final String FROM = " FROM import_job j JOIN stored_file f ON f.id = j.file_id"
			+ " LEFT JOIN import_job_progress p ON p.job_id = j.id";

	private final JdbcClient jdbc;

	private final FileStore files;

	private final CurrentUser currentUser;

	private final Accounts accounts;

	private final AuditLog audit;

	private final JsonMapper json;

	private final JobQueue queue;

	private final TransactionTemplate work;

	private final TransactionTemplate bookkeeping;

	// Looked up when first needed: the modules' kinds depend on this class themselves
	private final ObjectProvider<ImportKind> kinds;

	private final AgencyHierarchy hierarchy;

	ImportJobs(JdbcClient jdbc, FileStore files, CurrentUser currentUser, Accounts accounts, AuditLog audit,
			JsonMapper json, JobQueue queue, PlatformTransactionManager transactions, ObjectProvider<ImportKind> kinds,
			AgencyHierarchy hierarchy) {
		this.jdbc = jdbc;
		this.files = files;
		this.currentUser = currentUser;
		this.accounts = accounts;
		this.audit = audit;
		this.json = json;
		this.queue = queue;
		this.work = new TransactionTemplate(transactions);
		this.bookkeeping = new TransactionTemplate(transactions);
		this.bookkeeping.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.kinds = kinds;
		this.hierarchy = hierarchy;
	}

	/**
	 * Queues a job of a registered {@link ImportKind} on a stored upload. It starts once
	 * the caller's transaction commits (at once when there is none) and runs as the
	 * signed-in user who submitted it.
	 */
	@Transactional
	public ImportJob submit(String kind, FileStore.StoredFile file, @Nullable Long agencyId, @Nullable Long systemId,
			@Nullable String format, boolean dryRun) {
		return submit(kind, file, agencyId, systemId, format, dryRun, Map.of());
	}

	/**
	 * As {@link #submit(String, FileStore.StoredFile, Long, Long, String, boolean)}, with
	 * the module's options.
	 */
	@Transactional
	public ImportJob submit(String kind, FileStore.StoredFile file, @Nullable Long agencyId, @Nullable Long systemId,
			@Nullable String format, boolean dryRun, Map<String, String> options) {
		ImportKind registered = kind(kind);
		KhienUser submitter = currentUser.find()
			.orElseThrow(() -> new IllegalStateException("import jobs are submitted by a signed-in user"));
		String id = UUID.randomUUID().toString();
		Instant now = Instant.now();
		jdbc.sql("""
				INSERT INTO import_job (id, module, kind, format, dry_run, state, file_id, agency_id, system_id,
				  processed, created_by, created_at, attempts, module_options)
				VALUES (:id, :module, :kind, :format, :dryRun, 'QUEUED', :file, :agency, :system, 0, :by, :at, 0,
				  :options)""")
			.param("id", id)
			.param("module", registered.module())
			.param("kind", kind)
			.param("format", format)
			.param("dryRun", dryRun)
			.param("file", file.id())
			.param("agency", agencyId)
			.param("system", systemId)
			.param("by", submitter.username())
			.param("at", Timestamp.from(now))
			.param("options", options.isEmpty() ? null : json.writeValueAsString(options))
			.update();
		queue.enqueue(id);
		return new ImportJob(id, registered.module(), kind, format, dryRun, State.QUEUED, file.id(), agencyId, systemId,
				0, Map.of(), List.of(), null, submitter.username(), now, null, null, 0, null, file.deletedAt(), options,
				0, file.size());
	}

	/**
	 * Runs a previewed (dry-run) job for real, on the same stored file, as a new job,
	 * once: a second confirmation is refused. Only jobs the caller may see can be
	 * committed; the module checks write permission when its processor runs.
	 */
	@Transactional
	public ImportJob commit(String dryRunJobId) {
		ImportJob preview = get(dryRunJobId);
		if (preview.filePurgedAt() != null) {
			throw new FileStore.PurgedException(
					files.find(preview.fileId()).map(FileStore.StoredFile::filename).orElse(""));
		}
		if (!preview.committable()) {
			throw InvalidInputException.conflict(null,
					preview.committedJobId() != null ? "import.job.alreadyCommitted" : "import.job.notCommittable");
		}
		FileStore.StoredFile file = files.find(preview.fileId())
			.orElseThrow(() -> new NotFoundException("stored file", preview.fileId()));
		ImportJob job = submit(preview.kind(), file, preview.agencyId(), preview.systemId(), preview.format(), false,
				preview.options());
		// NB: the condition makes two confirmations racing each other commit only one
		int claimed = jdbc
			.sql("UPDATE import_job SET committed_job_id = :job WHERE id = :id AND committed_job_id IS NULL")
			.param("job", job.id())
			.param("id", preview.id())
			.update();
		if (claimed == 0) {
			throw InvalidInputException.conflict(null, "import.job.alreadyCommitted");
		}
		return job;
	}

	/** Queues a failed job again, on its stored file; its creator or an operator may. */
	@Transactional
	public ImportJob retry(String jobId) {
		ImportJob job = get(jobId);
		KhienUser user = currentUser.get();
		boolean operator = user.has(Role.ADMIN) || user.has(Role.PROVINCE_OPERATOR);
		if (!operator && !job.createdBy().equals(user.username())) {
			throw new NotFoundException("import job", jobId);
		}
		if (job.filePurgedAt() != null) {
			throw new FileStore.PurgedException(
					files.find(job.fileId()).map(FileStore.StoredFile::filename).orElse(""));
		}
		if (!job.retryable()) {
			throw InvalidInputException.conflict(null, "import.job.notRetryable");
		}
		int queued = jdbc.sql("""
				UPDATE import_job SET state = 'QUEUED', processed = 0, counts = NULL, problems = NULL, error_key = NULL,
				  error_args = NULL, error_location = NULL, started_at = NULL, finished_at = NULL
				WHERE id = :id AND state = 'FAILED'""").param("id", jobId).update();
		if (queued == 0) {
			throw InvalidInputException.conflict(null, "import.job.notRetryable");
		}
		jdbc.sql("DELETE FROM import_job_progress WHERE job_id = :id").param("id", jobId).update();
		audit.record("IMPORT_RETRY", "import_job", jobId,
				Map.of("state", job.state().name(), "error", job.error() == null ? "" : job.error().messageKey()),
				Map.of("state", State.QUEUED.name()));
		queue.enqueue(jobId);
		return get(jobId);
	}

	/**
	 * The job, when the caller may see it: its creator (within their scope) and
	 * operators; else 404.
	 */
	public ImportJob get(String id) {
		return find(id).orElseThrow(() -> new NotFoundException("import job", id));
	}

	public Optional<ImportJob> find(String id) {
		Visibility v = visibility();
		return v.scope
			.bind(jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE j.id = :id AND " + v.condition)
				.param("id", id)
				.param("me", v.me))
			.query(this::map)
			.optional();
	}

	/**
	 * Jobs the caller may see, newest first; {@code module}/{@code kind} narrow the list.
	 */
	public PageResult<ImportJob> list(@Nullable String module, @Nullable String kind, PageQuery page) {
		return history(new Filter(module, kind, null, null), page).map(Listed::job);
	}

	/**
	 * What a list of jobs is narrowed to; null is any. {@code agencyId} is the agency and
	 * the agencies below it.
	 */
	public record Filter(@Nullable String module, @Nullable String kind, @Nullable State state,
			@Nullable Long agencyId) {
	}

	/** A job with the name of the file it reads, as the imports history lists it. */
	public record Listed(ImportJob job, String filename) {
	}

	/**
	 * Jobs the caller may see (the rule of {@link #get}), newest first unless
	 * {@code page} sorts otherwise; the total is counted up to {@link #COUNT_CAP}.
	 */
	public PageResult<Listed> history(Filter filter, PageQuery page) {
		Visibility v = visibility();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("me", v.me);
		StringBuilder where = new StringBuilder(" WHERE ").append(v.condition);
		if (filter.module() != null) {
			where.append(" AND j.module = :module");
			params.put("module", filter.module());
		}
		if (filter.kind() != null) {
			where.append(" AND j.kind = :kind");
			params.put("kind", filter.kind());
		}
		if (filter.state() != null) {
			where.append(" AND j.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.agencyId() != null) {
			where.append(" AND j.agency_id IN (:agencies)");
			params.put("agencies", List.copyOf(hierarchy.selfAndDescendants(filter.agencyId())));
		}
		String order = page.orderBy(Map.of("createdAt", "j.created_at", "state", "j.state", "kind", "j.kind"),
				"j.created_at DESC");
		// NB: counting stops past the cap, so a province's years of jobs are not counted
		// per request
		long counted = v.scope
			.bind(jdbc
				.sql("SELECT COUNT(*) FROM (SELECT 1 FROM import_job j" + where + " LIMIT " + (COUNT_CAP + 1) + ") c")
				.params(params))
			.query(Long.class)
			.single();
		List<Listed> items = v.scope.bind(jdbc
			.sql("SELECT " + COLUMNS + ", f.filename" + FROM + where + " ORDER BY " + order
					+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())).query((rs, n) -> new Listed(map(rs, n), rs.getString("filename"))).list();
		return new PageResult<>(items, page.page(), page.size(), Math.min(counted, COUNT_CAP), counted > COUNT_CAP,
				null);
	}

	/** The kinds of import the modules offer, by name. */
	public List<String> kinds() {
		return kinds.orderedStream().map(ImportKind::name).toList();
	}

	private record Visibility(String condition, AgencyScope scope, String me) {
	}

	private Visibility visibility() {
		KhienUser user = currentUser.find().orElse(null);
		if (user == null) {
			// NB: fails closed, like CurrentUser: only a system principal that reads the
			// province sees jobs
			return currentUser.scope().unrestricted() ? new Visibility("1=1", AgencyScope.all(), "")
					: new Visibility("1=0", AgencyScope.none(), "");
		}
		if (user.has(Role.ADMIN) || user.has(Role.PROVINCE_OPERATOR)) {
			return new Visibility("1=1", AgencyScope.all(), "");
		}
		AgencyScope scope = currentUser.scopeOf(user);
		return new Visibility("j.created_by = :me AND (j.agency_id IS NULL OR " + scope.filter("j.agency_id") + ")",
				scope, user.username());
	}

	/**
	 * Where a succeeded job of a kind that makes a file has it, for the pages (prefix
	 * {@code /api/v1} for the API); null otherwise.
	 */
	public @Nullable String downloadPath(ImportJob job) {
		if (job.state() != State.SUCCEEDED || job.dryRun()) {
			return null;
		}
		return kinds.orderedStream()
			.filter(k -> k.name().equals(job.kind()) && k.download() != null)
			.findFirst()
			.map(k -> k.download().apply(job))
			.orElse(null);
	}

	private ImportKind kind(String name) {
		return kinds.orderedStream()
			.filter(k -> k.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no import kind " + name));
	}

	/**
	 * Runs a queued job on a worker of the queue. A job found running was interrupted
	 * (its node died): it runs again from the start. When the node stops before the job
	 * is done, the job's work rolls back and it is handed back to the queue.
	 */
	CompletionHandler<Void> execute(String jobId, ExecutionContext context) {
		int started = bookkeeping.execute(s -> jdbc.sql("""
				UPDATE import_job SET state = 'RUNNING', started_at = :at, attempts = attempts + 1
				WHERE id = :id AND state IN ('QUEUED', 'RUNNING')""")
			.param("at", Timestamp.from(Instant.now()))
			.param("id", jobId)
			.update());
		if (started == 0) {
			return JobQueue.done(); // finished already (by an earlier run), or gone
		}
		ImportJob job = unscoped(jobId);
		Optional<KhienUser> submitter = submitter(job.createdBy());
		if (submitter.isEmpty()) {
			fail(jobId, Problem.of("import.job.submitterGone", null, job.createdBy()));
			return JobQueue.done();
		}
		try {
			submitter.get().run(() -> run(job, context));
			return JobQueue.done();
		}
		catch (ImportJob.HandedBack stopping) {
			bookkeeping.executeWithoutResult(
					s -> jdbc.sql("UPDATE import_job SET state = 'QUEUED' WHERE id = :id AND state = 'RUNNING'")
						.param("id", jobId)
						.update());
			log.info("import job {} handed back to the queue: this node is stopping", jobId);
			return JobQueue.handBack();
		}
	}

	/** The submitter as they are now: a disabled or removed account's jobs do not run. */
	private Optional<KhienUser> submitter(String username) {
		return accounts.findByUsername(username).filter(Accounts.Account::enabled).map(KhienUser::of);
	}

	private void run(ImportJob job, ExecutionContext context) {
		FileStore.StoredFile file = files.find(job.fileId()).orElse(null);
		if (file == null) {
			fail(job.id(), Problem.of("import.job.fileGone", null));
			return;
		}
		ImportJob.Processor processor = kind(job.kind()).processor().apply(job);
		var sink = new Progress(job.id(), context);
		try {
			work.executeWithoutResult(status -> {
				// NB: a second run of the same job (a node thought dead) waits here, then
				// finds it finished
				String state = jdbc.sql("SELECT state FROM import_job WHERE id = :id FOR UPDATE")
					.param("id", job.id())
					.query(String.class)
					.single();
				if (State.valueOf(state).finished()) {
					return;
				}
				Object savepoint = status.createSavepoint();
				Outcome outcome = process(job, file, processor, sink, status, savepoint);
				writeOutcome(job.id(), outcome, sink.last);
			});
		}
		catch (ImportJob.HandedBack stopping) {
			throw stopping;
		}
		catch (RuntimeException ex) {
			// the job's transaction itself failed (a lost connection, say): record that
			// outside it
			log.error("import job {} failed", job.id(), ex);
			fail(job.id(), Problem.of("import.job.internal", null));
		}
	}

	private record Outcome(State state, Map<String, Long> counts, List<Problem> problems, @Nullable Problem error) {
	}

	/**
	 * The module's work, undone back to the savepoint when it is refused or is only a
	 * preview.
	 */
	private Outcome process(ImportJob job, FileStore.StoredFile file, ImportJob.Processor processor, Progress sink,
			TransactionStatus status, Object savepoint) {
		ImportJob running = new ImportJob(job.id(), job.module(), job.kind(), job.format(), job.dryRun(), State.RUNNING,
				job.fileId(), job.agencyId(), job.systemId(), 0, Map.of(), List.of(), null, job.createdBy(),
				job.createdAt(), Instant.now(), null, job.attempts(), null, job.filePurgedAt(), job.options(), 0,
				job.bytesTotal());
		try {
			ImportJob.Run run = new ImportJob.Run(running, file, files, sink);
			Map<String, Long> counts = processor.process(run);
			if (job.dryRun()) {
				status.rollbackToSavepoint(savepoint);
			}
			else {
				status.releaseSavepoint(savepoint);
			}
			return new Outcome(State.SUCCEEDED, counts == null ? Map.of() : counts, run.leftOut(), null);
		}
		catch (ImportJob.HandedBack stopping) {
			throw stopping;
		}
		catch (ImportJob.Failure failure) {
			status.rollbackToSavepoint(savepoint);
			return new Outcome(State.FAILED, failure.counts(), failure.problems(), failure.problem());
		}
		catch (InvalidInputException refused) {
			status.rollbackToSavepoint(savepoint);
			Problem problem = Problem.of(refused.messageKey(), null, refused.args());
			return new Outcome(State.FAILED, Map.of(), List.of(problem), problem);
		}
		catch (Exception ex) {
			log.error("import job {} failed", job.id(), ex);
			status.rollbackToSavepoint(savepoint);
			Problem problem = Problem.of("import.job.internal", null);
			return new Outcome(State.FAILED, Map.of(), List.of(problem), problem);
		}
	}

	private void fail(String id, Problem problem) {
		bookkeeping.executeWithoutResult(
				s -> writeOutcome(id, new Outcome(State.FAILED, Map.of(), List.of(problem), problem), 0));
	}

	private void writeOutcome(String id, Outcome outcome, long processed) {
		List<Problem> problems = outcome.problems();
		List<Problem> kept = problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
		Problem error = outcome.error();
		jdbc.sql("""
				UPDATE import_job SET state = :state, processed = :processed, counts = :counts, problems = :problems,
				  error_key = :key, error_args = :args, error_location = :location, finished_at = :at
				WHERE id = :id""")
			.param("state", outcome.state().name())
			.param("processed", Math.max(processed, outcome.counts().getOrDefault("parsed", 0L)))
			.param("counts", json.writeValueAsString(outcome.counts()))
			.param("problems", json.writeValueAsString(kept))
			.param("key", error == null ? null : error.messageKey())
			.param("args", error == null ? null : json.writeValueAsString(error.args()))
			.param("location", error == null ? null : error.location())
			.param("at", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
	}

	private ImportJob unscoped(String id) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE j.id = :id").param("id", id).query(this::map).single();
	}

	/**
	 * Saves progress in its own short transaction, at most every 200 ms, so readers see
	 * it while the work runs; and notices when the node is stopping and the grace period
	 * is over.
	 */
	private final class Progress implements ImportJob.ProgressSink {

		private final String id;

		private final ExecutionContext context;

		private long last;

		private long savedAt;

		private long stoppingSince;

		Progress(String id, ExecutionContext context) {
			this.id = id;
			this.context = context;
		}

		@Override
		public void progress(long processed, long bytesRead, boolean force) {
			last = processed;
			long now = System.nanoTime();
			if (force || now - savedAt > 200_000_000L) {
				savedAt = now;
				checkStopping(now);
				bookkeeping.executeWithoutResult(s -> {
					int n = jdbc.sql("""
							UPDATE import_job_progress SET processed = :p, bytes_read = :b, updated_at = :at
							WHERE job_id = :id""")
						.param("p", processed)
						.param("b", bytesRead)
						.param("at", Timestamp.from(Instant.now()))
						.param("id", id)
						.update();
					if (n == 0) {
						jdbc.sql("""
								INSERT INTO import_job_progress (job_id, processed, bytes_read, updated_at)
								VALUES (:id, :p, :b, :at)""")
							.param("p", processed)
							.param("b", bytesRead)
							.param("at", Timestamp.from(Instant.now()))
							.param("id", id)
							.update();
					}
				});
			}
		}

		private void checkStopping(long now) {
			if (!JobQueue.stopping(context)) {
				return;
			}
			if (stoppingSince == 0) {
				stoppingSince = now;
			}
			else if (now - stoppingSince > queue.grace().toNanos()) {
				throw new ImportJob.HandedBack();
			}
		}

	}

	private ImportJob map(ResultSet rs, int row) throws SQLException {
		String counts = rs.getString("counts");
		String problems = rs.getString("problems");
		String errorKey = rs.getString("error_key");
		String errorArgs = rs.getString("error_args");
		Long agency = rs.getObject("agency_id", Long.class);
		Long system = rs.getObject("system_id", Long.class);
		Timestamp started = rs.getTimestamp("started_at");
		Timestamp finished = rs.getTimestamp("finished_at");
		Timestamp purged = rs.getTimestamp("file_purged_at");
		String options = rs.getString("module_options");
		return new ImportJob(rs.getString("id"), rs.getString("module"), rs.getString("kind"), rs.getString("format"),
				rs.getBoolean("dry_run"), State.valueOf(rs.getString("state")), rs.getLong("file_id"), agency, system,
				rs.getLong("processed"),
				counts == null ? Map.of() : json.readValue(counts, new TypeReference<LinkedHashMap<String, Long>>() {
				}), problems == null ? List.of() : json.readValue(problems, new TypeReference<List<Problem>>() {
				}), errorKey == null ? null : new Problem(errorKey,
						errorArgs == null ? List.of() : json.readValue(errorArgs, new TypeReference<List<String>>() {
						}), rs.getString("error_location")),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				started == null ? null : started.toInstant(), finished == null ? null : finished.toInstant(),
				rs.getInt("attempts"), rs.getString("committed_job_id"), purged == null ? null : purged.toInstant(),
				options == null ? Map.of() : json.readValue(options, new TypeReference<Map<String, String>>() {
				}), rs.getLong("bytes_read"), rs.getLong("bytes_total"));
	}

}
