-- Remote partitioning (ceprint worker, print --remote): which worker holds which partition of a
-- print run. One row per partition step execution. The manager raises dispatch each time it
-- sends the partition; a worker takes the row only for the newest dispatch, with a token of its
-- own, and every chunk it writes first locks the row and checks that the token is still its own.
-- A worker that another has taken over from (it was slow, or the broker gave its partition to
-- another after losing its connection) therefore cannot write another file. REVOKED as the token:
-- the manager gave the partition up. reassign_requested: an operator asked, with print reassign,
-- to give the partition to another worker.
CREATE TABLE print_partition_lease (
    step_execution_id   BIGINT        NOT NULL PRIMARY KEY,
    run_id              BIGINT        NOT NULL,
    partition_name      VARCHAR(100)  NOT NULL,
    dispatch            INT           NOT NULL,
    holder              VARCHAR(200)  NULL,
    holder_token        VARCHAR(36)   NULL,
    taken_at            DATETIME(3)   NULL,
    reassign_requested  BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_print_partition_lease_run FOREIGN KEY (run_id) REFERENCES print_run (id)
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_print_partition_lease_run ON print_partition_lease (run_id, partition_name);
