package org.ceprint.printing;

import java.time.LocalDateTime;

import org.springframework.batch.core.BatchStatus;

/**
 * One partition of a print run's by-city step, as {@code print status} shows it.
 *
 * @param kind the documents the step prints, in Chinese
 * @param partition the partition's name: a city code, with the unit range's part when the
 * city is split ({@code 360100-p2})
 * @param status its latest execution's status
 * @param written documents written by its latest execution
 * @param dispatches how often the manager of a remote run sent it; 0 in a run printed by
 * one process
 * @param worker the worker holding it (host:pid#thread), or null
 * @param lastUpdated when its latest execution last committed
 */
public record PartitionStatus(String kind, String partition, BatchStatus status, long written, int dispatches,
		String worker, LocalDateTime lastUpdated) {

	/** The status in Chinese. */
	public String statusText() {
		return switch (this.status) {
			case COMPLETED -> "已完成";
			case STARTING -> "等待工作进程";
			case STARTED -> "进行中";
			case STOPPING, STOPPED -> "已停止";
			case FAILED -> "失败";
			case ABANDONED -> "已放弃";
			case UNKNOWN -> "状态未知";
		};
	}

}
