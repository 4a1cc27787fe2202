package de.bochum.portal.applications;

import java.util.Set;

/** Where an application stands: received, in progress, waiting for the applicant, or closed. */
public enum CaseState {
	EINGEGANGEN, IN_BEARBEITUNG, RUECKFRAGE, BEWILLIGT, ABGELEHNT;

	public boolean closed() {
		return this == BEWILLIGT || this == ABGELEHNT;
	}

	/** The states a caseworker may move a case to from this one. */
	public Set<CaseState> next() {
		return switch (this) {
			case EINGEGANGEN -> Set.of(IN_BEARBEITUNG, RUECKFRAGE, BEWILLIGT, ABGELEHNT);
			case IN_BEARBEITUNG -> Set.of(RUECKFRAGE, BEWILLIGT, ABGELEHNT);
			case RUECKFRAGE -> Set.of(IN_BEARBEITUNG, BEWILLIGT, ABGELEHNT);
			case BEWILLIGT, ABGELEHNT -> Set.of();
		};
	}
}
