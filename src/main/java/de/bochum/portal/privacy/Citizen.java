package de.bochum.portal.privacy;

/**
 * A person who asks for their data: the holder of a citizen account, or — without an account — the
 * holder of the reference number and secret code of one application or booking.
 *
 * @param accountId the citizen account's id, or null without an account
 * @param email the confirmed email address of the account, or null
 * @param reference the reference number of one record (e.g. {@code BO-2026-7K4M9}), or null
 * @param code the secret code that came with the reference, or null
 */
public record Citizen(Long accountId, String email, String reference, String code) {

	/** The holder of an account. */
	public Citizen(Long accountId, String email) {
		this(accountId, email, null, null);
	}

	/** Someone without an account, proving with reference and code that one record is theirs. */
	public static Citizen holderOf(String reference, String code) {
		return new Citizen(null, null, reference, code);
	}

	/**
	 * Whether this person asks about exactly one record by reference and code. A holder then answers
	 * with that record only if the code matches (compared in constant time), else with nothing — the
	 * same answer for a wrong code as for an unknown reference.
	 */
	public boolean byReference() {
		return reference != null && code != null;
	}
}
