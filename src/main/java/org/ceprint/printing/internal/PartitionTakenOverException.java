package org.ceprint.printing.internal;

/**
 * A worker's chunk found that its partition is no longer its own: another worker took it
 * over, or the manager gave it up. The chunk rolls back without renaming its file.
 */
class PartitionTakenOverException extends RuntimeException {

	PartitionTakenOverException(long stepExecutionId) {
		super("分区（步骤执行 %d）已由其他工作进程接手或已被管理进程收回，本进程不再写入".formatted(stepExecutionId));
	}

}
