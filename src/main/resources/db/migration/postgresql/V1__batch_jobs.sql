-- Batch jobs on PostgreSQL, shared by every replica.

CREATE TABLE batch_job (
  id UUID NOT NULL PRIMARY KEY,
  owner TEXT NOT NULL,
  status VARCHAR(16) NOT NULL,
  total INT NOT NULL,
  processed INT NOT NULL,
  failed INT NOT NULL,
  idempotency_key VARCHAR(255),
  content_hash VARCHAR(64),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE,
  finished_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT batch_job_idempotency UNIQUE (owner, idempotency_key)
);
CREATE INDEX batch_job_status_idx ON batch_job (status, finished_at);

-- The submitted texts; error is set when an item could not be read (it gets an error result).
CREATE TABLE batch_item (
  job_id UUID NOT NULL,
  idx INT NOT NULL,
  item_id VARCHAR(256),
  text TEXT,
  error VARCHAR(500),
  PRIMARY KEY (job_id, idx)
);

-- At most one result per item, whatever re-runs a crash causes: the primary key refuses a second.
CREATE TABLE batch_result (
  job_id UUID NOT NULL,
  idx INT NOT NULL,
  item_id VARCHAR(256),
  sentiment VARCHAR(64),
  score DOUBLE PRECISION,
  error VARCHAR(500),
  PRIMARY KEY (job_id, idx)
);

-- db-scheduler 16.x's table, as its project publishes it for PostgreSQL.
CREATE TABLE scheduled_tasks (
  task_name TEXT NOT NULL,
  task_instance TEXT NOT NULL,
  task_data BYTEA,
  execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
  picked BOOLEAN NOT NULL,
  picked_by TEXT,
  last_success TIMESTAMP WITH TIME ZONE,
  last_failure TIMESTAMP WITH TIME ZONE,
  consecutive_failures INT,
  last_heartbeat TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  priority SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
