package de.bochum.portal.privacy;

/**
 * One declared personal field: where it is stored and why.
 *
 * @param module the module that stores it (its package name, e.g. {@code identity})
 * @param table database table
 * @param column database column
 * @param label what the field is, in German
 * @param category e.g. "Konto", "Kontakt"
 * @param purpose Zweck
 * @param legalBasis Rechtsgrundlage
 * @param retention Speicherdauer
 * @param visibleTo who may see it
 */
public record PersonalDataDeclaration(String module, String table, String column, String label, String category,
		String purpose, String legalBasis, String retention, String visibleTo) {
}
