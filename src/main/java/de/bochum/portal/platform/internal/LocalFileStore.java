package de.bochum.portal.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

import de.bochum.portal.platform.FileStore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files in a local directory. A file is written to a temporary name first and then moved, so a
 * reader never sees half a file. Keys are restricted to a safe alphabet: a key can never climb out
 * of the directory.
 */
@Component
class LocalFileStore implements FileStore {

	private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,200}");

	private final Path root;

	LocalFileStore(@Value("${portal.files.dir:./data/files}") Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void put(String key, byte[] content) {
		Path target = resolve(key);
		try {
			Files.createDirectories(target.getParent());
			Path temporary = Files.createTempFile(target.getParent(), ".upload", ".tmp");
			Files.write(temporary, content);
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public Optional<InputStream> open(String key) {
		Path file = resolve(key);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Files.newInputStream(file));
		}
		catch (NoSuchFileException deletedMeanwhile) {
			return Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(resolve(key));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Path resolve(String key) {
		if (!SAFE_KEY.matcher(key).matches() || key.contains("..")) {
			throw new IllegalArgumentException("unsafe file key");
		}
		Path path = root.resolve(key).normalize();
		if (!path.startsWith(root)) {
			throw new IllegalArgumentException("unsafe file key");
		}
		return path;
	}
}
