package de.bochum.portal.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Lets a module add to the portal's web security (its login, its URL rules) without the
 * platform knowing that module. The platform applies every contribution to the one filter
 * chain for pages, after its own headers and before its catch-all rule.
 */
public interface HttpSecurityContribution {

	void contribute(HttpSecurity http) throws Exception;
}
