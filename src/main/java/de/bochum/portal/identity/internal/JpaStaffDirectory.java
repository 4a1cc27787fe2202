package de.bochum.portal.identity.internal;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import de.bochum.portal.identity.Role;
import de.bochum.portal.identity.StaffDirectory;
import de.bochum.portal.identity.StaffMember;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JpaStaffDirectory implements StaffDirectory {

	private final StaffAccountRepository repository;
	private final StaffAccounts accounts;

	JpaStaffDirectory(StaffAccountRepository repository, StaffAccounts accounts) {
		this.repository = repository;
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<String> officesOf(String username) {
		return accounts.find(username).map(StaffAccount::offices).orElse(Set.of());
	}

	@Override
	@Transactional(readOnly = true)
	public List<StaffMember> members(String dienststelleSlug, Role role) {
		Collator german = Collator.getInstance(Locale.GERMAN);
		return repository.findMembers(dienststelleSlug, role)
			.stream()
			.map(JpaStaffDirectory::member)
			.sorted(Comparator.comparing(StaffMember::displayName, german))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StaffMember> find(String username) {
		return accounts.find(username).map(JpaStaffDirectory::member);
	}

	private static StaffMember member(StaffAccount account) {
		return new StaffMember(account.username(), account.displayName(), account.roles(), account.offices());
	}
}
