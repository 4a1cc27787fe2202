package de.bochum.portal.applications;

/**
 * Hands a submitted application to the office's own system (FIT-Connect, a specialised procedure,
 * an e-file). The portal keeps the application and retries until this returns normally; an
 * implementation throws when the receiver did not confirm receipt.
 */
public interface SubmissionDelivery {

	/**
	 * @param reference the case's reference number
	 * @param document the application as a JSON document (form, version, answers, files' metadata)
	 * @throws Exception when the receiver did not take it
	 */
	void deliver(String reference, String document) throws Exception;
}
