package org.ceprint.commandline.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code worker}: prints the partitions that managers of remote runs ({@code print
 * --remote}) send over RabbitMQ, until stopped. It shares the managers' database, signing
 * keys and print-batch folder (README, "多台机器打印").
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
		description = "工作进程：接收分布式打印批次（print --remote）经 RabbitMQ 发来的分区并打印，直到停止（Ctrl+C）")
class WorkerCommand implements Callable<Integer>, StartChecks {

	@Option(names = "--concurrency", paramLabel = "个数", description = "同时打印的分区数（默认：处理器个数）")
	Integer concurrency;

	@Override
	public OptionalInt refusal() {
		if (this.concurrency != null && (this.concurrency < 1 || this.concurrency > 64)) {
			System.err.println("--concurrency 须在 1 到 64 之间：" + this.concurrency);
			return OptionalInt.of(2);
		}
		return OptionalInt.empty();
	}

	@Override
	public Map<String, String> settings() {
		Map<String, String> settings = new HashMap<>(PrintCommand.REMOTE_SETTINGS);
		settings.put("ceprint.printing.remote.worker", "true");
		if (this.concurrency != null) {
			settings.put("ceprint.printing.remote.worker-concurrency", String.valueOf(this.concurrency));
		}
		return settings;
	}

	@Override
	public Integer call() throws InterruptedException {
		System.out.println("工作进程已启动，等待分区（Ctrl+C 停止；正在打印的分区由其他工作进程接手）");
		// the broker's consumers print on their own threads; this one waits until the
		// process is stopped, when the context closes and they stop
		new CountDownLatch(1).await();
		return 0;
	}

}
