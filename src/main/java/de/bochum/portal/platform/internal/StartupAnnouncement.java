package de.bochum.portal.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the portal where to open it. */
@Component
class StartupAnnouncement {

	private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

	@EventListener
	void announce(WebServerInitializedEvent event) {
		// Only the main server; a separate management port announces nothing.
		if (event.getApplicationContext().getServerNamespace() == null) {
			log.info("Bochumportal läuft: http://localhost:{}", event.getWebServer().getPort());
		}
	}
}
