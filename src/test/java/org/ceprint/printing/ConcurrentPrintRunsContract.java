package org.ceprint.printing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.ceprint.authenticity.SigningKeys;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.printing.internal.PrintingProperties;
import org.ceprint.testsupport.ChildJvm.Result;
import org.ceprint.testsupport.ChildJvm;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.willAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exactly once across runs: three print runs over the same selection, one through the
 * admin API of this test's application and two from the command line in child JVMs, print
 * every certificate in exactly one of their manifests. The runs overlap for certain: the
 * API's run is recorded (and so claims the selection) first and is then held before its
 * job starts until both children have ended, so each child meets every certificate held
 * by an unfinished run and must list it in its rejects.csv with that run's number instead
 * of printing it. A {@code --reprint} afterwards prints the listed certificates again and
 * its manifest says REPRINTED. Runs on H2 (children reach the test's file database
 * through AUTO_SERVER) and on MariaDB.
 */
@SpringBootTest(properties = { "ceprint.admin.token=concurrent-runs", "ceprint.printing.documents-per-file=20" })
@AutoConfigureMockMvc
abstract class ConcurrentPrintRunsContract {

	private static final int PEOPLE = 160;

	private static final String TOKEN = "Bearer concurrent-runs";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@MockitoSpyBean
	PrintRuns printRuns;

	@Autowired
	PrintingProperties printing;

	/**
	 * The test's data folder (keys, and for H2 the database), shared with the children.
	 */
	abstract Path dataDir();

	/** What a child JVM needs on its command line to reach the test's database. */
	abstract List<String> databaseArguments();

	@Test
	void threeOverlappingRunsPrintEveryCertificateInExactlyOneManifest() throws Exception {
		this.generator.clearRegistry();
		this.generator.generate(11, PEOPLE);
		Path output = this.printing.outputDir().toAbsolutePath();
		Set<Path> earlierFolders = folders(output);
		List<String> printAll = new ArrayList<>(
				List.of("print", "certificates", "--ceprint.printing.documents-per-file=20"));
		printAll.addAll(databaseArguments());
		// the API's run, once recorded with its claims, waits here until both children
		// have ended: it is unfinished for the whole of their lives
		CountDownLatch childrenEnded = new CountDownLatch(1);
		willAnswer((invocation) -> {
			if (!childrenEnded.await(4, TimeUnit.MINUTES)) {
				throw new IllegalStateException("the children did not end in four minutes");
			}
			return invocation.callRealMethod();
		}).given(this.printRuns).execute(anyLong());

		String started = this.mvc
			.perform(post("/admin/print-runs").header("Authorization", TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"job\":\"certificates\"}"))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int apiRun = JsonPath.read(started, "$.runId");
		Process first = ChildJvm.start(output.getParent(), dataDir(), output, printAll);
		Process second = ChildJvm.start(output.getParent(), dataDir(), output, printAll);
		Result one = ChildJvm.finish(first, printAll);
		Result two = ChildJvm.finish(second, printAll);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM print_run WHERE id = :id AND completed_at IS NULL")
			.param("id", apiRun)
			.query(Integer.class)
			.single()).as("the API's run is still unfinished when both children have ended").isOne();
		childrenEnded.countDown();
		awaitCompletion(apiRun);
		assertThat(one.exitCode()).as(one.output()).isZero();
		assertThat(two.exitCode()).as(two.output()).isZero();

		List<Path> runs = new ArrayList<>(folders(output));
		runs.removeAll(earlierFolders);
		assertThat(runs).hasSize(3);
		Map<String, String> printedBy = new HashMap<>();
		SigningKeys keys = SigningKeys.forVerifying(dataDir().resolve("keys"), Set.of());
		for (Path folder : runs) {
			String run = runId(folder);
			// complete by its files: pages, hashes, and the QR code of each file's first
			// booklet
			for (String[] line : RunFolderAudit.of(folder).readingQrCodes(keys, false).complete()) {
				String earlier = printedBy.put(line[0], run);
				assertThat(earlier).as("%s printed by run %s and by run %s", line[0], earlier, run).isNull();
				assertThat(line[6]).isEqualTo("PRINTED");
			}
		}
		assertThat(printedBy.keySet()).isEqualTo(validCertificates());
		// a run that met another one's claims names it, and that run printed the
		// certificate
		int held = 0;
		for (Path folder : runs) {
			for (String line : Files.readAllLines(folder.resolve("rejects.csv"))
				.subList(1, Files.readAllLines(folder.resolve("rejects.csv")).size())) {
				String[] fields = line.split(",", 3);
				assertThat(fields[2]).startsWith("正由打印批次 " + printedBy.get(fields[0]) + " 打印");
				held++;
			}
		}
		// every certificate was held by the API's unfinished run when each child met it
		assertThat(printedBy.values()).containsOnly(String.valueOf(apiRun));
		assertThat(held).as("each child set every certificate aside").isEqualTo(2 * PEOPLE);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM print_claim").query(Integer.class).single()).isZero();

		List<String> three = printedBy.keySet().stream().sorted().limit(3).toList();
		List<String> reprint = new ArrayList<>(
				List.of("print", "certificates", "--reprint", "--numbers", String.join(",", three)));
		reprint.addAll(databaseArguments());
		Result again = ChildJvm.finish(ChildJvm.start(output.getParent(), dataDir(), output, reprint), reprint);
		assertThat(again.exitCode()).as(again.output()).isZero();
		Path reprintFolder = folders(output).stream()
			.filter((folder) -> !earlierFolders.contains(folder) && !runs.contains(folder))
			.findFirst()
			.orElseThrow();
		List<String[]> reprinted = RunFolderAudit.of(reprintFolder).complete();
		assertThat(reprinted).extracting((line) -> line[0]).containsExactlyInAnyOrderElementsOf(three);
		assertThat(reprinted).extracting((line) -> line[6]).containsOnly("REPRINTED");
	}

	private void awaitCompletion(int runId) throws Exception {
		long deadline = System.nanoTime() + 240_000_000_000L;
		while (System.nanoTime() < deadline) {
			String body = this.mvc.perform(get("/admin/print-runs/" + runId).header("Authorization", TOKEN))
				.andReturn()
				.getResponse()
				.getContentAsString();
			String state = JsonPath.read(body, "$.state");
			if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
				assertThat(state).as(body).isEqualTo("COMPLETED");
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the admin API's run did not end in four minutes");
	}

	private Set<String> validCertificates() {
		return new HashSet<>(this.jdbc.sql("SELECT certificate_no FROM certificate WHERE status = 'VALID'")
			.query(String.class)
			.list());
	}

	private static String runId(Path folder) {
		String name = folder.getFileName().toString();
		return name.substring(name.lastIndexOf('-') + 1);
	}

	private static Set<Path> folders(Path output) throws Exception {
		if (!Files.isDirectory(output)) {
			return Set.of();
		}
		try (Stream<Path> folders = Files.list(output)) {
			return new HashSet<>(folders.filter(Files::isDirectory)
				.filter((folder) -> folder.getFileName().toString().contains("-certificates-"))
				.toList());
		}
	}

}
