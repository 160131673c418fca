package org.ceprint.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import org.ceprint.InvalidRequestException;

/**
 * Reads the summary-table sheet of an .xlsx file as a stream of XML events (POI's event
 * API) instead of building the workbook in memory, which takes some twenty times the
 * file's size: only the template's columns are kept, as text. The sheet is the one named
 * 登记汇总表, or else the first visible one, as in the in-memory reader.
 */
final class XlsxSheetReader {

	private XlsxSheetReader() {
	}

	/**
	 * @param maxRow the largest row index (from 0) accepted; a sheet reaching beyond is
	 * refused with {@code tooManyRows}
	 */
	static SheetCells read(Path file, int width, String preferredSheet, int maxRow, String tooManyRows)
			throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			WorkbookFacts workbook = new WorkbookFacts();
			try (InputStream in = reader.getWorkbookData()) {
				parse(in, workbook);
			}
			int chosen = SheetCells.chooseSheet(workbook.names, workbook.hidden::get, preferredSheet);
			SheetCells cells = new SheetCells(width, workbook.names.get(chosen));
			for (int i = 0; i < workbook.names.size(); i++) {
				if (workbook.hidden.get(i)) {
					cells.hideSheet(workbook.names.get(i));
				}
			}
			if (!pkg.getPartsByName(Pattern.compile("/xl/vbaProject\\.bin", Pattern.CASE_INSENSITIVE)).isEmpty()) {
				cells.warn("工作簿含有宏（VBA 代码）：宏不会运行，也不会导入");
			}
			int links = pkg.getPartsByName(Pattern.compile("/xl/externalLinks/.*\\.xml", Pattern.CASE_INSENSITIVE))
				.size();
			if (links > 0) {
				cells.warn("工作簿链接了 %d 个外部文件：链接来的数据不会导入，引用它们的公式单元格不予导入".formatted(links));
			}
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			for (int index = 0; sheets.hasNext(); index++) {
				try (InputStream sheet = sheets.next()) {
					if (index == chosen) {
						parse(sheet, new SheetHandler(cells, strings, styles, workbook.date1904, maxRow, tooManyRows));
						return cells;
					}
				}
			}
			throw new InvalidRequestException("工作簿中没有可见的工作表");
		}
	}

	private static boolean isTrue(String attribute) {
		return "1".equals(attribute) || "true".equals(attribute);
	}

	private static void parse(InputStream in, DefaultHandler handler)
			throws IOException, SAXException, ParserConfigurationException {
		XMLReader xml = XMLHelper.newXMLReader();
		xml.setContentHandler(handler);
		xml.parse(new InputSource(in));
	}

	/** The sheets' names and visibility in order, and the date system. */
	private static final class WorkbookFacts extends DefaultHandler {

		final List<String> names = new ArrayList<>();

		final List<Boolean> hidden = new ArrayList<>();

		boolean date1904;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			if (localName.equals("sheet")) {
				this.names.add(attributes.getValue("name"));
				String state = attributes.getValue("state");
				this.hidden.add(state != null && !state.equals("visible"));
			}
			else if (localName.equals("workbookPr")) {
				String date1904 = attributes.getValue("date1904");
				this.date1904 = "1".equals(date1904) || "true".equals(date1904);
			}
		}

	}

	/**
	 * Collects cells: {@code <c r="B4" t="s" s="3"><f>…</f><v>…</v></c>}, with inline
	 * strings in {@code <is><t>}.
	 */
	private static final class SheetHandler extends DefaultHandler {

		final SheetCells cells;

		private final ReadOnlySharedStringsTable strings;

		private final StylesTable styles;

		private final boolean date1904;

		private final int maxRow;

		private final String tooManyRows;

		private int row = -1;

		private int column = -1;

		private String type;

		private int style;

		private final StringBuilder value = new StringBuilder();

		private final StringBuilder formula = new StringBuilder();

		private final StringBuilder inline = new StringBuilder();

		private boolean hasFormula;

		private final Map<Integer, String> sharedStrings = new HashMap<>();

		private final Map<Integer, Boolean> dateStyles = new HashMap<>();

		private StringBuilder collecting;

		SheetHandler(SheetCells cells, ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904,
				int maxRow, String tooManyRows) {
			this.cells = cells;
			this.strings = strings;
			this.styles = styles;
			this.date1904 = date1904;
			this.maxRow = maxRow;
			this.tooManyRows = tooManyRows;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "row" -> {
					String r = attributes.getValue("r");
					this.row = (r != null) ? Integer.parseInt(r) - 1 : this.row + 1;
					this.column = -1;
					if (this.row > this.maxRow) {
						throw new InvalidRequestException(this.tooManyRows);
					}
					if (isTrue(attributes.getValue("hidden"))) {
						this.cells.hideRow(this.row);
					}
				}
				case "col" -> {
					if (isTrue(attributes.getValue("hidden"))) {
						// 1-based, inclusive; a range may run to the sheet's last column
						int min = Integer.parseInt(attributes.getValue("min"));
						int max = Math.min(Integer.parseInt(attributes.getValue("max")), this.cells.width());
						for (int column = min; column <= max; column++) {
							this.cells.hideColumn(column - 1);
						}
					}
				}
				case "c" -> {
					String r = attributes.getValue("r");
					this.column = (r != null) ? new CellReference(r).getCol() : this.column + 1;
					this.type = attributes.getValue("t");
					String s = attributes.getValue("s");
					this.style = (s != null) ? Integer.parseInt(s) : 0;
					this.value.setLength(0);
					this.formula.setLength(0);
					this.inline.setLength(0);
					this.hasFormula = false;
				}
				case "v" -> this.collecting = this.value;
				case "f" -> {
					this.hasFormula = true;
					this.collecting = this.formula;
				}
				case "t" -> this.collecting = (this.collecting == null) ? this.inline : this.collecting;
				case "rPh" -> this.collecting = new StringBuilder(); // phonetic guide:
																		// not the text
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (this.collecting != null) {
				this.collecting.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (localName) {
				case "v", "f", "t", "rPh" -> this.collecting = null;
				case "c" -> {
					if (this.hasFormula) {
						this.cells.put(this.row, this.column, new SheetCells.RawCell("", this.formula.toString()));
					}
					else {
						String text = text();
						boolean numeric = (this.type == null || this.type.equals("n")) && !text.isEmpty() && !isDate();
						this.cells.put(this.row, this.column, new SheetCells.RawCell(text, null, numeric));
					}
				}
				default -> {
				}
			}
		}

		/** The cell's text as the in-memory reader gives it. */
		private String text() {
			String raw = this.value.toString();
			String type = (this.type != null) ? this.type : "n";
			return switch (type) {
				case "s" -> raw.isEmpty() ? "" : sharedString(Integer.parseInt(raw.strip()));
				case "inlineStr" -> this.inline.toString();
				case "str" -> raw;
				case "b" -> "1".equals(raw.strip()) ? "true" : "false";
				case "n" -> number(raw.strip());
				default -> ""; // e (error) and anything unknown: no value
			};
		}

		private String number(String raw) {
			if (raw.isEmpty()) {
				return "";
			}
			double number = Double.parseDouble(raw);
			if (isDate() && DateUtil.isValidExcelDate(number)) {
				return DateUtil.getLocalDateTime(number, this.date1904).toLocalDate().toString();
			}
			return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
		}

		/**
		 * Whether the cell's style is a date format; a workbook without a styles part has
		 * none.
		 */
		private boolean isDate() {
			if (this.styles == null || this.style < 0 || this.style >= this.styles.getNumCellStyles()) {
				return false;
			}
			return this.dateStyles.computeIfAbsent(this.style, (style) -> {
				XSSFCellStyle cellStyle = this.styles.getStyleAt(style);
				return DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
			});
		}

		/**
		 * The shared string's text, made once per string: POI's table builds an XML bean
		 * for every lookup, which was most of the reading's time.
		 */
		private String sharedString(int index) {
			return this.sharedStrings.computeIfAbsent(index, (i) -> this.strings.getItemAt(i).getString());
		}

	}

}
