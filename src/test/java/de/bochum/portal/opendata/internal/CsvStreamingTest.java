package de.bochum.portal.opendata.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The datastore loader reads a CSV file from storage as a stream, opened anew for the type sample
 * and for the load, so that a file larger than the memory it may use still loads.
 */
class CsvStreamingTest {

	@Test
	void rowsAreStreamedFromAFileThatIsNeverHeldWhole() {
		int rows = 300_000;
		AtomicInteger opened = new AtomicInteger();
		AtomicLong largestRead = new AtomicLong();
		CsvTable.Source generated = () -> {
			opened.incrementAndGet();
			return new GeneratedCsv(rows, largestRead);
		};

		CsvTable.Format format = CsvTable.detect(generated);
		assertThat(format.delimiter()).isEqualTo(';');
		CsvTable.Plan plan = CsvTable.plan(generated, format);
		assertThat(plan.fields().stream().map(f -> f.type().ckan)).containsExactly("int8", "text", "numeric");
		List<String> problems = new ArrayList<>();
		AtomicLong seen = new AtomicLong();
		String[] last = new String[3];
		long streamed = CsvTable.stream(generated, plan, (line, values) -> {
			seen.incrementAndGet();
			System.arraycopy(values, 0, last, 0, 3);
		}, problems);

		assertThat(streamed).isEqualTo(rows);
		assertThat(seen.get()).isEqualTo(rows);
		assertThat(last).containsExactly(String.valueOf(rows), "Straße " + rows, rows + ".5");
		assertThat(problems).isEmpty();
		assertThat(opened.get()).as("detection, sample and load each read from the start").isGreaterThanOrEqualTo(3);
		assertThat(largestRead.get()).as("no read asks for the whole file (about %d MB)", rows * 25 / 1_000_000)
			.isLessThanOrEqualTo(CsvTable.DETECT_BYTES);
	}

	@Test
	void aUtf8FileWhoseDetectionPrefixEndsInsideAnUmlautIsStillReadAsUtf8() {
		byte[] header = "name;ort\n".getBytes(StandardCharsets.UTF_8);
		byte[] line = "a;Bochum\n".getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[CsvTable.DETECT_BYTES + 64];
		System.arraycopy(header, 0, file, 0, header.length);
		for (int at = header.length; at + line.length <= file.length; at += line.length) {
			System.arraycopy(line, 0, file, at, line.length);
		}
		// "ü" is two bytes in UTF-8; put it across the end of the prefix the encoding is judged from.
		int cut = CsvTable.DETECT_BYTES - 1;
		byte[] umlaut = "a;Gü".getBytes(StandardCharsets.UTF_8);
		System.arraycopy(umlaut, 0, file, cut - 3, umlaut.length);
		assertThat(file[CsvTable.DETECT_BYTES - 1] & 0xFF).as("the first byte of ü is the prefix's last").isEqualTo(0xC3);

		assertThat(CsvTable.detect(CsvTable.Source.of(file)).charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(CsvTable.detect(CsvTable.Source.of("name;ort\nx;Höntrop\n".getBytes(StandardCharsets.ISO_8859_1)))
			.charset().name()).isEqualTo("windows-1252");
	}

	/** A CSV file made up while it is read: it exists nowhere as a whole. */
	private static final class GeneratedCsv extends InputStream {

		private final int rows;
		private final AtomicLong largestRead;
		private ByteArrayInputStream current = new ByteArrayInputStream("nummer;strasse;wert\n".getBytes(StandardCharsets.UTF_8));
		private int row;

		GeneratedCsv(int rows, AtomicLong largestRead) {
			this.rows = rows;
			this.largestRead = largestRead;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			largestRead.accumulateAndGet(len, Math::max);
			int n = current.read(b, off, len);
			while (n < 0 && row < rows) {
				row++;
				current = new ByteArrayInputStream(
						(row + ";Straße " + row + ";" + row + ".5\n").getBytes(StandardCharsets.UTF_8));
				n = current.read(b, off, len);
			}
			return n;
		}
	}
}
