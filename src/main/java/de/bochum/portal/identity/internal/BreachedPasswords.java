package de.bochum.portal.identity.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Passwords known from published breaches, checked offline: the operator downloads a list of SHA-1
 * hashes sorted by hash (the format of the "Pwned Passwords" download: {@code HASH:COUNT} per line,
 * any subset of it) and sets {@code portal.identity.breached-passwords-file}. The portal searches the
 * file on disk by bisection, so even the full list (tens of gigabytes) needs no memory, and no
 * password, hash or prefix ever leaves the server.
 */
@Component
class BreachedPasswords {

	private static final Logger log = LoggerFactory.getLogger(BreachedPasswords.class);

	private final Path file;

	BreachedPasswords(@Value("${portal.identity.breached-passwords-file:}") String file) {
		this.file = file.isBlank() ? null : Path.of(file);
		if (this.file != null && !Files.isReadable(this.file)) {
			throw new IllegalStateException("portal.identity.breached-passwords-file is not readable: " + file);
		}
		if (this.file != null) {
			log.info("Passwörter werden gegen die Liste bekannter Passwörter in {} geprüft", this.file);
		}
	}

	/** Whether the password is on the list; false when no list is configured. */
	boolean contains(String password) {
		if (file == null || password == null) {
			return false;
		}
		return containsHash(sha1(password));
	}

	/** Whether the list has this SHA-1 hash (hex, any case). */
	boolean containsHash(String sha1) {
		if (file == null) {
			return false;
		}
		String wanted = sha1.toUpperCase(Locale.ROOT);
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			// Smallest position whose next line sorts at or after the wanted hash (or is past the end):
			// the property grows with the position because the lines are sorted, so bisection finds it.
			long low = 0;
			long high = length;
			while (low < high) {
				long middle = (low + high) >>> 1;
				String line = lineFrom(in, middle, length);
				if (line != null && hashOf(line).compareTo(wanted) < 0) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			String line = lineFrom(in, low, length);
			return line != null && hashOf(line).equals(wanted);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The first whole line that starts at or after {@code position}, or null past the end. */
	private static String lineFrom(RandomAccessFile in, long position, long length) throws IOException {
		if (position > 0) {
			in.seek(position - 1);
			in.readLine();
		}
		else {
			in.seek(0);
		}
		return in.getFilePointer() >= length ? null : in.readLine();
	}

	private static String hashOf(String line) {
		int colon = line.indexOf(':');
		return (colon < 0 ? line : line.substring(0, colon)).strip().toUpperCase(Locale.ROOT);
	}

	static String sha1(String password) {
		try {
			return HexFormat.of()
				.withUpperCase()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
