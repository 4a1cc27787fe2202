package de.bochum.portal.platform.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The map's tile server is the only host besides the portal that may serve images, and only when configured. */
class ContentSecurityPolicyTileTest {

	@Test
	void theTileHostIsAllowedForImagesOnlyWhenConfigured() {
		String none = SecurityConfiguration.withImageOrigin(SecurityConfiguration.CONTENT_SECURITY_POLICY, "");
		assertThat(none).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("img-src 'self' data:;");
		assertThat(SecurityConfiguration.withImageOrigin(SecurityConfiguration.CONTENT_SECURITY_POLICY,
				"https://tiles.example.org/{z}/{x}/{y}.png"))
			.contains("img-src 'self' data: https://tiles.example.org;")
			.contains("script-src 'self';", "connect-src 'self';");
		assertThat(SecurityConfiguration.withImageOrigin(SecurityConfiguration.CONTENT_SECURITY_POLICY,
				"https://{s}.tile.example.org:8443/{z}/{x}/{y}.png"))
			.contains("img-src 'self' data: https://*.tile.example.org:8443;");
		assertThatThrownBy(() -> SecurityConfiguration.withImageOrigin(SecurityConfiguration.CONTENT_SECURITY_POLICY,
				"tiles.example.org/{z}/{x}/{y}.png")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> SecurityConfiguration.withImageOrigin(SecurityConfiguration.CONTENT_SECURITY_POLICY,
				"https://a;b/{z}.png")).isInstanceOf(IllegalStateException.class);
	}
}
