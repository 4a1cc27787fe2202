package de.bochum.portal.applications.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.core.io.ClassPathResource;

/**
 * The receipt (Eingangsbestätigung) as PDF: reference number, tracking code, time, and every
 * answer as submitted. DejaVu Sans is embedded (subset), so umlauts and ß print everywhere.
 */
final class Receipt {

	/** One line of the answers: label and value; a null value makes the label a heading. */
	record Line(String label, String value) {
	}

	private static final float MARGIN = 56;
	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private Receipt() {
	}

	static byte[] render(String title, String reference, String trackingCode, String submitted, List<Line> lines) {
		try (PDDocument document = new PDDocument()) {
			PDFont regular = font(document, "fonts/DejaVuSans.ttf");
			PDFont bold = font(document, "fonts/DejaVuSans-Bold.ttf");
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle("Eingangsbestätigung " + reference);
			info.setAuthor("Stadt Bochum");
			Writer writer = new Writer(document, regular, bold);
			writer.text(bold, 16, "Eingangsbestätigung");
			writer.text(regular, 11, title);
			writer.gap(8);
			writer.text(bold, 12, "Vorgangsnummer: " + reference);
			writer.text(bold, 12, "Zugangscode: " + trackingCode);
			writer.text(regular, 10, "Eingegangen am " + submitted);
			writer.text(regular, 10, "Mit Vorgangsnummer und Zugangscode sehen Sie den Stand unter /antrag/status im Bochumportal. "
					+ "Bewahren Sie den Zugangscode sicher auf und geben Sie ihn nicht weiter.");
			writer.gap(10);
			for (Line line : lines) {
				if (line.value() == null) {
					writer.gap(6);
					writer.text(bold, 11, line.label());
				}
				else {
					writer.text(regular, 10, line.label() + ": " + (line.value().isEmpty() ? "keine Angabe" : line.value()));
				}
			}
			writer.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static PDFont font(PDDocument document, String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return PDType0Font.load(document, in);
		}
	}

	/** Writes lines top to bottom, wrapping words and starting new pages as needed. */
	private static final class Writer {

		private final PDDocument document;
		private PDPageContentStream stream;
		private float y;

		Writer(PDDocument document, PDFont regular, PDFont bold) throws IOException {
			this.document = document;
			newPage();
		}

		void text(PDFont font, float size, String text) throws IOException {
			for (String line : wrap(font, size, text.replaceAll("[\\r\\n\\t]+", " "))) {
				if (y < MARGIN + size) {
					newPage();
				}
				stream.beginText();
				stream.setFont(font, size);
				stream.newLineAtOffset(MARGIN, y);
				stream.showText(line);
				stream.endText();
				y -= size * 1.4f;
			}
		}

		void gap(float points) {
			y -= points;
		}

		private List<String> wrap(PDFont font, float size, String text) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String word : text.split(" ")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (font.getStringWidth(candidate) / 1000 * size > WIDTH && !line.isEmpty()) {
					lines.add(line.toString());
					line = new StringBuilder(word);
				}
				else {
					line = new StringBuilder(candidate);
				}
			}
			lines.add(line.toString());
			return lines;
		}

		private void newPage() throws IOException {
			if (stream != null) {
				stream.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			stream = new PDPageContentStream(document, page);
			y = PDRectangle.A4.getHeight() - MARGIN;
		}

		void close() throws IOException {
			stream.close();
		}
	}
}
