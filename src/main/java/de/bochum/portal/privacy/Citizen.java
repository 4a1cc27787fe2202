package de.bochum.portal.privacy;

/**
 * A person who asks for their data: a citizen account, or (later) the holder of a reference and
 * secret code of one application or booking.
 *
 * @param accountId the citizen account's id, or null without an account
 * @param email the confirmed email address
 */
public record Citizen(Long accountId, String email) {
}
