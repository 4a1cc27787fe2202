/**
 * Accounts and sign-in. Today: staff accounts with roles, form login with lockout after
 * repeated failures, the first administrator, password change. Citizen accounts, TOTP and
 * OpenID Connect follow (see the issue on data protection and identity).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identität")
package de.bochum.portal.identity;
