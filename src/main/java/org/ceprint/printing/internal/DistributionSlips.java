package org.ceprint.printing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.ceprint.authenticity.DocumentKind;
import org.ceprint.printing.internal.PrintedDocuments.SlipLine;
import org.ceprint.rendering.DistributionSlipRenderer;
import org.ceprint.rendering.DistributionSlipView;

/**
 * Writes the distribution slips (发放清单) of a finished run: for each kind handed to units
 * (certificates, register cards), one slip per unit listing its documents with the file
 * and pages where each lies, in files of at most {@value #UNITS_PER_FILE} units. The rows
 * are streamed from print_document, so memory does not grow with the run.
 */
class DistributionSlips {

	static final int UNITS_PER_FILE = 100;

	private final PrintedDocuments store;

	private final DistributionSlipRenderer renderer;

	DistributionSlips(PrintedDocuments store, DistributionSlipRenderer renderer) {
		this.store = store;
		this.renderer = renderer;
	}

	/** Writes the slips of the run; returns the files written. */
	List<Path> write(PrintRunRecord run, LocalDate printedOn) throws IOException {
		List<Path> written = new ArrayList<>();
		write(run, printedOn, DocumentKind.CERTIFICATE, "继续教育证书", "证书编号", "certificate-slips", written);
		write(run, printedOn, DocumentKind.REGISTER_CARD, "继续教育登记卡", "证书编号", "register-card-slips", written);
		return written;
	}

	private void write(PrintRunRecord run, LocalDate printedOn, DocumentKind kind, String documentLabel,
			String numberLabel, String fileStem, List<Path> written) throws IOException {
		Batch batch = new Batch(run, fileStem, written);
		String batchName = run.folder().getFileName().toString();
		List<DistributionSlipView.Line> lines = new ArrayList<>();
		Long[] unit = { null };
		String[] unitName = { null };
		Consumer<SlipLine> collect = (line) -> {
			if (unit[0] != null && !unit[0].equals(line.unitId())) {
				batch.add(new DistributionSlipView(documentLabel, numberLabel, unitName[0], batchName, printedOn,
						List.copyOf(lines)));
				lines.clear();
			}
			unit[0] = line.unitId();
			unitName[0] = line.unitName();
			lines.add(new DistributionSlipView.Line(line.documentNo(), line.holderName(), line.fileName(),
					line.firstPage(), line.lastPage()));
		};
		this.store.forEachSlipLine(run.id(), kind.name(), collect);
		if (!lines.isEmpty()) {
			batch.add(new DistributionSlipView(documentLabel, numberLabel, unitName[0], batchName, printedOn,
					List.copyOf(lines)));
		}
		batch.flush();
	}

	/** Slips waiting to be written into the next file. */
	private final class Batch {

		private final PrintRunRecord run;

		private final String fileStem;

		private final List<Path> written;

		private final List<DistributionSlipView> slips = new ArrayList<>();

		private Batch(PrintRunRecord run, String fileStem, List<Path> written) {
			this.run = run;
			this.fileStem = fileStem;
			this.written = written;
		}

		void add(DistributionSlipView slip) {
			this.slips.add(slip);
			if (this.slips.size() == UNITS_PER_FILE) {
				flush();
			}
		}

		void flush() {
			if (this.slips.isEmpty()) {
				return;
			}
			long files = this.written.stream()
				.filter((path) -> path.getFileName().toString().startsWith(this.fileStem))
				.count();
			Path target = this.run.folder().resolve("%s-%04d.pdf".formatted(this.fileStem, files + 1));
			Path part = target.resolveSibling(target.getFileName() + ".part");
			try {
				try (OutputStream out = Files.newOutputStream(part)) {
					DistributionSlips.this.renderer.render(this.slips, out);
				}
				Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException("无法写入发放清单 " + target, ex);
			}
			this.written.add(target);
			this.slips.clear();
		}

	}

}
