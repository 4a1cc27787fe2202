package de.bochum.portal.applications.internal;

import java.net.URI;

import de.bochum.portal.applications.SubmissionDelivery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default delivery, by signed HTTP POST, when an endpoint is configured; off otherwise. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

	@Bean
	@ConditionalOnProperty("portal.applications.delivery.url")
	SubmissionDelivery httpSubmissionDelivery(@Value("${portal.applications.delivery.url}") URI url,
			@Value("${portal.applications.delivery.key:}") String key) {
		return new HttpSubmissionDelivery(url, key);
	}
}
