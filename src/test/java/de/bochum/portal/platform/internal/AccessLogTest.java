package de.bochum.portal.platform.internal;

import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.bochum.portal.testsupport.PortalHttp;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessLogTest {

	@LocalServerPort
	int port;

	@Test
	void addressesAreCutToTheirNetwork() {
		assertThat(AccessLog.network("192.0.2.17")).isEqualTo("192.0.2.0/24");
		assertThat(AccessLog.network("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1::/48");
		assertThat(AccessLog.network("::1")).isEqualTo("::/48");
		assertThat(AccessLog.network("example.org")).as("never a name lookup").isEqualTo("-");
		assertThat(AccessLog.network(null)).isEqualTo("-");
	}

	@Test
	void aRequestIsLoggedWithoutQueryAndWithoutTheFullAddress() {
		// Listens on the logger itself: what the console shows depends on which test set up logging first.
		Logger logger = (Logger) LoggerFactory.getLogger("portal.access");
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		logger.addAppender(lines);
		try {
			new PortalHttp(port).get("/leistungen?q=Personalausweis+Erika+Mustermann");
			String accessLog = "";
			// The line is written once the response is out, which may be a moment after the client has it.
			for (int i = 0; i < 100 && !accessLog.contains("GET /leistungen"); i++) {
				sleep();
				accessLog = List.copyOf(lines.list).stream().map(ILoggingEvent::getFormattedMessage)
					.collect(Collectors.joining("\n"));
			}
			assertThat(accessLog).contains("GET /leistungen 200").contains("127.0.0.0/24")
				.doesNotContain("Mustermann")
				.doesNotContain("127.0.0.1");
		}
		finally {
			logger.detachAppender(lines);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
