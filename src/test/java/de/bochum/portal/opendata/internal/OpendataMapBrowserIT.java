package de.bochum.portal.opendata.internal;

import java.time.Duration;
import java.util.List;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import de.bochum.portal.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map preview of a GeoJSON file in Chromium, on the demo catalogue: the portal's own Leaflet
 * draws every feature without a tile server, nothing is fetched from another host, the map zooms
 * with the keyboard, and axe-core finds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.opendata.demo-content=true", TestDatabase.OWN_DATABASE + "=opendata_demo",
				"portal.files.dir=target/demo-files" })
class OpendataMapBrowserIT extends BrowserTest {

	@Test
	void theMapDrawsEveryFeatureFromThePortalAloneAndZoomsWithTheKeyboard() {
		driver.get(url("/daten/wlan-hotspots"));
		tabTo(By.partialLinkText("Hotspots (GeoJSON)"));
		press(Keys.ENTER);
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		wait.until(d -> d.findElement(By.id("karte")).getAttribute("data-features") != null);
		assertThat(driver.findElement(By.id("karte")).getAttribute("data-features")).isEqualTo("48");
		assertThat(driver.findElements(By.cssSelector("#karte path.leaflet-interactive"))).hasSize(48);
		assertThat(driver.findElements(By.cssSelector("#karte-objekte ~ tbody tr, table:has(#karte-objekte) tbody tr")))
			.hasSize(48);

		Object origins = js("return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)");
		assertThat((List<?>) origins).isNotEmpty().allSatisfy(o -> assertThat(o).isEqualTo("http://localhost:" + port));
		assertThat(Browser.axeViolations(driver)).as("axe-core on the map page").isEmpty();

		double before = spread();
		tabTo(By.id("karte"));
		press("+");
		wait.until(d -> spread() > before * 1.5);
		assertThat(spread()).isGreaterThan(before * 1.5);
	}

	/** The horizontal distance between the two outermost features on screen: it doubles with each zoom step. */
	private double spread() {
		return ((Number) js("""
				const xs = [...document.querySelectorAll('#karte path.leaflet-interactive')]
				  .map(p => p.getBoundingClientRect()).map(r => r.left + r.width / 2);
				return Math.max(...xs) - Math.min(...xs);""")).doubleValue();
	}

	private Object js(String script) {
		return ((JavascriptExecutor) driver).executeScript(script);
	}
}
