package org.ceprint.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Certificate numbers stay unique when many clerks draw at once, on H2 and on MariaDB.
 */
@SpringBootTest
abstract class CertificateNumberAllocatorContract {

	@Autowired
	CertificateNumberAllocator allocator;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void noSequences() {
		this.jdbc.sql("DELETE FROM certificate_number_sequence").update();
	}

	@Test
	void concurrentDrawsGiveDistinctConsecutiveNumbers() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<List<String>>> clerks = new ArrayList<>();
			for (int clerk = 0; clerk < 8; clerk++) {
				clerks.add(() -> {
					List<String> drawn = new ArrayList<>();
					for (int i = 0; i < 50; i++) {
						drawn.add(this.allocator.next("360700", 2025));
					}
					return drawn;
				});
			}
			Set<String> all = new HashSet<>();
			for (Future<List<String>> drawn : pool.invokeAll(clerks)) {
				all.addAll(drawn.get());
			}
			assertThat(all).hasSize(400);
			Set<String> expected = new HashSet<>();
			for (int serial = 1; serial <= 400; serial++) {
				expected.add(CertificateNumbers.format("360700", 2025, serial));
			}
			assertThat(all).isEqualTo(expected);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void blocksFollowEachOtherPerChannelAndYear() {
		assertThat(this.allocator.allocate("360100", 2024, 3)).containsExactly(
				CertificateNumbers.format("360100", 2024, 1), CertificateNumbers.format("360100", 2024, 2),
				CertificateNumbers.format("360100", 2024, 3));
		assertThat(this.allocator.next("360100", 2024)).isEqualTo(CertificateNumbers.format("360100", 2024, 4));
		assertThat(this.allocator.next("360100", 2025)).isEqualTo(CertificateNumbers.format("360100", 2025, 1));
		assertThat(this.allocator.next("360000", 2024)).isEqualTo(CertificateNumbers.format("360000", 2024, 1));
	}

	@Test
	void anUnknownChannelIsRefused() {
		assertThatThrownBy(() -> this.allocator.next("369900", 2024)).hasMessageContaining("发证机关代码 369900 未知");
	}

}
