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
import java.util.concurrent.RejectedExecutionException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.platform.ImportJob.Problem;
import vn.khien.platform.ImportJob.State;

/**
 * Runs uploads as jobs (the import-job convention of docs/architecture.md): the job row is written with the
 * request, the work starts on a small pool once the request's transaction has committed, runs in ONE
 * transaction (all or nothing), and leaves its state, counts and first problem on the row for the status API
 * and the progress page.
 */
@Component
public class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** Problems kept on a failed job for the page to list; the rest are only counted. */
	public static final int MAX_PROBLEMS = 100;

	static final String COLUMNS = """
			id, module, kind, format, dry_run, state, file_id, agency_id, system_id, processed, counts, problems,
			error_key, error_args, error_location, created_by, created_at, started_at, finished_at,
			(SELECT f.deleted_at FROM stored_file f WHERE f.id = j.file_id) AS file_purged_at""";

	private final JdbcClient jdbc;

	private final FileStore files;

	private final CurrentUser currentUser;

	private final JsonMapper json;

	private final TransactionTemplate work;

	private final TransactionTemplate bookkeeping;

	// Looked up when first needed: the modules' kinds depend on this class themselves
	private final org.springframework.beans.factory.ObjectProvider<ImportKind> kinds;

	private final ThreadPoolTaskExecutor executor;

	ImportJobs(JdbcClient jdbc, FileStore files, CurrentUser currentUser, JsonMapper json,
			PlatformTransactionManager transactions, org.springframework.beans.factory.ObjectProvider<ImportKind> kinds) {
		this.jdbc = jdbc;
		this.files = files;
		this.currentUser = currentUser;
		this.json = json;
		this.work = new TransactionTemplate(transactions);
		this.bookkeeping = new TransactionTemplate(transactions);
		this.bookkeeping.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.kinds = kinds;
		// Two workers: imports are heavy and the server is small; the rest wait queued.
		this.executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(2);
		executor.setMaxPoolSize(2);
		executor.setQueueCapacity(200);
		executor.setThreadNamePrefix("import-");
		executor.initialize();
	}

	@PreDestroy
	void stop() {
		executor.shutdown();
	}

	/** Submits a job of a registered {@link ImportKind}. */
	public ImportJob submit(String kind, FileStore.StoredFile file, @Nullable Long agencyId, @Nullable Long systemId,
			@Nullable String format, boolean dryRun) {
		ImportKind registered = kind(kind);
		return submit(registered.module(), kind, file, agencyId, systemId, format, dryRun, registered.processor());
	}

	/**
	 * Submits a job with its own processor. It starts after the caller's transaction commits (at once when
	 * there is none) and runs as the submitting user.
	 */
	public ImportJob submit(String module, String kind, FileStore.StoredFile file, @Nullable Long agencyId,
			@Nullable Long systemId, @Nullable String format, boolean dryRun,
			java.util.function.Function<ImportJob, ImportJob.Processor> processor) {
		String id = UUID.randomUUID().toString();
		Instant now = Instant.now();
		jdbc.sql("""
				INSERT INTO import_job (id, module, kind, format, dry_run, state, file_id, agency_id, system_id,
				  processed, created_by, created_at)
				VALUES (:id, :module, :kind, :format, :dryRun, 'QUEUED', :file, :agency, :system, 0, :by, :at)""")
			.param("id", id)
			.param("module", module)
			.param("kind", kind)
			.param("format", format)
			.param("dryRun", dryRun)
			.param("file", file.id())
			.param("agency", agencyId)
			.param("system", systemId)
			.param("by", currentUser.name())
			.param("at", Timestamp.from(now))
			.update();
		ImportJob job = new ImportJob(id, module, kind, format, dryRun, State.QUEUED, file.id(), agencyId, systemId, 0,
				Map.of(), List.of(), null, currentUser.name(), now, null, null, file.deletedAt());
		Authentication submitter = SecurityContextHolder.getContext().getAuthentication();
		Runnable start = () -> {
			try {
				executor.execute(() -> runAs(submitter, job, file, processor.apply(job)));
			}
			catch (RejectedExecutionException ex) {
				finish(job.id(), State.FAILED, 0, Map.of(), List.of(), Problem.of("import.job.busy", null));
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					start.run();
				}
			});
		}
		else {
			start.run();
		}
		return job;
	}

	/**
	 * Runs a previewed (dry-run) job for real, on the same stored file, as a new job. Only jobs the caller
	 * may see can be committed; the module checks write permission when its processor runs. A preview whose
	 * upload has been purged ({@link UploadRetention}) is refused with {@link FileStore.PurgedException}.
	 */
	public ImportJob commit(String dryRunJobId) {
		ImportJob preview = get(dryRunJobId);
		if (!preview.dryRun() || preview.state() != State.SUCCEEDED) {
			throw InvalidInputException.conflict(null, "import.job.notCommittable");
		}
		FileStore.StoredFile file = files.find(preview.fileId())
			.orElseThrow(() -> new NotFoundException("stored file", preview.fileId()));
		if (file.purged()) {
			throw new FileStore.PurgedException(file.filename());
		}
		return submit(preview.kind(), file, preview.agencyId(), preview.systemId(), preview.format(), false);
	}

	/** The job, when the caller may see it: its creator (within their scope) and operators; else 404. */
	public ImportJob get(String id) {
		return find(id).orElseThrow(() -> new NotFoundException("import job", id));
	}

	public Optional<ImportJob> find(String id) {
		Visibility v = visibility();
		return v.scope.bind(jdbc.sql("SELECT " + COLUMNS + " FROM import_job j WHERE j.id = :id AND " + v.condition)
			.param("id", id)
			.param("me", v.me)).query(this::map).optional();
	}

	/** Jobs the caller may see, newest first; {@code module}/{@code kind} narrow the list. */
	public PageResult<ImportJob> list(@Nullable String module, @Nullable String kind, PageQuery page) {
		Visibility v = visibility();
		String where = " FROM import_job j WHERE " + v.condition + (module == null ? "" : " AND j.module = :module")
				+ (kind == null ? "" : " AND j.kind = :kind");
		var count = v.scope.bind(jdbc.sql("SELECT COUNT(*)" + where).param("me", v.me));
		var select = v.scope.bind(jdbc.sql("SELECT " + COLUMNS + where + " ORDER BY "
				+ page.orderBy(Map.of("createdAt", "j.created_at", "state", "j.state", "kind", "j.kind"),
						"j.created_at DESC")
				+ " LIMIT :limit OFFSET :offset").param("me", v.me).param("limit", page.size()).param("offset",
						page.offset()));
		if (module != null) {
			count = count.param("module", module);
			select = select.param("module", module);
		}
		if (kind != null) {
			count = count.param("kind", kind);
			select = select.param("kind", kind);
		}
		long total = count.query(Long.class).single();
		return new PageResult<>(select.query(this::map).list(), page.page(), page.size(), total);
	}

	private record Visibility(String condition, AgencyScope scope, String me) {
	}

	private Visibility visibility() {
		KhienUser user = currentUser.find().orElse(null);
		if (user == null || user.has(Role.ADMIN) || user.has(Role.PROVINCE_OPERATOR)) {
			return new Visibility("1=1", AgencyScope.all(), "");
		}
		AgencyScope scope = currentUser.scopeOf(user);
		return new Visibility("j.created_by = :me AND (j.agency_id IS NULL OR " + scope.filter("j.agency_id") + ")",
				scope, user.username());
	}

	private ImportKind kind(String name) {
		return kinds.orderedStream()
			.filter(k -> k.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no import kind " + name));
	}

	private void runAs(@Nullable Authentication submitter, ImportJob job, FileStore.StoredFile file,
			ImportJob.Processor processor) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(submitter);
		SecurityContextHolder.setContext(context);
		try {
			run(job, file, processor);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void run(ImportJob job, FileStore.StoredFile file, ImportJob.Processor processor) {
		bookkeeping.executeWithoutResult(s -> jdbc
			.sql("UPDATE import_job SET state = 'RUNNING', started_at = :at WHERE id = :id")
			.param("at", Timestamp.from(Instant.now()))
			.param("id", job.id())
			.update());
		var sink = new Progress(job.id());
		ImportJob running = new ImportJob(job.id(), job.module(), job.kind(), job.format(), job.dryRun(), State.RUNNING,
				job.fileId(), job.agencyId(), job.systemId(), 0, Map.of(), List.of(), null, job.createdBy(),
				job.createdAt(), Instant.now(), null, job.filePurgedAt());
		try {
			Map<String, Long> counts = work.execute(status -> {
				try {
					Map<String, Long> result = processor.process(new ImportJob.Run(running, file, files, sink));
					if (job.dryRun()) {
						status.setRollbackOnly();
					}
					return result;
				}
				catch (RuntimeException ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			finish(job.id(), State.SUCCEEDED, sink.last, counts == null ? Map.of() : counts, List.of(), null);
		}
		catch (ImportJob.Failure failure) {
			finish(job.id(), State.FAILED, sink.last, failure.counts(), failure.problems(), failure.problem());
		}
		catch (InvalidInputException refused) {
			Problem problem = Problem.of(refused.messageKey(), null, refused.args());
			finish(job.id(), State.FAILED, sink.last, Map.of(), List.of(problem), problem);
		}
		catch (RuntimeException ex) {
			log.error("import job {} failed", job.id(), ex);
			Problem problem = Problem.of("import.job.internal", null);
			finish(job.id(), State.FAILED, sink.last, Map.of(), List.of(problem), problem);
		}
	}

	private void finish(String id, State state, long processed, Map<String, Long> counts, List<Problem> problems,
			@Nullable Problem error) {
		List<Problem> kept = problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
		bookkeeping.executeWithoutResult(s -> jdbc.sql("""
				UPDATE import_job SET state = :state, processed = :processed, counts = :counts, problems = :problems,
				  error_key = :key, error_args = :args, error_location = :location, finished_at = :at
				WHERE id = :id""")
			.param("state", state.name())
			.param("processed", Math.max(processed, counts.getOrDefault("parsed", 0L)))
			.param("counts", json.writeValueAsString(counts))
			.param("problems", json.writeValueAsString(kept))
			.param("key", error == null ? null : error.messageKey())
			.param("args", error == null ? null : json.writeValueAsString(error.args()))
			.param("location", error == null ? null : error.location())
			.param("at", Timestamp.from(Instant.now()))
			.param("id", id)
			.update());
	}

	/** Saves progress in its own short transaction, at most every 200 ms, so readers see it while the work runs. */
	private final class Progress implements ImportJob.ProgressSink {

		private final String id;

		private long last;

		private long savedAt;

		Progress(String id) {
			this.id = id;
		}

		@Override
		public void progress(long processed, boolean force) {
			last = processed;
			long now = System.nanoTime();
			if (force || now - savedAt > 200_000_000L) {
				savedAt = now;
				bookkeeping.executeWithoutResult(s -> jdbc.sql("UPDATE import_job SET processed = :p WHERE id = :id")
					.param("p", processed)
					.param("id", id)
					.update());
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
		return new ImportJob(rs.getString("id"), rs.getString("module"), rs.getString("kind"), rs.getString("format"),
				rs.getBoolean("dry_run"), State.valueOf(rs.getString("state")), rs.getLong("file_id"), agency, system,
				rs.getLong("processed"),
				counts == null ? Map.of() : json.readValue(counts, new TypeReference<LinkedHashMap<String, Long>>() {
				}), problems == null ? List.of() : json.readValue(problems, new TypeReference<List<Problem>>() {
				}),
				errorKey == null ? null
						: new Problem(errorKey, errorArgs == null ? List.of()
								: json.readValue(errorArgs, new TypeReference<List<String>>() {
								}), rs.getString("error_location")),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				started == null ? null : started.toInstant(), finished == null ? null : finished.toInstant(),
				purged == null ? null : purged.toInstant());
	}
}
