package org.ceprint.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.ceprint.InvalidRequestException;

import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded workbook (a summary table, a roster, a list of units) saved under its own
 * name (without any path) in a folder of its own, so that messages name the file as the
 * registrar knows it; removed on close.
 */
public final class UploadedWorkbook implements AutoCloseable {

	private final Path folder;

	private final Path file;

	private UploadedWorkbook(Path folder, Path file) {
		this.folder = folder;
		this.file = file;
	}

	/**
	 * @throws InvalidRequestException for an empty upload or one that is no .xlsx, .xlsm,
	 * .xls or .csv, in Chinese
	 */
	public static UploadedWorkbook save(MultipartFile upload) throws IOException {
		return save(upload, "登记汇总表");
	}

	/**
	 * As {@link #save(MultipartFile)}, {@code what} naming the workbook expected in a
	 * refusal (人员名册, 单位和基地名册).
	 */
	public static UploadedWorkbook save(MultipartFile upload, String what) throws IOException {
		if (upload == null || upload.isEmpty()) {
			throw new InvalidRequestException("请选择要上传的%s文件".formatted(what));
		}
		String original = (upload.getOriginalFilename() != null) ? upload.getOriginalFilename() : "";
		String name = original.replaceAll(".*[/\\\\]", "").replaceAll("[\\x00-\\x1f:*?\"<>|]", "_").strip();
		String lower = name.toLowerCase(Locale.ROOT);
		if (!(lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls") || lower.endsWith(".csv"))
				|| name.length() > 120) {
			throw new InvalidRequestException("文件「%s」：只接受 .xlsx、.xlsm、.xls 或 .csv 格式的%s".formatted(original, what));
		}
		Path folder = Files.createTempDirectory("ceprint-upload-");
		Path file = folder.resolve(name);
		try (InputStream in = upload.getInputStream()) {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		}
		return new UploadedWorkbook(folder, file);
	}

	public Path file() {
		return this.file;
	}

	public Path errorWorkbook() {
		return this.folder.resolve(this.file.getFileName().toString().replaceFirst("\\.[^.]+$", "") + "-未导入.xlsx");
	}

	@Override
	public void close() throws IOException {
		try (Stream<Path> files = Files.walk(this.folder)) {
			for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
