package de.bochum.portal.platform;

/**
 * Sends plain-text mail over SMTP: to the operator's mail server when {@code SPRING_MAIL_HOST} is
 * set, otherwise to the portal's own mailbox on loopback, which administrators read at
 * {@code /intern/postfach}. Plain text only: it reads well in every mail program and screen reader
 * and carries no tracking pixels.
 */
public interface Mailer {

	/**
	 * @param to one recipient address
	 * @param subject the subject line
	 * @param text the body, plain text
	 * @throws MailFailure when the mail server refuses or cannot be reached
	 */
	void send(String to, String subject, String text);

	/** The mail could not be handed to the mail server; the caller decides whether to retry. */
	class MailFailure extends RuntimeException {

		public MailFailure(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
