package de.bochum.portal.opendata.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.bochum.portal.platform.Hashes;
import de.bochum.portal.platform.FileStore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Files publishers upload as resources. The media type is judged from the content, never taken
 * from the client; a file whose content contradicts its extension (a picture named {@code .csv}) is
 * refused, because every consumer trusts the extension and the format field.
 */
@Component
class ResourceFiles {

	/** An upload as it arrived: the client's file name and the bytes. */
	record Upload(String fileName, byte[] content) {

		Upload {
			fileName = safeName(fileName);
		}
	}

	/** A checked upload: what the resource's fields will say about it. */
	record Checked(Upload upload, String format, String mediaType, String sha256) {
	}

	/** A stored file of a resource. */
	record Stored(UUID resourceId, String key, String fileName, String mediaType, long size) {
	}

	/** Extensions of binary formats and the bytes their files begin with. */
	private static final Map<String, byte[]> MAGIC = Map.of("pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII), "png",
			new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF },
			"jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, "zip", new byte[] { 'P', 'K', 3, 4 }, "xlsx",
			new byte[] { 'P', 'K', 3, 4 }, "ods", new byte[] { 'P', 'K', 3, 4 }, "docx", new byte[] { 'P', 'K', 3, 4 },
			"gz", new byte[] { 0x1F, (byte) 0x8B });

	private static final Map<String, String> BINARY_TYPES = Map.of("pdf", "application/pdf", "png", "image/png", "jpg",
			"image/jpeg", "jpeg", "image/jpeg", "zip", "application/zip", "xlsx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ods",
			"application/vnd.oasis.opendocument.spreadsheet", "docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "gz", "application/gzip");

	private static final Map<String, String> TEXT_TYPES = Map.of("csv", "text/csv", "txt", "text/plain", "json",
			"application/json", "geojson", "application/geo+json", "xml", "application/xml", "md", "text/markdown",
			"ttl", "text/turtle", "rdf", "application/rdf+xml");

	private final FileStore store;
	private final JdbcClient jdbc;
	private final DataSize maxSize;

	ResourceFiles(FileStore store, JdbcClient jdbc,
			@Value("${portal.opendata.upload.max-size:50MB}") DataSize maxSize) {
		this.store = store;
		this.jdbc = jdbc;
		this.maxSize = maxSize;
	}

	DataSize maxSize() {
		return maxSize;
	}

	/** The limit as people read it, e.g. "50 MB" or "64 KB". */
	String maxSizeText() {
		long bytes = maxSize.toBytes();
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
	}

	/**
	 * Checks an upload; throws {@link Publishing.Refused} with the message key on field {@code upload}
	 * for an empty or too large file, an unknown extension or content that contradicts it.
	 */
	Checked check(Upload upload) {
		byte[] content = upload.content();
		if (content.length == 0) {
			throw refused("opendata.upload.error.empty");
		}
		if (content.length > maxSize.toBytes()) {
			throw refused("opendata.upload.error.tooLarge");
		}
		String extension = extension(upload.fileName());
		String mediaType;
		if (MAGIC.containsKey(extension)) {
			byte[] magic = MAGIC.get(extension);
			if (content.length < magic.length || !Arrays.equals(Arrays.copyOf(content, magic.length), magic)) {
				throw refused("opendata.upload.error.mismatch");
			}
			mediaType = BINARY_TYPES.get(extension);
		}
		else if (TEXT_TYPES.containsKey(extension)) {
			if (!looksLikeText(content)) {
				throw refused("opendata.upload.error.mismatch");
			}
			mediaType = textType(extension, content);
		}
		else {
			throw refused("opendata.upload.error.extension");
		}
		return new Checked(upload, extension.equals("jpeg") ? "JPEG" : extension.toUpperCase(Locale.ROOT), mediaType,
				sha256(content));
	}

	private static Publishing.Refused refused(String key) {
		return new Publishing.Refused(Map.of("upload", key));
	}

	/** JSON files are only JSON if they start like JSON; GeoJSON is recognised by its content, too. */
	private static String textType(String extension, byte[] content) {
		String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8).stripLeading()
			.replace("\uFEFF", "");
		boolean json = head.startsWith("{") || head.startsWith("[");
		if (extension.equals("json") || extension.equals("geojson")) {
			if (!json) {
				throw refused("opendata.upload.error.mismatch");
			}
			return extension.equals("geojson") || head.matches("(?s)\\{\\s*\"type\"\\s*:\\s*\"(FeatureCollection|Feature)\".*")
					? "application/geo+json" : "application/json";
		}
		return TEXT_TYPES.get(extension);
	}

	/** Text in any of the encodings German open data comes in: no NUL bytes, and no control characters but tab and line breaks. */
	static boolean looksLikeText(byte[] content) {
		int sample = Math.min(content.length, 64 * 1024);
		for (int i = 0; i < sample; i++) {
			int b = content[i] & 0xFF;
			if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
				return false;
			}
		}
		return true;
	}

	static boolean isUtf8(byte[] content) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content));
			return true;
		}
		catch (CharacterCodingException notUtf8) {
			return false;
		}
	}

	/** Stores the checked file for the resource, replacing an earlier one. */
	Stored store(UUID resourceId, Checked checked) {
		String key = "opendata/" + resourceId;
		store.put(key, checked.upload().content());
		jdbc.sql("""
				insert into opendata_upload (resource_id, store_key, file_name, media_type, size_bytes, sha256)
				values (?, ?, ?, ?, ?, ?)
				on conflict (resource_id) do update set file_name = excluded.file_name, media_type = excluded.media_type,
				size_bytes = excluded.size_bytes, sha256 = excluded.sha256, created = now()""")
			.params(resourceId, key, checked.upload().fileName(), checked.mediaType(), checked.upload().content().length,
					checked.sha256())
			.update();
		return new Stored(resourceId, key, checked.upload().fileName(), checked.mediaType(),
				checked.upload().content().length);
	}

	Optional<Stored> of(UUID resourceId) {
		return jdbc.sql("select store_key, file_name, media_type, size_bytes from opendata_upload where resource_id = ?")
			.param(resourceId)
			.query((rs, i) -> new Stored(resourceId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.optional();
	}

	Optional<byte[]> content(Stored stored) {
		return store.get(stored.key());
	}

	/** The stored file as a source the datastore loader streams from, empty if the file is gone. */
	Optional<CsvTable.Source> source(Stored stored) {
		Optional<java.io.InputStream> first = store.open(stored.key());
		if (first.isEmpty()) {
			return Optional.empty();
		}
		try {
			first.get().close();
		}
		catch (java.io.IOException ignored) {
			// Only asked whether the file is there.
		}
		return Optional.of(() -> store.open(stored.key())
			.orElseThrow(() -> new java.io.FileNotFoundException("the stored file is gone: " + stored.key())));
	}

	/** Removes the file of a resource that is gone; the row goes with the resource. */
	void remove(UUID resourceId) {
		of(resourceId).ifPresent(stored -> store.delete(stored.key()));
		jdbc.sql("delete from opendata_upload where resource_id = ?").param(resourceId).update();
	}

	static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/** The last part of the client's file name, reduced to characters that are safe in a URL path. */
	static String safeName(String original) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		name = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^A-Za-z0-9._-]+", "-")
			.replaceAll("^[.-]+", "");
		if (name.isEmpty()) {
			name = "datei";
		}
		return name.length() > 120 ? name.substring(name.length() - 120) : name;
	}

	static String sha256(byte[] content) {
		return Hashes.sha256Hex(content);
	}
}
