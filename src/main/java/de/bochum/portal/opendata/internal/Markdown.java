package de.bochum.portal.opendata.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Dataset descriptions in Markdown, rendered safely: raw HTML in the text is escaped, and a link or
 * image whose address is not http, https or mailto (or relative) is shown as its plain text, so a
 * publisher cannot inject script into the portal, neither by {@code javascript:} nor by a
 * {@code data:} document.
 */
final class Markdown {

	private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

	private static final Parser PARSER = Parser.builder()
		.postProcessor(Markdown::demoteHeadings)
		.postProcessor(Markdown::unlinkUnsafe)
		.build();

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

	private static Node unlinkUnsafe(Node document) {
		List<Node> unsafe = new ArrayList<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Link link) {
				if (!safe(link.getDestination())) {
					unsafe.add(link);
				}
				visitChildren(link);
			}

			@Override
			public void visit(Image image) {
				if (!safe(image.getDestination())) {
					unsafe.add(image);
				}
				visitChildren(image);
			}
		});
		for (Node node : unsafe) {
			// The link's text stays (an image's text is its alt text); only the address goes.
			Node child = node.getFirstChild();
			while (child != null) {
				Node next = child.getNext();
				node.insertBefore(child);
				child = next;
			}
			node.unlink();
		}
		return document;
	}

	/** http, https, mailto, or an address without a scheme (relative, a fragment). */
	static boolean safe(String destination) {
		String address = destination == null ? "" : destination.strip();
		int colon = address.indexOf(':');
		int boundary = indexOfAny(address, "/?#");
		if (colon < 0 || (boundary >= 0 && boundary < colon)) {
			return true;
		}
		return SAFE_SCHEMES.contains(address.substring(0, colon).toLowerCase(Locale.ROOT));
	}

	private static int indexOfAny(String s, String chars) {
		for (int i = 0; i < s.length(); i++) {
			if (chars.indexOf(s.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}
}
