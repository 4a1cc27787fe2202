package de.bochum.portal.platform.internal;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bochum.portal.platform.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Mail over SMTP. With {@code SPRING_MAIL_HOST} set, Spring Boot connects to that server. Without
 * it the portal starts its own SMTP mailbox on loopback, so that every mail really travels over
 * SMTP on a developer's machine and in tests, and nobody outside receives demo mail.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

	@Bean
	Mailer mailer(JavaMailSender sender, @Value("${portal.mail.from}") String from) {
		return (to, subject, text) -> {
			try {
				MimeMessage message = sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
				helper.setFrom(new InternetAddress(from, true));
				helper.setTo(new InternetAddress(to, true));
				helper.setSubject(subject);
				helper.setText(text, false);
				sender.send(message);
			}
			catch (MessagingException | MailException e) {
				// the address is personal data; the log gets the cause only
				log.warn("Mail konnte nicht versendet werden: {}", e.getClass().getSimpleName());
				throw new Mailer.MailFailure("mail not sent", e);
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoMailHost.class)
	static class EmbeddedMailboxConfiguration {

		@Bean(destroyMethod = "stop")
		EmbeddedMailbox embeddedMailbox(@Value("${portal.mail.embedded-port:2525}") int port) {
			ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
			GreenMail greenMail = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
			greenMail.start();
			int bound = greenMail.getSmtp().getPort();
			log.info("Eigenes SMTP-Postfach auf 127.0.0.1:{} (SPRING_MAIL_HOST nicht gesetzt)", bound);
			return new EmbeddedMailbox(greenMail, bound);
		}

		@Bean
		JavaMailSender embeddedMailSender(EmbeddedMailbox mailbox) {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost("127.0.0.1");
			sender.setPort(mailbox.port());
			sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
			return sender;
		}
	}

	static final class NoMailHost implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String host = context.getEnvironment().getProperty("spring.mail.host");
			return host == null || host.isBlank();
		}
	}
}
