package de.bochum.portal.opendata.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The ODS reader on its own: values rather than display, repeated filler never materialised, and
 * files that are not spreadsheets or are built to exhaust the server refused with the right report.
 */
class OdsSheetTest {

	private static String csv(byte[] ods) {
		return new String(OdsSheet.toCsv(ods), StandardCharsets.UTF_8);
	}

	private static String refusal(byte[] file) {
		return catchThrowableOfType(SheetCsv.Unreadable.class, () -> OdsSheet.toCsv(file)).key;
	}

	private static String row(String cells) {
		return "<table:table><table:table-row>" + cells + "</table:table-row></table:table>";
	}

	@Test
	void theFirstTableBecomesCsvOfItsValues() {
		assertThat(csv(OdsFiles.spreadsheet(OdsFiles.FAHRGAESTE))).isEqualTo(OdsFiles.FAHRGAESTE_CSV);
	}

	@Test
	void anErrorCellAndATimeGiveTheirText() {
		assertThat(csv(OdsFiles.spreadsheet(row("""
				<table:table-cell office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>\
				<table:table-cell office:value-type="time" office:time-value="PT10H30M00S"><text:p>10:30</text:p></table:table-cell>\
				<table:table-cell office:value-type="float" office:value="1234567890123.5000"><text:p>1,23E+12</text:p></table:table-cell>\
				<table:table-cell office:value-type="date" office:date-value="2024-12-31T23:59:59.5"><text:p>31.12.</text:p></table:table-cell>"""))))
			.isEqualTo("#DIV/0!,10:30,1234567890123.5,2024-12-31 23:59:59.500\r\n");
	}

	@Test
	void filesThatAreNoSpreadsheetAreRefusedAsNotOds() {
		assertThat(refusal("Haltestelle;Einsteiger\nBochum Hbf;12000\n".getBytes(StandardCharsets.UTF_8)))
			.as("a CSV file named .ods").isEqualTo(OdsSheet.NOT_ODS);
		assertThat(refusal(OdsFiles.zip("application/vnd.oasis.opendocument.spreadsheet", Map.of("META-INF/manifest.xml", "<m/>"))))
			.as("a zip without content.xml").isEqualTo(OdsSheet.NOT_ODS);
		assertThat(refusal(OdsFiles.zip("application/vnd.oasis.opendocument.text", Map.of("content.xml",
				OdsFiles.content(row("<table:table-cell><text:p>Brief</text:p></table:table-cell>"))))))
			.as("a text document").isEqualTo(OdsSheet.NOT_ODS);
		assertThat(refusal(OdsFiles.spreadsheet(""))).as("no table").isEqualTo(OdsSheet.NOT_ODS);
		String content = OdsFiles.content(OdsFiles.FAHRGAESTE);
		assertThat(refusal(OdsFiles.zip("application/vnd.oasis.opendocument.spreadsheet",
				Map.of("content.xml", content.substring(0, content.indexOf("Rathaus"))))))
			.as("cut off").isEqualTo(OdsSheet.NOT_ODS);
	}

	@Test
	void aDtdIsRefusedSoNoEntityIsExpandedOrFetched() {
		String entities = "<!DOCTYPE office:document-content [<!ENTITY datei SYSTEM \"file:///etc/passwd\">"
				+ "<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>";
		String content = OdsFiles.content(row("<table:table-cell><text:p>&datei;&lol2;</text:p></table:table-cell>"))
			.replace("?>\n", "?>\n" + entities);
		assertThat(refusal(OdsFiles.zip("application/vnd.oasis.opendocument.spreadsheet", Map.of("content.xml", content))))
			.isEqualTo(OdsSheet.NOT_ODS);
	}

	@Test
	void aZipBombIsStoppedWhileItUnpacks() {
		byte[] zeros = new byte[20 * 1024 * 1024];
		Map<String, byte[]> bomb = new LinkedHashMap<>();
		bomb.put("Thumbnails/thumbnail.png", zeros);
		bomb.put("content.xml", OdsFiles.content("").getBytes(StandardCharsets.UTF_8));
		assertThat(refusal(OdsFiles.zipBytes("application/vnd.oasis.opendocument.spreadsheet", bomb)))
			.as("an entry that is not read").isEqualTo(SheetCsv.TOO_LARGE);

		byte[] text = new byte[20 * 1024 * 1024];
		Arrays.fill(text, (byte) 'a');
		String start = OdsFiles.content("<table:table><table:table-row><table:table-cell><text:p>");
		assertThat(refusal(OdsFiles.zipBytes("application/vnd.oasis.opendocument.spreadsheet",
				Map.of("content.xml", concat(start.substring(0, start.indexOf("</office:spreadsheet>")).getBytes(StandardCharsets.UTF_8), text)))))
			.as("content.xml").isEqualTo(SheetCsv.TOO_LARGE);
	}

	@Test
	void repeatedValuesThatWouldMakeAHugeTableAreRefused() {
		assertThat(refusal(OdsFiles.spreadsheet("<table:table><table:table-row table:number-rows-repeated=\"2147483647\">"
				+ "<table:table-cell office:value-type=\"float\" office:value=\"1\"><text:p>1</text:p></table:table-cell>"
				+ "</table:table-row></table:table>"))).as("a row a billion times").isEqualTo(SheetCsv.TOO_LARGE);
		assertThat(refusal(OdsFiles.spreadsheet(row("<table:table-cell table:number-columns-repeated=\"1000000\""
				+ " office:value-type=\"float\" office:value=\"1\"><text:p>1</text:p></table:table-cell>"))))
			.as("a value in a million columns").isEqualTo(SheetCsv.TOO_LARGE);
		assertThat(csv(OdsFiles.spreadsheet(row("<table:table-cell table:number-columns-repeated=\"3\""
				+ " office:value-type=\"float\" office:value=\"1\"><text:p>1</text:p></table:table-cell>"))))
			.as("but a few repeated values are values").isEqualTo("1,1,1\r\n");
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}
}
