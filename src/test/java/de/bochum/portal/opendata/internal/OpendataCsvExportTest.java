package de.bochum.portal.opendata.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import de.bochum.portal.testsupport.PortalHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A published table whose cells look like spreadsheet formulas, downloaded as CSV and read over the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpendataCsvExportTest extends PublishingTest {

	@Autowired
	DatastoreJobs jobs;

	private String load() throws Exception {
		String csv = """
				Name;Notiz;Saldo
				Kiosk Kortum;=HYPERLINK("https://boese.example");-5
				Büdchen Linden;=cmd|' /C calc'!A0;+49
				Trinkhalle Riemke;@SUM(1+1);-1,5
				Imbiss Hamme;+Tipp;12
				Café Weitmar;-Rabatt;0
				""";
		return PublishingFixtures.loadedResource(publishing, jobs, jdbc, port, "kioske.csv",
				csv.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void formulaCellsAreNeutralisedInTheCsvDownloadButNotInTheApi() throws Exception {
		String resourcePage = load();
		PortalHttp visitor = new PortalHttp(port);
		List<String> lines = visitor.get(resourcePage + "/export.csv").body().lines().toList();
		assertThat(lines).anySatisfy(l -> assertThat(l).contains("'=HYPERLINK(").contains(",-5"));
		assertThat(lines).anySatisfy(l -> assertThat(l).contains("'=cmd|' /C calc'!A0"));
		assertThat(String.join("\n", lines)).as("numbers stay numbers").doesNotContain("'-5", "'+49", "'-1");
		assertThat(lines).anySatisfy(l -> assertThat(l).contains("'@SUM(1+1)"));
		assertThat(lines).anySatisfy(l -> assertThat(l).contains("'+Tipp"));
		assertThat(lines).anySatisfy(l -> assertThat(l).contains("'-Rabatt"));
		assertThat(lines).noneSatisfy(l -> assertThat(l).matches("(?s).*(^|,)\"?[=+@-][A-Za-z].*"));

		String id = resourcePage.substring(resourcePage.lastIndexOf('/') + 1);
		String api = visitor.get("/api/3/action/datastore_search?resource_id=" + id).body();
		assertThat(api).contains("\"=HYPERLINK(").contains("\"@SUM(1+1)\"").doesNotContain("'=HYPERLINK");
	}
}
