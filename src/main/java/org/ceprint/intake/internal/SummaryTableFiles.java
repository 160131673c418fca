package org.ceprint.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.EmptyFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.NotOLE2FileException;
import org.apache.poi.poifs.filesystem.OfficeXmlFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

import org.ceprint.InvalidRequestException;
import org.ceprint.intake.SummaryTableWorkbooks;

/**
 * Opens a file handed in as a summary table and reads its sheet's cells: a .csv by its
 * name, otherwise by its first bytes an .xlsx (streamed) or an old .xls. Whatever POI
 * refuses becomes a refusal in Chinese that says what kind of file this is not.
 */
public final class SummaryTableFiles {

	private static final Logger logger = LoggerFactory.getLogger(SummaryTableFiles.class);

	/** Larger files are refused before they are opened. */
	public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

	public static final int MAX_ROWS = 100_000;

	private SummaryTableFiles() {
	}

	/**
	 * @throws InvalidRequestException when the file is missing, too large or no summary
	 * table that can be read, in Chinese
	 * @throws IOException when a CSV file cannot be read
	 */
	public static SheetCells read(Path file) throws IOException {
		return read(file, SummaryTableColumn.count(), SummaryTableWorkbooks.SHEET, SummaryTableWorkbooks.HEADING_ROW);
	}

	/**
	 * Reads the first {@code width} columns of the sheet named {@code sheetName} (or the
	 * first visible one), whose headings are on row {@code headingRow} (from 0): the
	 * summary table's reading, for the other workbooks an office hands in (units,
	 * rosters).
	 * @throws InvalidRequestException when the file is missing, too large or no workbook
	 * that can be read, in Chinese
	 * @throws IOException when a CSV file cannot be read
	 */
	public static SheetCells read(Path file, int width, String sheetName, int headingRow) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new InvalidRequestException("找不到文件：" + file);
		}
		if (Files.size(file) > MAX_FILE_BYTES) {
			throw new InvalidRequestException(
					"文件 %s 大于 %d MB，请分成多个文件导入".formatted(file.getFileName(), MAX_FILE_BYTES / 1024 / 1024));
		}
		if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
			return CsvTables.read(file, width, MAX_ROWS + headingRow + 1);
		}
		try {
			return readWorkbook(file, width, sheetName, headingRow);
		}
		catch (InvalidRequestException ex) {
			throw new InvalidRequestException("无法导入 %s：%s".formatted(file.getFileName(), ex.getMessage()));
		}
		catch (IOException | RuntimeException | OpenXML4JException | SAXException | ParserConfigurationException ex) {
			// whatever POI refuses: its text is English and names its own classes, so the
			// user is told what kind of file this is not
			logger.info("Workbook refused: {}", ex.getClass().getName());
			throw new InvalidRequestException("无法读取 %s：%s。请用 Excel 或 WPS 打开该文件，另存为「Excel 工作簿 (.xlsx)」后重新导入"
				.formatted(file.getFileName(), unreadable(ex)));
		}
	}

	private static SheetCells readWorkbook(Path file, int width, String sheetName, int headingRow)
			throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
		int maxRow = headingRow + MAX_ROWS;
		String tooManyRows = "工作表超过 %d 行，请分成多个文件导入".formatted(MAX_ROWS);
		if (Files.size(file) == 0) {
			throw new InvalidRequestException("文件是空的");
		}
		FileMagic magic;
		try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
			magic = FileMagic.valueOf(in);
		}
		if (magic == FileMagic.OOXML) {
			return XlsxSheetReader.read(file, width, sheetName, maxRow, tooManyRows);
		}
		if (magic == FileMagic.OLE2) {
			return XlsSheetReader.read(file, width, sheetName, maxRow, tooManyRows);
		}
		throw new InvalidRequestException("不是 Excel 工作簿（.xlsx 或 .xls）；若是另存的 CSV 文件，请把文件名改为 .csv 后导入");
	}

	/** What kind of file this is not, in Chinese, from what POI threw. */
	private static String unreadable(Exception ex) {
		if (ex instanceof EmptyFileException) {
			return "文件是空的";
		}
		if (ex instanceof EncryptedDocumentException) {
			return "工作簿设有密码或已加密，请先取消密码保护";
		}
		if (ex instanceof NotOfficeXmlFileException || ex instanceof NotOLE2FileException
				|| ex instanceof OfficeXmlFileException || ex instanceof UnsupportedFileFormatException) {
			return "不是 Excel 工作簿（.xlsx 或 .xls）";
		}
		if (ex instanceof IOException && ex.getMessage() != null && ex.getMessage().contains("Zip bomb")) {
			return "压缩内容异常：解压后的大小远超文件本身，可能是恶意文件，拒绝打开";
		}
		if (ex instanceof SAXException) {
			return "工作簿内部的数据格式无效（XML 损坏或含有不允许的声明）";
		}
		return "文件不完整或已损坏，不是有效的 Excel 工作簿";
	}

}
