package de.bochum.portal.platform.internal;

import de.bochum.portal.testsupport.PortalHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
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
	void aRequestIsLoggedWithoutQueryAndWithoutTheFullAddress(CapturedOutput output) {
		new PortalHttp(port).get("/leistungen?q=Personalausweis+Erika+Mustermann");
		String accessLog = output.getOut().lines().filter(line -> line.contains("portal.access"))
			.collect(java.util.stream.Collectors.joining("\n"));
		assertThat(accessLog).contains("GET /leistungen 200").contains("127.0.0.0/24")
			.doesNotContain("Mustermann")
			.doesNotContain("127.0.0.1");
	}
}
