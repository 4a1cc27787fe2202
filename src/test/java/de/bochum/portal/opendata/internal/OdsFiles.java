package de.bochum.portal.opendata.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * ODS files written as LibreOffice writes them (the mimetype entry first and stored, a manifest,
 * {@code content.xml}), so that the tests need no office suite.
 */
final class OdsFiles {

	static final String NAMESPACES = """
			xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
			xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
			xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
			xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\"""";

	/** The trailing filler LibreOffice writes: empty cells and rows repeated up to the sheet's edge. */
	static final String EMPTY_CELLS = "<table:table-cell table:number-columns-repeated=\"1000000\"/>";

	/**
	 * A clerk's count of passengers, in German display formats: numbers, a percentage, dates and a
	 * timestamp with their values behind them, a comment, a merged cell, empty rows, a row repeated
	 * twice, the filler, and a second sheet with notes.
	 */
	static final String FAHRGAESTE = """
			<table:table table:name="Zählung">
			<table:table-column table:number-columns-repeated="1000000"/>
			<table:table-row>
			<table:table-cell office:value-type="string"><text:p>Haltestelle</text:p></table:table-cell>
			<table:table-cell office:value-type="string"><text:p>Einsteiger</text:p></table:table-cell>
			<table:table-cell office:value-type="string"><text:p>Anteil</text:p></table:table-cell>
			<table:table-cell office:value-type="string"><text:p>Stichtag</text:p></table:table-cell>
			<table:table-cell office:value-type="string"><text:p>Erfasst</text:p></table:table-cell>
			<table:table-cell office:value-type="string"><text:p>Geprüft</text:p></table:table-cell>
			<table:table-cell office:value-type="string"><text:p>Bemerkung</text:p></table:table-cell>
			%1$s</table:table-row>
			<table:table-row>
			<table:table-cell office:value-type="string"><text:p>Bochum Hbf, <text:span>Bahnsteig</text:span> 1</text:p></table:table-cell>
			<table:table-cell office:value-type="float" office:value="12000"><office:annotation><text:p>geschätzt</text:p></office:annotation><text:p>12.000</text:p></table:table-cell>
			<table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25 %%</text:p></table:table-cell>
			<table:table-cell office:value-type="date" office:date-value="2024-12-31"><text:p>31.12.2024</text:p></table:table-cell>
			<table:table-cell office:value-type="date" office:date-value="2024-12-31T10:30:00"><text:p>31.12.24 10:30</text:p></table:table-cell>
			<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>WAHR</text:p></table:table-cell>
			<table:table-cell office:value-type="string"><text:p>Gleis 1</text:p><text:p>Ausgang <text:s/>Nord<text:tab/>Süd</text:p></table:table-cell>
			%1$s</table:table-row>
			<table:table-row table:number-rows-repeated="3">%1$s</table:table-row>
			<table:table-row>
			<table:table-cell office:value-type="string"><text:p>Rathaus (Süd)</text:p></table:table-cell>
			<table:table-cell office:value-type="float" office:value="5400" calcext:value-type="float"><text:p>5.400</text:p></table:table-cell>
			<table:table-cell office:value-type="percentage" office:value="0.1"><text:p>10 %%</text:p></table:table-cell>
			<table:table-cell office:value-type="date" office:date-value="2024-12-31"><text:p>31.12.2024</text:p></table:table-cell>
			<table:table-cell office:value-type="date" office:date-value="2024-12-31T11:00:00"><text:p>31.12.24 11:00</text:p></table:table-cell>
			<table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSCH</text:p></table:table-cell>
			%1$s</table:table-row>
			<table:table-row>
			<table:table-cell office:value-type="string" table:number-rows-spanned="2"><text:p>Wattenscheid "Markt", Steig 2</text:p></table:table-cell>
			<table:table-cell office:value-type="float" office:value="800"><text:p>800</text:p></table:table-cell>
			<table:table-cell office:value-type="percentage" office:value="5E-2"><text:p>5 %%</text:p></table:table-cell>
			<table:table-cell office:value-type="date" office:date-value="2025-01-01"><text:p>01.01.2025</text:p></table:table-cell>
			<table:table-cell office:value-type="date" office:date-value="2025-01-01T06:15:00"><text:p>01.01.25 06:15</text:p></table:table-cell>
			<table:table-cell table:number-columns-repeated="2"/>
			%1$s</table:table-row>
			<table:table-row table:number-rows-repeated="2">
			<table:covered-table-cell/>
			<table:table-cell office:value-type="currency" office:currency="EUR" office:value="300.00"><text:p>300,00 €</text:p></table:table-cell>
			<table:table-cell table:number-columns-repeated="2"/>
			<table:table-cell office:value-type="date" office:date-value="2025-01-01T06:30:00"><text:p>01.01.25 06:30</text:p></table:table-cell>
			<table:table-cell/>
			<table:table-cell office:value-type="string"><text:p>Zählung doppelt</text:p></table:table-cell>
			%1$s</table:table-row>
			<table:table-row table:number-rows-repeated="1000000">%1$s</table:table-row>
			</table:table>
			<table:table table:name="Hinweise">
			<table:table-row><table:table-cell office:value-type="string"><text:p>Quelle: Zählung der BOGESTRA</text:p></table:table-cell></table:table-row>
			</table:table>
			""".formatted(EMPTY_CELLS);

	/** What {@link #FAHRGAESTE} is as CSV text. */
	static final String FAHRGAESTE_CSV = """
			Haltestelle,Einsteiger,Anteil,Stichtag,Erfasst,Geprüft,Bemerkung\r
			"Bochum Hbf, Bahnsteig 1",12000,0.25,2024-12-31,2024-12-31 10:30,true,"Gleis 1
			Ausgang  Nord\tSüd"\r
			Rathaus (Süd),5400,0.1,2024-12-31,2024-12-31 11:00,false,\r
			"Wattenscheid ""Markt"", Steig 2",800,0.05,2025-01-01,2025-01-01 06:15,,\r
			,300,,,2025-01-01 06:30,,Zählung doppelt\r
			,300,,,2025-01-01 06:30,,Zählung doppelt\r
			""";

	private OdsFiles() {
	}

	/** A spreadsheet document with these tables in its body. */
	static byte[] spreadsheet(String tables) {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("META-INF/manifest.xml", MANIFEST);
		entries.put("content.xml", content(tables));
		return zip("application/vnd.oasis.opendocument.spreadsheet", entries);
	}

	static String content(String tables) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content " + NAMESPACES
				+ " office:version=\"1.3\"><office:body><office:spreadsheet>" + tables
				+ "</office:spreadsheet></office:body></office:document-content>";
	}

	/** A zip with the mimetype entry first (stored, as ODF requires), then the entries, deflated. */
	static byte[] zip(String mimetype, Map<String, String> entries) {
		Map<String, byte[]> bytes = new LinkedHashMap<>();
		entries.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
		return zipBytes(mimetype, bytes);
	}

	static byte[] zipBytes(String mimetype, Map<String, byte[]> entries) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
			if (mimetype != null) {
				byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
				ZipEntry entry = new ZipEntry("mimetype");
				entry.setMethod(ZipEntry.STORED);
				entry.setSize(type.length);
				CRC32 crc = new CRC32();
				crc.update(type);
				entry.setCrc(crc.getValue());
				zip.putNextEntry(entry);
				zip.write(type);
				zip.closeEntry();
			}
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
			zip.finish();
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
	}

	private static final String MANIFEST = """
			<?xml version="1.0" encoding="UTF-8"?>
			<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
			<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
			<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
			</manifest:manifest>
			""";
}
