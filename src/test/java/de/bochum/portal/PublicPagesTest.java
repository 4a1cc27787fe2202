package de.bochum.portal;

import java.util.List;
import java.util.regex.Pattern;

import de.bochum.portal.testsupport.Crawler;
import de.bochum.portal.testsupport.HtmlChecker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What holds for every public page a visitor can reach by following links: it works, sets no
 * cookie, is valid HTML, has one h1 and loads nothing from another host.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesTest {

	private static final Pattern FOREIGN_SOURCE = Pattern.compile("(src|href|action)=\"(https?:)?//(?!localhost)");

	@LocalServerPort
	int port;

	List<Crawler.Page> pages;

	@BeforeAll
	void crawl() {
		pages = Crawler.publicPages(port, 150);
	}

	@Test
	void theCrawlFindsThePortal() {
		assertThat(pages).extracting(Crawler.Page::path)
			.contains("/", "/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache", "/gebaerdensprache",
					"/kontakt");
	}

	@Test
	void everyPublicPageAnswersWithoutSettingACookie() {
		assertThat(pages).allSatisfy(page -> {
			assertThat(page.response().statusCode()).as(page.path()).isEqualTo(200);
			assertThat(page.response().headers().allValues("Set-Cookie")).as("cookies set by %s", page.path()).isEmpty();
		});
	}

	@Test
	void everyPublicPageIsValidHtmlWithOneHeading() {
		assertThat(pages).allSatisfy(page -> {
			String html = page.response().body();
			assertThat(HtmlChecker.errors(html)).as("HTML errors on %s", page.path()).isEmpty();
			assertThat(html.split("<h1", -1)).as("h1 on %s", page.path()).hasSize(2);
		});
	}

	@Test
	void noPublicPageLoadsAnythingFromAnotherHost() {
		assertThat(pages).allSatisfy(page -> assertThat(FOREIGN_SOURCE.matcher(headOf(page.response().body())).find())
			.as("scripts, styles or fonts from another host on %s", page.path())
			.isFalse());
	}

	/** Links to other sites are fine in the content; what the page loads is declared in the head. */
	private static String headOf(String html) {
		int end = html.indexOf("</head>");
		return end < 0 ? html : html.substring(0, end);
	}
}
