package org.ceprint.printing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.rendering.RegisterCardRenderer;
import org.ceprint.rendering.RegisterCardView;
import org.ceprint.rendering.RenderOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

/**
 * Print runs that fail for a person log what an operator needs (the run, the document
 * number, the reason) and never the person's name or ID number: neither on the console
 * nor in the log file, not even when an exception's message carries the person's records,
 * as a library's message may.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class PrintRunLogPrivacyTests {

	private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");

	/** CJK Extension G: in no shipped font, so the renderer sets the booklet aside. */
	private static final String UNPRINTABLE = new String(Character.toChars(0x30EDE));

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	PrintRuns printRuns;

	@Autowired
	JdbcClient jdbc;

	@MockitoSpyBean
	RegisterCardRenderer registerCards;

	@Value("${ceprint.data-dir}/logs/ceprint.log")
	Path logFile;

	@Test
	void aPrintThatFailsForAPersonLogsNeitherTheirNameNorTheirIdNumber(CapturedOutput console) throws Exception {
		this.generator.clearRegistry();
		this.generator.generate(7, 12);
		List<Map<String, Object>> people = this.jdbc.sql("""
				SELECT p.id, p.name, p.id_number, c.certificate_no FROM person p
				JOIN certificate c ON c.person_id = p.id AND c.status = 'VALID' ORDER BY p.id
				""").query().listOfRows();
		Map<String, Object> unprintable = people.get(0);
		Map<String, Object> failing = people.get(1);
		String unprintableName = unprintable.get("name") + UNPRINTABLE;
		this.jdbc.sql("UPDATE person SET name = :name WHERE id = :id")
			.param("name", unprintableName)
			.param("id", unprintable.get("id"))
			.update();
		String failingNo = (String) failing.get("certificate_no");
		// a fault whose message carries the views, as Jasper's or a collector's may
		doAnswer((call) -> {
			List<RegisterCardView> views = call.getArgument(0);
			if (views.stream().anyMatch((view) -> view.certificateNo().equals(failingNo))) {
				throw new IllegalStateException("模拟的渲染故障：" + views);
			}
			return call.callRealMethod();
		}).when(this.registerCards).render(anyList(), any(RenderOptions.class), any(OutputStream.class));
		long logStart = Files.exists(this.logFile) ? Files.size(this.logFile) : 0;

		PrintRunResult setAside = this.printRuns.run(PrintRequest
			.certificates(List.of((String) unprintable.get("certificate_no")), false, PrintStyle.DEFAULT));
		PrintRunResult failed = runCatching(PrintRequest.registerCards(List.of(failingNo)));

		assertThat(setAside.rejected()).as("the booklet with the unprintable name is set aside").isEqualTo(1);
		assertThat(failed == null || !failed.complete()).as("the register card run fails").isTrue();
		String logged = console.getAll() + appendedSince(logStart);
		assertThat(logged).as("the failures are logged").contains("U+30EDE", "模拟的渲染故障", failingNo);
		assertThat(ID_NUMBER.matcher(logged).results().map((match) -> match.group()).toList())
			.as("ID numbers in the log")
			.isEmpty();
		assertThat(logged).doesNotContain(unprintableName, (String) unprintable.get("name"),
				(String) failing.get("name"), (String) unprintable.get("id_number"), (String) failing.get("id_number"));
	}

	private PrintRunResult runCatching(PrintRequest request) {
		try {
			return this.printRuns.run(request);
		}
		catch (Exception ex) {
			return null;
		}
	}

	private String appendedSince(long start) throws IOException {
		if (!Files.exists(this.logFile)) {
			return "";
		}
		try (RandomAccessFile file = new RandomAccessFile(this.logFile.toFile(), "r")) {
			byte[] bytes = new byte[(int) (file.length() - start)];
			file.seek(start);
			file.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

}
