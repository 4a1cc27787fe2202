package de.bochum.portal.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where the portal keeps files people upload (application attachments, later datasets): a local
 * directory by default ({@code portal.files.dir}, {@code ./data/files}); an S3-compatible object
 * store is the production option for several instances (see docs/operations.md). Keys are chosen
 * by the caller, are opaque to the store and never contain a person's file name.
 */
public interface FileStore {

	/** Stores the bytes under {@code key}, replacing what was there. */
	void put(String key, byte[] content);

	/**
	 * The content stored under {@code key} as a stream from its start, empty if there is none, so
	 * that a large file can be read without holding it; the caller closes the stream.
	 */
	Optional<InputStream> open(String key);

	/** The bytes stored under {@code key}, empty if there are none; for files small enough to hold. */
	default Optional<byte[]> get(String key) {
		return open(key).map(in -> {
			try (in) {
				return in.readAllBytes();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	/** Removes what is stored under {@code key}; nothing happens if there is nothing. */
	void delete(String key);
}
