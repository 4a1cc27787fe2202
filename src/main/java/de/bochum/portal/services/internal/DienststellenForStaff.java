package de.bochum.portal.services.internal;

import java.util.List;

import de.bochum.portal.identity.OfficeCatalogue;
import de.bochum.portal.services.ServiceCatalogue;

import org.springframework.stereotype.Component;

/** Offers the catalogue's Dienststellen as the offices administrators scope staff to. */
@Component
class DienststellenForStaff implements OfficeCatalogue {

	private final ServiceCatalogue catalogue;

	DienststellenForStaff(ServiceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	public List<Office> offices() {
		return catalogue.dienststellen().stream().map(d -> new Office(d.slug(), d.name())).toList();
	}
}
