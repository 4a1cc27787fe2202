package de.bochum.portal.applications.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import de.bochum.portal.applications.internal.FormDefinition.Field;
import de.bochum.portal.platform.FileStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files people upload with an application. The name's extension must be one the field allows and
 * the content must really be of that kind (judged by its first bytes, not by what the browser
 * says): a text file renamed to {@code .pdf} is refused. Contents go to the {@link FileStore}.
 */
@Component
class Uploads {

	/** A kind of file the portal accepts, with its extensions and the bytes it starts with. */
	enum Kind {
		PDF("application/pdf", List.of("pdf"), new byte[] { '%', 'P', 'D', 'F', '-' }),
		JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
		PNG("image/png", List.of("png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });

		final String contentType;
		final List<String> extensions;
		final byte[] magic;

		Kind(String contentType, List<String> extensions, byte[] magic) {
			this.contentType = contentType;
			this.extensions = extensions;
			this.magic = magic;
		}

		boolean matches(byte[] content) {
			return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
		}

		static Optional<Kind> byExtension(String fileName) {
			int dot = fileName.lastIndexOf('.');
			String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
			return Arrays.stream(values()).filter(k -> k.extensions.contains(extension)).findFirst();
		}
	}

	record StoredFile(UUID id, String fileName, String contentType, long size) {
	}

	/** Either the stored file or what is wrong with it, as a message for the person. */
	record Outcome(StoredFile file, String error) {
	}

	private final JdbcClient jdbc;
	private final FileStore store;
	private final Clock clock;

	Uploads(JdbcClient jdbc, FileStore store, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
	}

	/** Checks a file against the field's rules and stores it for the draft (or, with a case, for a message). */
	Outcome accept(Field field, MultipartFile upload, UUID draftId, Long caseId, Long eventId) {
		String fileName = safeName(upload.getOriginalFilename());
		List<Kind> allowed = field.accept().stream().map(a -> Kind.valueOf(a.toUpperCase(Locale.ROOT))).toList();
		String kinds = allowed.stream().map(Kind::name).collect(Collectors.joining(", "));
		Optional<Kind> kind = Kind.byExtension(fileName).filter(allowed::contains);
		if (kind.isEmpty()) {
			return new Outcome(null, "Die Datei „" + fileName + "“ hat ein Format, das wir nicht annehmen. Erlaubt sind: " + kinds + ".");
		}
		long maxBytes = field.maxKb() * 1024L;
		if (upload.getSize() > maxBytes) {
			return new Outcome(null, "Die Datei „" + fileName + "“ ist zu groß. Sie darf höchstens " + (field.maxKb() / 1024)
					+ " MB groß sein.");
		}
		if (upload.getSize() == 0) {
			return new Outcome(null, "Die Datei „" + fileName + "“ ist leer.");
		}
		byte[] content;
		try {
			content = upload.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!kind.get().matches(content)) {
			return new Outcome(null, "Die Datei „" + fileName + "“ ist keine echte " + kind.get().name()
					+ "-Datei, auch wenn ihr Name so endet. Bitte laden Sie die Datei im richtigen Format hoch.");
		}
		UUID id = UUID.randomUUID();
		String key = "applications/" + id;
		store.put(key, content);
		jdbc.sql("""
				insert into applications_file (id, draft_id, case_id, event_id, field_id, file_name, content_type, size_bytes, store_key, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, draftId, caseId, eventId, field.id(), fileName, kind.get().contentType, content.length, key,
					Drafts.ts(clock.instant()))
			.update();
		return new Outcome(new StoredFile(id, fileName, kind.get().contentType, content.length), null);
	}

	/** File names of the given ids, for display. */
	Map<String, String> names(java.util.Collection<String> ids) {
		List<UUID> uuids = ids.stream().map(Uploads::uuid).flatMap(Optional::stream).toList();
		if (uuids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select id, file_name from applications_file where id in (:ids)")
			.param("ids", uuids)
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Moves a draft's files to its case (only those still answered, the others are deleted). */
	void attachToCase(UUID draftId, long caseId, java.util.Collection<String> keptIds) {
		List<UUID> kept = keptIds.stream().map(Uploads::uuid).flatMap(Optional::stream).toList();
		for (FileRow row : filesOfDraft(draftId)) {
			if (kept.contains(row.id())) {
				jdbc.sql("update applications_file set case_id = ?, draft_id = null where id = ?").params(caseId, row.id()).update();
			}
			else {
				delete(row);
			}
		}
	}

	record FileRow(UUID id, String fieldId, String fileName, String contentType, long size, String key) {
	}

	List<FileRow> filesOfDraft(UUID draftId) {
		return rows("draft_id", draftId);
	}

	List<FileRow> filesOfCase(long caseId) {
		return rows("case_id", caseId);
	}

	Optional<FileRow> fileOfCase(long caseId, UUID id) {
		return filesOfCase(caseId).stream().filter(f -> f.id().equals(id)).findFirst();
	}

	Optional<byte[]> content(FileRow row) {
		return store.get(row.key());
	}

	void delete(FileRow row) {
		store.delete(row.key());
		jdbc.sql("delete from applications_file where id = ?").param(row.id()).update();
	}

	private List<FileRow> rows(String column, Object value) {
		return jdbc.sql("select id, field_id, file_name, content_type, size_bytes, store_key from applications_file where "
				+ column + " = ? order by created_at")
			.param(value)
			.query((rs, i) -> new FileRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getString(6)))
			.list();
	}

	static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** The last part of what the browser sent, without path or control characters, at most 120 characters. */
	static String safeName(String original) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>]", "").strip();
		if (name.isEmpty()) {
			name = "datei";
		}
		return name.length() > 120 ? name.substring(name.length() - 120) : name;
	}
}
