package de.bochum.portal.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker itself must be able to fail, or "zero errors" means nothing. */
class HtmlCheckerTest {

	@Test
	void reportsErrorsInBrokenHtml() {
		assertThat(HtmlChecker.errors("<!DOCTYPE html><html lang=\"de\"><head></head><body><a href=\"x\"><a>y</a></a><p id=\"a\" id=\"a\"></body></html>"))
			.isNotEmpty();
	}

	@Test
	void acceptsAValidDocument() {
		assertThat(HtmlChecker.errors(
				"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>T</title></head><body><p>Hallo</p></body></html>"))
			.isEmpty();
	}
}
