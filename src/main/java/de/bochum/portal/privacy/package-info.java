/**
 * Data protection as a property of the code: the register of personal data built from the
 * declarations where the data is defined (and a start-up check that nothing personal is
 * undeclared), the records of processing activities (GDPR Art. 30), the generated privacy
 * notice, and the tamper-evident access audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Datenschutz")
package de.bochum.portal.privacy;
