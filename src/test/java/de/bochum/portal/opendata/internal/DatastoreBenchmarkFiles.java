package de.bochum.portal.opendata.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;

/** Input for {@link DatastoreBenchmark}: the largest of Bochum's CSV files, and a generated one. */
final class DatastoreBenchmarkFiles {

	private static final String[] DISTRICTS = { "Mitte", "Wattenscheid", "Nord", "Ost", "Süd", "Südwest" };

	private DatastoreBenchmarkFiles() {
	}

	static Path largestShared() throws IOException {
		Path dir = OpendataDatastoreTest.bochumData();
		if (!Files.isDirectory(dir)) {
			return null;
		}
		try (var files = Files.list(dir)) {
			return files.filter(f -> f.toString().endsWith(".csv"))
				.max(Comparator.comparingLong(f -> f.toFile().length()))
				.orElse(null);
		}
	}

	/** A ;-separated file as a German office writes it: 10 columns, decimal commas, German dates. */
	static byte[] generated(int rows) {
		Random random = new Random(42);
		StringBuilder csv = new StringBuilder("id;bezirk;stadtteil;datum;zeit;wert;anteil;anzahl;bemerkung;kennung\n");
		for (int i = 1; i <= rows; i++) {
			csv.append(i).append(';').append(DISTRICTS[random.nextInt(DISTRICTS.length)]).append(';')
				.append("Stadtteil ").append(random.nextInt(30)).append(';')
				.append(String.format("%02d.%02d.%d", 1 + random.nextInt(28), 1 + random.nextInt(12), 2015 + random.nextInt(10)))
				.append(';').append(String.format("2024-05-01 %02d:%02d:00", random.nextInt(24), random.nextInt(60))).append(';')
				.append(random.nextInt(100_000)).append(',').append(random.nextInt(100)).append(';')
				.append("0,").append(random.nextInt(1000)).append(';').append(random.nextInt(5000)).append(';')
				.append(random.nextInt(10) == 0 ? "\"mit; Semikolon\"" : "").append(';')
				.append("K-").append(random.nextInt(1_000_000)).append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}
}
