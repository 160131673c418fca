package org.ceprint.commandline.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.ceprint.rendering.SealLayout;

/**
 * The figures of {@code seals} over a print folder, gathered file by file in the folder's
 * order, and printed in Chinese.
 */
final class SealReport {

	private int certificateFiles;

	private int overlayFiles;

	private int registrationPages;

	private int overlayPages;

	private int uncheckedPages;

	private final Map<Integer, Integer> histogram = new TreeMap<>();

	private String mostSealsAt;

	private int mostSeals = -1;

	private String worstOverlapAt;

	private double worstOverlap = -1;

	private double clearance = Double.POSITIVE_INFINITY;

	private final List<String> violations = new ArrayList<>();

	private int pagesInBreach;

	void add(String file, boolean overlay, List<SealLayout.Page> pages) {
		if (overlay) {
			this.overlayFiles++;
			this.overlayPages += pages.size();
		}
		else {
			this.certificateFiles++;
			this.registrationPages += pages.size();
		}
		for (SealLayout.Page page : pages) {
			String at = "%s 第 %d 页".formatted(file, page.number());
			int seals = page.seals().size();
			this.histogram.merge(seals, 1, Integer::sum);
			if (seals > this.mostSeals) {
				this.mostSeals = seals;
				this.mostSealsAt = at;
			}
			if (page.worstOverlap() > this.worstOverlap) {
				this.worstOverlap = page.worstOverlap();
				this.worstOverlapAt = at;
			}
			this.clearance = Math.min(this.clearance, page.clearance());
			if (page.table() == null && seals > 0) {
				this.uncheckedPages++;
				this.violations.add(at + "：没有登记表格可比，印章位置未能核对");
			}
			if (!page.violations().isEmpty() || (page.table() == null && seals > 0)) {
				this.pagesInBreach++;
			}
			page.violations().forEach((violation) -> this.violations.add(at + "：" + violation.description()));
		}
	}

	void unreadable(String file) {
		this.violations.add(file + "：文件无法读取（不是完整的 PDF）");
	}

	boolean clean() {
		return this.violations.isEmpty();
	}

	void print(PrintWriter out, int listed, double seconds) {
		out.printf("  证书文件 %d 个，登记页 %d 页；套印文件 %d 个，套印页 %d 页%n", this.certificateFiles, this.registrationPages,
				this.overlayFiles, this.overlayPages);
		out.println("  每页印章数：");
		this.histogram.forEach((seals, pages) -> out.printf("    %d 枚：%6d 页%n", seals, pages));
		if (this.mostSeals > 0) {
			out.printf("  印章最多的页：%s，%d 枚%n", this.mostSealsAt, this.mostSeals);
			out.printf(Locale.ROOT, "  最大重叠：%.1f%%（两枚印章共有的面积占一枚的比例）%s%n", this.worstOverlap * 100,
					(this.worstOverlap > 0) ? "，见 " + this.worstOverlapAt : "");
		}
		if (this.clearance >= 0 && this.clearance != Double.POSITIVE_INFINITY) {
			out.printf(Locale.ROOT, "  印章边缘距所在验证单位格的格线最近 %.2f 点（%.2f 毫米）%n", this.clearance,
					this.clearance * 25.4 / 72);
		}
		else if (this.clearance < 0) {
			out.printf(Locale.ROOT, "  印章越出所在验证单位格的格线最多 %.2f 点（%.2f 毫米）%n", -this.clearance,
					-this.clearance * 25.4 / 72);
		}
		if (this.uncheckedPages > 0) {
			out.printf("  %d 页印章未能核对栏位（只核对了重叠）：文件夹中没有印有表格的登记页可比，可用 --form 指定一份整页打印的证书%n", this.uncheckedPages);
		}
		if (this.violations.isEmpty()) {
			out.println("  违规：无");
		}
		else {
			out.printf("  违规：%d 处，在 %d 页%n", this.violations.size(), this.pagesInBreach);
			this.violations.stream().limit(listed).forEach((violation) -> out.println("    " + violation));
			if (this.violations.size() > listed) {
				out.printf("    …另有 %d 处未列出（--list 可多列）%n", this.violations.size() - listed);
			}
		}
		out.printf(Locale.ROOT, "  用时 %.1f 秒%n", seconds);
	}

}
