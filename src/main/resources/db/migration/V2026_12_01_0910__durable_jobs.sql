-- The queue of import jobs and scheduled work (module: platform), kept by db-scheduler so that work
-- survives a crash and runs once across nodes. Layout as db-scheduler's postgresql_tables.sql, with
-- VARCHAR keys instead of TEXT so that H2 can index them.
CREATE TABLE scheduled_tasks (
  task_name            VARCHAR(100) NOT NULL,
  task_instance        VARCHAR(200) NOT NULL,
  task_data            BYTEA,
  execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
  picked               BOOLEAN NOT NULL,
  picked_by            VARCHAR(100),
  last_success         TIMESTAMP WITH TIME ZONE,
  last_failure         TIMESTAMP WITH TIME ZONE,
  consecutive_failures INT,
  last_heartbeat       TIMESTAMP WITH TIME ZONE,
  version              BIGINT NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- How often a job was started (a crash makes it run again), and which job a confirmed preview became
ALTER TABLE import_job ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE import_job ADD COLUMN committed_job_id VARCHAR(36);

-- Progress of a running job, written in short transactions beside the job's own long one, which holds
-- the job's row locked (hence no foreign key: its check would wait for that lock)
CREATE TABLE import_job_progress (
  job_id     VARCHAR(36) PRIMARY KEY,
  processed  BIGINT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Jobs left queued or running by the in-memory queue before this version can never finish: say so
UPDATE import_job SET state = 'FAILED', error_key = 'import.job.interrupted', finished_at = CURRENT_TIMESTAMP
WHERE state IN ('QUEUED', 'RUNNING');
