package de.bochum.portal.opendata.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.SAXParserFactory;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX file as CSV text (UTF-8, comma, RFC 4180 quoting), so that a
 * spreadsheet goes through the same type inference and loader as a CSV file. Read with POI's
 * streaming reader: a large sheet is never built as a workbook in memory. Dates come out as ISO
 * dates or timestamps and numbers without grouping, whatever display format the cell had, because
 * the display format is for people and the datastore needs the value.
 */
final class XlsxSheet {

	static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The file is not a readable XLSX workbook, or has no sheet. */
	static final class Unreadable extends RuntimeException {

		Unreadable(Throwable cause) {
			super(cause);
		}
	}

	private XlsxSheet() {
	}

	static byte[] toCsv(byte[] xlsx) {
		ByteArrayOutputStream csv = new ByteArrayOutputStream(xlsx.length * 2);
		try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(xlsx))) {
			XSSFReader reader = new XSSFReader(workbook);
			StylesTable styles = reader.getStylesTable();
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new Unreadable(new IllegalStateException("no sheet"));
			}
			try (InputStream sheet = sheets.next()) {
				SAXParserFactory factory = SAXParserFactory.newInstance();
				factory.setNamespaceAware(true);
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				XMLReader parser = factory.newSAXParser().getXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(csv), new ValueFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (Unreadable unreadable) {
			throw unreadable;
		}
		catch (Exception notXlsx) {
			throw new Unreadable(notXlsx);
		}
		return csv.toByteArray();
	}

	/** Values, not their display: ISO dates, plain numbers. */
	private static final class ValueFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing);
				return time.toLocalTime().toSecondOfDay() == 0 ? time.toLocalDate().toString() : time.toString().replace('T', ' ');
			}
			BigDecimal number = BigDecimal.valueOf(value).stripTrailingZeros();
			return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
		}
	}

	/** Writes each row as a CSV line; empty cells in between become empty fields. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final ByteArrayOutputStream out;
		private final List<String> row = new ArrayList<>();

		Rows(ByteArrayOutputStream out) {
			this.out = out;
		}

		@Override
		public void startRow(int rowNum) {
			row.clear();
		}

		@Override
		public void endRow(int rowNum) {
			if (row.stream().allMatch(String::isEmpty)) {
				return;
			}
			out.writeBytes(CsvTable.line(row).getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? row.size() : new CellReference(reference).getCol();
			while (row.size() < column) {
				row.add("");
			}
			row.add(value == null ? "" : value.strip());
		}
	}
}
