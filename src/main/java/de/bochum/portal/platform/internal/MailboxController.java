package de.bochum.portal.platform.internal;

import java.util.Set;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.platform.StaffLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The embedded mailbox for administrators: what the portal sent, when no mail server is configured. */
@Controller
@Conditional(MailConfiguration.NoMailHost.class)
class MailboxController {

	private final EmbeddedMailbox mailbox;

	MailboxController(EmbeddedMailbox mailbox) {
		this.mailbox = mailbox;
	}

	@Bean
	static StaffLink mailboxLink() {
		return new StaffLink("staff.link.mailbox", "/intern/postfach", Set.of("ADMIN"), 990);
	}

	@GetMapping("/intern/postfach")
	@PreAuthorize("hasRole('ADMIN')")
	String mailbox(@ModelAttribute("ctx") PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("mailbox.title"),
				new Breadcrumb(ctx.t("staff.title"), "/intern")));
		model.addAttribute("mails", mailbox.mails());
		return "platform/mailbox";
	}
}
