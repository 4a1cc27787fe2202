package de.bochum.portal.opendata.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a publisher writes in a description cannot make the portal run or show a foreign document. */
class MarkdownTest {

	@Test
	void dataAndScriptLinksBecomePlainText() {
		String html = Markdown.toHtml("""
				[Bericht](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) und
				[Skript](JaVaScRiPt:alert(1)) und [Datei](file:///etc/passwd) und
				![Karte](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=) und <data:text/html,x>""");
		assertThat(html).doesNotContainIgnoringCase("href=\"data").doesNotContainIgnoringCase("src=\"data")
			.doesNotContainIgnoringCase("javascript").doesNotContain("file:")
			.contains("Bericht", "Skript", "Datei");
	}

	@Test
	void webMailAndRelativeLinksStay() {
		String html = Markdown.toHtml(
				"[Stadt](https://www.bochum.de/daten?x=1:2) [Amt](mailto:geodaten@bochum.example) [Liste](/daten/spielplaetze) [oben](#inhalt) [alt](http://example.org)");
		assertThat(html).contains("href=\"https://www.bochum.de/daten?x=1:2\"", "href=\"mailto:geodaten@bochum.example\"",
				"href=\"/daten/spielplaetze\"", "href=\"#inhalt\"", "href=\"http://example.org\"");
	}
}
