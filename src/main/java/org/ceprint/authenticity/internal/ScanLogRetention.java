package org.ceprint.authenticity.internal;

import java.time.Clock;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the scan log to {@code ceprint.authenticity.scan-retention}: at
 * {@code ceprint.authenticity.prune-cron} (daily at 03:30 by default, {@code -} for
 * never) the older rows are counted per office, document and day and deleted. Only while
 * serving: commands run without a web server, and so without a scheduler thread.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
public class ScanLogRetention {

	private static final Logger logger = LoggerFactory.getLogger(ScanLogRetention.class);

	private final ScanLog scans;

	private final AuthenticityProperties properties;

	private final Clock clock;

	ScanLogRetention(ScanLog scans, AuthenticityProperties properties, Clock clock) {
		this.scans = scans;
		this.properties = properties;
		this.clock = clock;
	}

	/** Prunes the rows older than the retention period; returns how many it deleted. */
	@Scheduled(cron = "${ceprint.authenticity.prune-cron:0 30 3 * * *}", zone = "${ceprint.time-zone:Asia/Shanghai}")
	public int prune() {
		LocalDateTime cutoff = LocalDateTime.now(this.clock).minus(this.properties.scanRetention());
		int deleted = this.scans.prune(cutoff);
		if (deleted > 0) {
			logger.info("查验记录：已删除 {} 之前的 {} 条记录（按文件和日期的查验次数已保留）", cutoff.toLocalDate(), deleted);
		}
		return deleted;
	}

}
