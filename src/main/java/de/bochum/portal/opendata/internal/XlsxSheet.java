package de.bochum.portal.opendata.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
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
 * The first sheet of an XLSX file as CSV text ({@link SheetCsv}), so that a spreadsheet goes
 * through the same type inference and loader as a CSV file. Read with POI's streaming reader: a
 * large sheet is never built as a workbook in memory. Dates come out as ISO dates or timestamps and
 * numbers without grouping, whatever display format the cell had, because the display format is
 * for people and the datastore needs the value.
 */
final class XlsxSheet {

	static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** What the report says of a file that is not a readable XLSX workbook, or has no sheet. */
	static final String NOT_XLSX = "opendata.job.error.xlsx";

	private XlsxSheet() {
	}

	/** The first sheet as CSV text; throws {@link SheetCsv.Unreadable} for a file that is not a workbook. */
	static byte[] toCsv(byte[] xlsx) {
		SheetCsv csv = new SheetCsv(xlsx.length * 2);
		try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(xlsx))) {
			XSSFReader reader = new XSSFReader(workbook);
			StylesTable styles = reader.getStylesTable();
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new SheetCsv.Unreadable(NOT_XLSX, new IllegalStateException("no sheet"));
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
		catch (SheetCsv.Unreadable unreadable) {
			throw unreadable;
		}
		catch (Exception notXlsx) {
			throw new SheetCsv.Unreadable(NOT_XLSX, notXlsx);
		}
		return csv.bytes();
	}

	/** Values, not their display: ISO dates, plain numbers. */
	private static final class ValueFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return SheetCsv.dateTime(DateUtil.getLocalDateTime(value, use1904Windowing));
			}
			return SheetCsv.number(BigDecimal.valueOf(value));
		}
	}

	/** Writes each row as a CSV line; empty cells in between become empty fields. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final SheetCsv out;
		private final List<String> row = new ArrayList<>();

		Rows(SheetCsv out) {
			this.out = out;
		}

		@Override
		public void startRow(int rowNum) {
			row.clear();
		}

		@Override
		public void endRow(int rowNum) {
			out.row(row, 1);
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? row.size() : new CellReference(reference).getCol();
			while (row.size() < column) {
				row.add("");
			}
			row.add(value);
		}
	}
}
