/**
 * Online applications: forms defined as data (versioned JSON), the citizen's step-by-step flow
 * without an account, case tracking with reference and secret code, the caseworkers' inbox, and
 * delivery of submitted applications to the offices' systems. Other modules hear about cases
 * through {@link de.bochum.portal.applications.ApplicationSubmitted} and
 * {@link de.bochum.portal.applications.ApplicationStateChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Online-Anträge")
package de.bochum.portal.applications;
