package de.bochum.portal.platform.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The portal's own SMTP mailbox for development and tests: it accepts every mail sent to it and
 * keeps it in memory until restart. Never used when an operator configured a mail server.
 */
public final class EmbeddedMailbox {

	/** A received mail as the mailbox page shows it. */
	public record Mail(String to, String subject, Instant receivedAt, String text) {
	}

	private final GreenMail greenMail;
	private final int port;

	EmbeddedMailbox(GreenMail greenMail, int port) {
		this.greenMail = greenMail;
		this.port = port;
	}

	public int port() {
		return port;
	}

	/** Received mail, newest first. */
	public List<Mail> mails() {
		return Arrays.stream(greenMail.getReceivedMessages())
			.map(EmbeddedMailbox::read)
			.sorted(Comparator.comparing(Mail::receivedAt).reversed())
			.toList();
	}

	/** Received mail to one address, newest first (addresses compared case-insensitively). */
	public List<Mail> mailsTo(String address) {
		return mails().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
	}

	void stop() {
		greenMail.stop();
	}

	private static Mail read(MimeMessage message) {
		try {
			String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.map(Object::toString)
				.findFirst()
				.orElse("");
			Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
					: message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.EPOCH;
			Object content = message.getContent();
			return new Mail(to, message.getSubject(), received, content instanceof String text ? text : "");
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException("unreadable mail in the embedded mailbox", e);
		}
	}
}
