package de.bochum.portal.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The OpenID Connect providers an operator configured, split by who signs in with them: the ids
 * listed in {@code portal.identity.oidc.citizen-registrations} are for citizens (BundID, a Land's
 * Servicekonto), all others for staff. A provider for citizens never opens a staff page.
 */
@Component
class OidcRegistrations {

	private final ObjectProvider<ClientRegistrationRepository> registrations;
	private final Set<String> citizenIds;

	OidcRegistrations(ObjectProvider<ClientRegistrationRepository> registrations,
			@Value("${portal.identity.oidc.citizen-registrations:}") Set<String> citizenIds) {
		this.registrations = registrations;
		this.citizenIds = Set.copyOf(citizenIds);
	}

	boolean configured() {
		return registrations.getIfAvailable() != null;
	}

	boolean forCitizens(String registrationId) {
		return citizenIds.contains(registrationId);
	}

	List<StaffOidc.Provider> staffProviders() {
		return all().stream().filter(p -> !forCitizens(p.registrationId())).toList();
	}

	List<StaffOidc.Provider> citizenProviders() {
		return all().stream().filter(p -> forCitizens(p.registrationId())).toList();
	}

	private List<StaffOidc.Provider> all() {
		ClientRegistrationRepository repository = registrations.getIfAvailable();
		List<StaffOidc.Provider> providers = new ArrayList<>();
		if (repository instanceof Iterable<?> all) {
			for (Object registration : all) {
				ClientRegistration client = (ClientRegistration) registration;
				providers.add(new StaffOidc.Provider(client.getRegistrationId(), client.getClientName()));
			}
		}
		return providers;
	}
}
