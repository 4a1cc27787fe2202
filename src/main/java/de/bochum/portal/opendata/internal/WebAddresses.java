package de.bochum.portal.opendata.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * Addresses publishers type for their files and pages. Characters that may not stand in an IRI
 * ({@code | { } ^ ` \ < > "}, controls) are percent-encoded on input, so the address still leads where
 * the publisher meant; what is then still no valid IRI is refused at the field. The exports check once
 * more, so one address stored before this rule cannot break a whole catalogue.
 */
final class WebAddresses {

	private static final String NOT_IN_AN_IRI = "|{}^`\\<>\" ";

	private WebAddresses() {
	}

	/** The address with the characters an IRI may not contain percent-encoded (UTF-8). */
	static String normalised(String address) {
		if (address == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(address.length());
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			if (c < 0x20 || c == 0x7f || NOT_IN_AN_IRI.indexOf(c) >= 0) {
				for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
					out.append('%').append(String.format("%02X", b & 0xff));
				}
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** Whether the address is an absolute http(s) IRI that RDF exports can carry. */
	static boolean valid(String address) {
		return iri(address).isPresent();
	}

	/** The address as an IRI for an export, or empty when it is none (then the export leaves it out). */
	static Optional<String> iri(String address) {
		if (address == null || !address.matches("(?i)https?://\\S+")) {
			return Optional.empty();
		}
		try {
			IRIx iri = IRIx.create(address);
			return iri.isAbsolute() && !iri.hasViolations() ? Optional.of(iri.str()) : Optional.empty();
		}
		catch (IRIException invalid) {
			return Optional.empty();
		}
	}
}
