package vn.khien.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The database-backed queue behind import jobs and {@link ScheduledWork} (db-scheduler,
 * ADR 0004). A job queued inside a transaction is queued only if it commits; a job whose
 * node died (no heartbeat) is run again by another node or after the restart; one
 * execution is picked by one node at a time.
 */
@Component
class JobQueue implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JobQueue.class);

	static final String IMPORT_TASK = "import-job";

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final CustomTask<Void> importTask;

	private final List<RecurringTask<Void>> recurring = new ArrayList<>();

	private final DataSource dataSource;

	private final KhienSettings.Jobs config;

	// Queues work whether or not this node runs it (a paused test context, a node
	// stopping)
	private final SchedulerClient client;

	private volatile @Nullable Scheduler scheduler;

	JobQueue(DataSource dataSource, KhienSettings settings, ObjectProvider<ImportJobs> jobs,
			List<ScheduledWork> scheduledWork) {
		this.importTask = Tasks.custom(IMPORT_TASK, Void.class)
			.execute((instance, context) -> jobs.getObject().execute(jobIdOf(instance.getId()), context));
		for (ScheduledWork work : scheduledWork) {
			recurring.add(Tasks.recurring(work.name(), Schedules.cron(work.cron(), ZONE))
				.execute((instance, context) -> work.principal().run(work.work())));
		}
		this.dataSource = new TransactionAwareDataSourceProxy(dataSource);
		this.config = settings.jobs();
		List<Task<?>> known = new ArrayList<>(recurring);
		known.add(importTask);
		this.client = SchedulerClient.Builder.create(this.dataSource, known).build();
	}

	/**
	 * Queues an import job; inside a transaction it starts once that commits. Each
	 * queuing is its own execution ({@code jobId/n}), so a retry never collides with the
	 * finished run still being removed.
	 */
	void enqueue(String jobId) {
		client.schedule(importTask.instance(jobId + "/" + UUID.randomUUID().toString().substring(0, 8)), Instant.now());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					checkNow();
				}
			});
		}
		else {
			checkNow();
		}
	}

	static String jobIdOf(String instanceId) {
		int slash = instanceId.indexOf('/');
		return slash < 0 ? instanceId : instanceId.substring(0, slash);
	}

	private void checkNow() {
		Scheduler running = scheduler;
		if (running != null) {
			running.triggerCheckForDueExecutions();
		}
	}

	/**
	 * Whether this node is stopping, so that a running job can hand itself back in time.
	 */
	static boolean stopping(ExecutionContext context) {
		return context.getSchedulerState().isShuttingDown();
	}

	/**
	 * Puts an interrupted job back in the queue, due at once, for whichever node runs
	 * next.
	 */
	static CompletionHandler<Void> handBack() {
		return (complete, operations) -> operations.reschedule(complete, Instant.now());
	}

	static CompletionHandler<Void> done() {
		return new CompletionHandler.OnCompleteRemove<>();
	}

	// NB: a stopped db-scheduler cannot start again, so each start builds a new one
	@Override
	public synchronized void start() {
		if (scheduler != null) {
			return;
		}
		Scheduler fresh = Scheduler.create(dataSource, List.of(importTask))
			.startTasks(recurring)
			.threads(config.threads())
			.pollingInterval(config.pollingInterval())
			.heartbeatInterval(config.heartbeat())
			.missedHeartbeatsLimit(config.missedHeartbeats())
			.shutdownMaxWait(config.shutdownGrace().plusSeconds(10))
			.enableImmediateExecution()
			.build();
		fresh.start();
		scheduler = fresh;
	}

	@Override
	public synchronized void stop() {
		Scheduler running = scheduler;
		if (running == null) {
			return;
		}
		log.info("Stopping the job queue; running jobs have {} to finish before they are handed back",
				config.shutdownGrace());
		running.stop();
		scheduler = null;
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

	// NB: stops before the web server and the data source, starts after them
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

	java.time.Duration grace() {
		return config.shutdownGrace();
	}

}
