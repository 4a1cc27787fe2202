package de.bochum.portal.opendata.internal;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import de.bochum.portal.testsupport.PortalHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spreadsheet uploaded as XLSX lands in the datastore like a CSV file: the first sheet, values
 * rather than their display (a date formatted "31.12.2024" is a date, "12.000" is 12000), typed
 * columns; a file that only looks like XLSX fails with a clear report and leaves no table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpendataXlsxTest extends PublishingTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	DatastoreJobs jobs;

	@Test
	void theFirstSheetIsLoadedWithTypedColumns() throws Exception {
		String id = upload("fahrgaeste.xlsx", workbook());
		jobs.enqueue(UUID.fromString(id), null);
		assertThat(PublishingFixtures.awaitDatastoreJob(jdbc, id)).isEqualTo("done");

		assertThat(PublishingFixtures.datastoreColumns(jdbc, id))
			.isEqualTo("_id:bigint,Haltestelle:text,Einsteiger:bigint,Anteil:numeric,Stichtag:date,Bemerkung:text");

		JsonNode result = JSON.readTree(new PortalHttp(port)
			.get("/api/3/action/datastore_search?resource_id=" + id + "&sort=Einsteiger%20desc").body()).get("result");
		assertThat(result.get("total").asInt()).as("the second sheet and the empty row are not loaded").isEqualTo(3);
		JsonNode first = result.get("records").get(0);
		assertThat(first.get("Haltestelle").asString()).isEqualTo("Bochum Hbf, Bahnsteig 1");
		assertThat(first.get("Einsteiger").asInt()).isEqualTo(12000);
		assertThat(first.get("Anteil").decimalValue()).isEqualByComparingTo("0.25");
		assertThat(first.get("Stichtag").asString()).startsWith("2024-12-31");
		assertThat(result.get("records").get(2).get("Haltestelle").asString()).isEqualTo("Wattenscheid \"Markt\"");

		JsonNode q = JSON.readTree(new PortalHttp(port)
			.get("/api/3/action/datastore_search?resource_id=" + id + "&q=Rathaus").body()).get("result");
		assertThat(q.get("total").asInt()).as("German full text over the text columns").isEqualTo(1);
	}

	@Test
	void aFileThatOnlyLooksLikeXlsxFailsClearly() throws Exception {
		byte[] fake = "PK\u0003\u0004 kein Arbeitsblatt".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		String id = upload("kaputt.xlsx", fake);
		jobs.enqueue(UUID.fromString(id), null);
		assertThat(PublishingFixtures.awaitDatastoreJob(jdbc, id)).isEqualTo("failed");
		assertThat(jdbc.sql("select report from opendata_datastore where resource_id = ?").param(UUID.fromString(id))
			.query(String.class).single()).contains("opendata.job.error.xlsx");
		assertThat(PublishingFixtures.datastoreTables(jdbc, id)).isZero();
	}

	private String upload(String file, byte[] content) {
		return PublishingFixtures.datasetWithFile(publishing, port, file, content)[1];
	}

	/** As a clerk would make it: German display formats, an empty row, a second sheet with notes. */
	private static byte[] workbook() throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle germanDate = book.createCellStyle();
			germanDate.setDataFormat(book.createDataFormat().getFormat("dd.mm.yyyy"));
			CellStyle thousands = book.createCellStyle();
			thousands.setDataFormat(book.createDataFormat().getFormat("#,##0"));
			CellStyle percent = book.createCellStyle();
			percent.setDataFormat(book.createDataFormat().getFormat("0%"));
			Sheet sheet = book.createSheet("Zählung");
			String[] header = { "Haltestelle", "Einsteiger", "Anteil", "Stichtag", "Bemerkung" };
			Row head = sheet.createRow(0);
			for (int c = 0; c < header.length; c++) {
				head.createCell(c).setCellValue(header[c]);
			}
			Object[][] rows = { { "Bochum Hbf, Bahnsteig 1", 12000, 0.25, LocalDate.of(2024, 12, 31), "" },
					{ "Rathaus (Süd)", 5400, 0.1, LocalDate.of(2024, 12, 31), "Umbau" },
					{ "Wattenscheid \"Markt\"", 800, 0.05, LocalDate.of(2025, 1, 1), null } };
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + (r == 2 ? 2 : 1));
				row.createCell(0).setCellValue((String) rows[r][0]);
				row.createCell(1).setCellValue(((Integer) rows[r][1]).doubleValue());
				row.getCell(1).setCellStyle(thousands);
				row.createCell(2).setCellValue((Double) rows[r][2]);
				row.getCell(2).setCellStyle(percent);
				row.createCell(3).setCellValue((LocalDate) rows[r][3]);
				row.getCell(3).setCellStyle(germanDate);
				if (rows[r][4] != null) {
					row.createCell(4).setCellValue((String) rows[r][4]);
				}
			}
			book.createSheet("Hinweise").createRow(0).createCell(0).setCellValue("Quelle: Zählung der BOGESTRA");
			book.write(out);
			return out.toByteArray();
		}
	}
}
