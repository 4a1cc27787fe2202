package de.bochum.portal;

import java.util.List;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import de.bochum.portal.testsupport.Crawler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page a visitor can reach, in Chromium: no request to any host but the portal's
 * own (no fonts, scripts, maps or analytics from third parties), no cookie, and no axe-core
 * violation of WCAG 2.1 A/AA.
 */
class PublicPagesBrowserIT extends BrowserTest {

	List<String> paths;

	@BeforeAll
	void setUp() {
		paths = Crawler.publicPages(port, 80).stream().map(Crawler.Page::path).toList();
	}

	@Test
	void everyPublicPageStaysOnThePortalAndPassesAxe() {
		String origin = "http://localhost:" + port;
		assertThat(paths).hasSizeGreaterThan(5);
		for (String path : paths) {
			driver.manage().deleteAllCookies();
			driver.get(origin + path);
			Object origins = ((JavascriptExecutor) driver).executeScript(
					"return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)");
			assertThat((Iterable<?>) origins).as("hosts contacted by %s", path).allSatisfy(o -> assertThat(o).isEqualTo(origin));
			assertThat(driver.manage().getCookies()).as("cookies after %s", path).isEmpty();
			assertThat(Browser.axeViolations(driver)).as("axe-core on %s", path).isEmpty();
		}
	}
}
