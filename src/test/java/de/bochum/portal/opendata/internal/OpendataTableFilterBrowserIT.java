package de.bochum.portal.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A visitor filters a datastore table by keyboard only: a search word, a column filter, the count,
 * the second page with the filters kept, the reset; and a wrong value explained at its field.
 * axe-core on the page with filters and with an error.
 */
class OpendataTableFilterBrowserIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Publishing publishing;

	@Autowired
	DatastoreJobs jobs;

	String table;

	@BeforeAll
	void loadTable() throws Exception {
		table = PublishingFixtures.loadedResource(publishing, jobs, jdbc, port, "haltestellen.csv",
				OpendataTableFilterTest.csv()) + "/tabelle";
	}

	@AfterAll
	void cleanUp() {
		PublishingFixtures.deleteTestDatasets(jdbc, publishing);
	}

	private String main() {
		return driver.findElement(By.tagName("main")).getText();
	}

	/** On the unfiltered table: a search word and one column's value, typed and submitted by keyboard. */
	private void filterBy(String words, String columnInput, String value) {
		driver.get(url(table));
		assertThat(main()).contains("Insgesamt 400 Zeilen.");
		tabTo(By.id("q"));
		active().sendKeys(words);
		// The column filters are folded away until a filter is set; Enter on the summary opens them.
		tabTo(By.cssSelector("details.opendata-table-filter__columns > summary"));
		press(Keys.ENTER);
		tabTo(By.id(columnInput));
		active().sendKeys(value);
		tabTo(By.cssSelector("form.opendata-table-filter button[type=submit]"));
		pressAndWaitForNewDocument(Keys.ENTER);
	}

	@Test
	void aVisitorSearchesFiltersPagesAndResetsByKeyboard() {
		filterBy("Bus", "filter-1", "Wattenscheid");
		assertThat(driver.findElement(By.id("ergebnis")).getText()).isEqualTo("134 von 400 Zeilen");
		assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("Bus");
		assertThat(driver.findElement(By.tagName("table")).getText()).contains("Halt 2", "Wattenscheid")
			.doesNotContain("Mitte", "Straßenbahn");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the filtered table").isEmpty();

		tabTo(By.cssSelector("main a[rel=next]"));
		pressAndWaitForNewDocument(Keys.ENTER);
		assertThat(URI.create(driver.getCurrentUrl()).getRawQuery()).contains("q=Bus", "seite=2");
		assertThat(main()).contains("134 von 400 Zeilen", "Seite 2 von 2");
		assertThat(driver.findElement(By.id("filter-1")).getAttribute("value")).isEqualTo("Wattenscheid");

		tabTo(By.id("filter-zuruecksetzen"));
		pressAndWaitForPage(Keys.ENTER, table);
		assertThat(main()).contains("Insgesamt 400 Zeilen.", "Seite 1 von 4");
		assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEmpty();
	}

	@Test
	void aWrongValueIsExplainedAtItsFieldAndKept() {
		filterBy("Bus", "filter-3", "viele");
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("Bitte prüfen Sie Ihre Eingaben",
				"„Einsteiger je Tag“ enthält ganze Zahlen");
		assertThat(driver.findElement(By.id("filter-3")).getAttribute("value")).isEqualTo("viele");
		assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("Bus");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the table page with an error").isEmpty();

		// The summary's link leads to the field.
		tabTo(By.cssSelector(".error-summary a[href='#filter-3']"));
		press(Keys.ENTER);
		assertThat(URI.create(driver.getCurrentUrl()).getFragment()).isEqualTo("filter-3");
	}
}
