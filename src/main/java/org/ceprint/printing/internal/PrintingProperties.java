package org.ceprint.printing.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of print runs.
 *
 * @param outputDir where run folders are created
 * @param documentsPerFile how many documents one PDF file holds; also the chunk size, so
 * each file is written and committed with its chunk
 * @param threads how many partitions (cities) print at once; 0 for one per processor
 * @param remote the settings of print runs spread over worker processes
 * @param preflight the checks of a run's files before it is marked complete
 */
@ConfigurationProperties("ceprint.printing")
public record PrintingProperties(@DefaultValue("print-batches") Path outputDir,
		@DefaultValue("200") int documentsPerFile, @DefaultValue("0") int threads, @DefaultValue Remote remote,
		@DefaultValue Preflight preflight) {

	public PrintingProperties {
		if (documentsPerFile < 1 || documentsPerFile > 5000) {
			throw new IllegalArgumentException(
					"ceprint.printing.documents-per-file 须在 1 到 5000 之间：" + documentsPerFile);
		}
		if (threads < 0 || threads > 64) {
			throw new IllegalArgumentException("ceprint.printing.threads 须在 0 到 64 之间：" + threads);
		}
	}

	/** The threads a partitioned step uses. */
	public int effectiveThreads() {
		return (this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * The preflight (README, "发布前检查"): before {@code _COMPLETE} is written, every file's
	 * page ranges are checked against print_document and, of the sampled documents, every
	 * page's glyphs and every QR code read back from a 150 dpi raster.
	 *
	 * @param enabled run the preflight at all; off, a run completes unchecked
	 * @param sampleRate the share of documents whose pages and QR codes are checked, 0 to
	 * 1: which ones depends on their kind and number alone, the same on every run and
	 * resumption
	 */
	public record Preflight(@DefaultValue("true") boolean enabled, @DefaultValue("1.0") double sampleRate) {

		public Preflight {
			if (!(sampleRate >= 0 && sampleRate <= 1)) {
				throw new IllegalArgumentException(
						"ceprint.printing.preflight.sample-rate 须在 0 到 1 之间（1 为逐份检查，0 只核对页数；关闭检查用 ceprint.printing.preflight.enabled=false）："
								+ sampleRate);
			}
		}

	}

	/**
	 * Remote partitioning over RabbitMQ (README, "多台机器打印"): a manager ({@code print
	 * --remote}) sends the partitions of its by-city steps to worker processes
	 * ({@code ceprint worker}) that share its database and print-batch folder.
	 *
	 * @param enabled connect to the broker: set by {@code print --remote} and
	 * {@code worker}, or in the configuration of a server whose admin API starts runs
	 * @param worker consume partitions (set by {@code worker})
	 * @param brokerAddresses host:port of RabbitMQ, comma-separated for a cluster
	 * @param brokerUsername the broker account
	 * @param brokerPassword its password
	 * @param brokerVirtualHost the broker's virtual host
	 * @param queue the queue partitions are sent on
	 * @param partitionSize documents of one kind per partition: a city larger than this
	 * is split into ranges of whole units; 0 for one partition per city
	 * @param workerConcurrency partitions one worker prints at once; 0 for one per
	 * processor
	 * @param partitionTimeout how long a partition may show no progress (no chunk
	 * committed, not taken) before the manager sends it again
	 * @param maxDispatches how often a partition is sent before the manager gives it up
	 * and fails the step ({@code print resume} runs it again)
	 * @param pollInterval how often the manager reads the partitions' progress
	 */
	public record Remote(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean worker,
			@DefaultValue("127.0.0.1:5672") String brokerAddresses, @DefaultValue("guest") String brokerUsername,
			@DefaultValue("guest") String brokerPassword, @DefaultValue("/") String brokerVirtualHost,
			@DefaultValue("ceprint.print.partitions") String queue, @DefaultValue("2000") int partitionSize,
			@DefaultValue("0") int workerConcurrency, @DefaultValue("5m") Duration partitionTimeout,
			@DefaultValue("3") int maxDispatches, @DefaultValue("1s") Duration pollInterval) {

		public Remote {
			if (partitionSize != 0 && partitionSize < 100) {
				throw new IllegalArgumentException(
						"ceprint.printing.remote.partition-size 须为 0（每市一个分区）或不少于 100：" + partitionSize);
			}
			if (workerConcurrency < 0 || workerConcurrency > 64) {
				throw new IllegalArgumentException(
						"ceprint.printing.remote.worker-concurrency 须在 0 到 64 之间：" + workerConcurrency);
			}
			if (maxDispatches < 1) {
				throw new IllegalArgumentException("ceprint.printing.remote.max-dispatches 至少为 1：" + maxDispatches);
			}
			if (partitionTimeout.isNegative() || partitionTimeout.isZero() || pollInterval.isNegative()
					|| pollInterval.isZero()) {
				throw new IllegalArgumentException("ceprint.printing.remote 的 partition-timeout 与 poll-interval 须为正");
			}
		}

		/** The partitions one worker prints at once. */
		public int effectiveWorkerConcurrency() {
			return (this.workerConcurrency > 0) ? this.workerConcurrency : Runtime.getRuntime().availableProcessors();
		}

	}

}
