package de.bochum.portal.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every personal field the portal stores, as declared in the code and the migrations. */
public interface PersonalDataRegister {

	/** All declarations, ordered by module, table and column. */
	List<PersonalDataDeclaration> declarations();

	/** The declarations grouped into processing activities (same purpose and legal basis). */
	default List<ProcessingActivity> activities() {
		Map<List<String>, List<PersonalDataDeclaration>> groups = new LinkedHashMap<>();
		for (PersonalDataDeclaration declaration : declarations()) {
			groups.computeIfAbsent(List.of(declaration.purpose(), declaration.legalBasis()), k -> new java.util.ArrayList<>())
				.add(declaration);
		}
		return groups.entrySet()
			.stream()
			.map(e -> new ProcessingActivity(e.getKey().get(0), e.getKey().get(1), e.getValue()))
			.toList();
	}
}
