package de.bochum.portal.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * After {@code maxFailures} wrong passwords in a row an account is locked for {@code duration}
 * (BSI IT-Grundschutz ORP.4: limit failed sign-in attempts).
 */
@ConfigurationProperties("portal.identity.lockout")
record LockoutProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {
}
