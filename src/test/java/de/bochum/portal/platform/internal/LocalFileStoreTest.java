package de.bochum.portal.platform.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local file store hands out a stored file as a stream as well as whole, and nothing outside its directory. */
class LocalFileStoreTest {

	@TempDir
	Path dir;

	@Test
	void aStoredFileCanBeReadAsAStreamOrWhole() throws Exception {
		LocalFileStore store = new LocalFileStore(dir);
		byte[] content = "nummer;name\n1;Höntrop\n".getBytes(StandardCharsets.UTF_8);
		store.put("opendata/abc", content);

		Optional<InputStream> opened = store.open("opendata/abc");
		assertThat(opened).isPresent();
		try (InputStream in = opened.get()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		assertThat(store.get("opendata/abc")).hasValue(content);

		store.put("opendata/abc", new byte[] { 1, 2 });
		try (InputStream in = store.open("opendata/abc").orElseThrow()) {
			assertThat(in.readAllBytes()).as("replaced").containsExactly(1, 2);
		}

		store.delete("opendata/abc");
		assertThat(store.open("opendata/abc")).isEmpty();
		assertThat(store.get("opendata/abc")).isEmpty();
		assertThat(store.open("opendata")).as("a directory is no file").isEmpty();
		assertThatThrownBy(() -> store.open("../secret")).isInstanceOf(IllegalArgumentException.class);
	}
}
