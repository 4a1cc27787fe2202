package de.bochum.portal.opendata.internal;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Dataset descriptions in Markdown, rendered safely: raw HTML in the text is escaped and unsafe
 * link schemes (javascript:) are dropped, so a publisher cannot inject script into the portal.
 */
final class Markdown {

	private static final Parser PARSER = Parser.builder().postProcessor(Markdown::demoteHeadings).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private Markdown() {
	}

	static String toHtml(String markdown) {
		return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
	}

	// The page has one h1 (the dataset's title) and an h2 above the description.
	private static Node demoteHeadings(Node document) {
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Heading heading) {
				heading.setLevel(Math.min(6, heading.getLevel() + 2));
				visitChildren(heading);
			}
		});
		return document;
	}
}
