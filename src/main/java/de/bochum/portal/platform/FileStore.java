package de.bochum.portal.platform;

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

	/** The bytes stored under {@code key}, empty if there are none. */
	Optional<byte[]> get(String key);

	/** Removes what is stored under {@code key}; nothing happens if there is nothing. */
	void delete(String key);
}
