package de.bochum.portal.platform;

/**
 * Random secrets generated once per installation and kept in its database, so that every instance
 * of the portal uses the same one without an operator having to hand it out (e.g. the key of the
 * rate limiter's buckets, the password of the datastore's read-only database login).
 */
public interface InstallationSecrets {

	/** The 32 random bytes stored under {@code name}, generated on first use. */
	byte[] secret(String name);
}
