package de.bochum.portal.identity.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bochum.portal.identity.Role;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: sign-in lookup, lockout bookkeeping and password changes.
 * Logs name accounts by their number, never by user name.
 */
@Service
class StaffAccounts implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

	static final int MIN_PASSWORD_LENGTH = 12;

	private final StaffAccountRepository repository;
	private final PasswordEncoder passwordEncoder;
	private final LockoutProperties lockout;
	private final Clock clock;
	private final SecondFactors secondFactors;
	private final BreachedPasswords breached;

	StaffAccounts(StaffAccountRepository repository, PasswordEncoder passwordEncoder, LockoutProperties lockout,
			Clock clock, SecondFactors secondFactors, BreachedPasswords breached) {
		this.breached = breached;
		this.repository = repository;
		this.passwordEncoder = passwordEncoder;
		this.lockout = lockout;
		this.clock = clock;
		this.secondFactors = secondFactors;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		StaffAccount account = find(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
			.accountLocked(account.isLockedAt(clock.instant()))
			.build();
	}

	Optional<StaffAccount> find(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		return repository.findByUsernameIgnoreCase(username.strip());
	}

	@Transactional
	StaffAccount create(String username, String displayName, String rawPassword, Set<Role> roles,
			boolean mustChangePassword) {
		return create(username, displayName, rawPassword, roles, Set.of(), mustChangePassword);
	}

	@Transactional
	StaffAccount create(String username, String displayName, String rawPassword, Set<Role> roles,
			Set<String> offices, boolean mustChangePassword) {
		StaffAccount account = new StaffAccount(username.strip().toLowerCase(java.util.Locale.ROOT), displayName,
				passwordEncoder.encode(rawPassword), roles, mustChangePassword, clock.instant());
		account.update(displayName, roles, offices);
		return repository.save(account);
	}

	boolean isEmpty() {
		return repository.count() == 0;
	}

	@EventListener
	@Transactional
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		find(event.getAuthentication().getName()).ifPresent(account -> {
			account.recordFailure(clock.instant(), lockout.maxFailures(), lockout.duration());
			if (account.isLockedAt(clock.instant())) {
				log.warn("Konto {} nach {} Fehlversuchen für {} gesperrt", account.id(), account.failedAttempts(),
						lockout.duration());
			}
		});
	}

	/**
	 * A correct password alone counts as a successful sign-in only where no second factor follows;
	 * otherwise the failure count stays until the code is right, so guesses at the code stay limited.
	 */
	@EventListener
	@Transactional
	void onSuccess(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		if (!secondFactors.requiredFor(username)) {
			find(username).ifPresent(account -> account.recordSuccess(clock.instant()));
		}
	}

	/** A sign-in the identity provider vouched for: as complete as password plus second factor. */
	@Transactional
	void recordSignIn(String username) {
		find(username).ifPresent(account -> account.recordSuccess(clock.instant()));
	}

	@Transactional(readOnly = true)
	java.util.List<StaffAccountSummary> all() {
		return repository.findAll(org.springframework.data.domain.Sort.by("username")).stream().map(this::summary).toList();
	}

	@Transactional(readOnly = true)
	Optional<StaffAccountSummary> summary(long id) {
		return repository.findById(id).map(this::summary);
	}

	private StaffAccountSummary summary(StaffAccount account) {
		return new StaffAccountSummary(account.id(), account.username(), account.displayName(),
				account.roles().stream().sorted().map(Role::name).toList(), account.offices().stream().sorted().toList(),
				account.isLockedAt(clock.instant()), account.lastLoginAt(), account.mustChangePassword(),
				account.totpEnrolledAt(), account.version());
	}

	/**
	 * Changes name, roles and offices, if nobody else changed the account since {@code expectedVersion}.
	 *
	 * @return false when the account was changed in between
	 */
	@Transactional
	boolean update(long id, long expectedVersion, String displayName, Set<Role> roles, Set<String> offices) {
		StaffAccount account = repository.findById(id).orElseThrow();
		if (account.version() != expectedVersion) {
			return false;
		}
		account.update(displayName, roles, offices);
		repository.flush();
		log.info("Konto {} geändert (Rollen: {}, Dienststellen: {})", account.id(), roles, offices);
		return true;
	}

	@Transactional
	void unlock(long id) {
		repository.findById(id).orElseThrow().unlock();
		log.info("Konto {} entsperrt", id);
	}

	/** Sets and returns a new one-time password; the account must replace it at the next sign-in. */
	@Transactional
	String resetPassword(long id) {
		String oneTime = OneTimePasswords.generate();
		repository.findById(id).orElseThrow().resetPassword(passwordEncoder.encode(oneTime));
		log.info("Konto {}: Einmalpasswort gesetzt", id);
		return oneTime;
	}

	@Transactional
	void delete(long id) {
		repository.findById(id).ifPresent(account -> secondFactors.forgetPasskeys(account.username()));
		repository.deleteById(id);
		log.info("Konto {} gelöscht", id);
	}

	boolean mustChangePassword(String username) {
		return find(username).map(StaffAccount::mustChangePassword).orElse(false);
	}

	/** Outcome of a password change, for the form to show. */
	enum ChangeResult {
		CHANGED, WRONG_CURRENT, TOO_SHORT, BREACHED, MISMATCH, SAME_AS_OLD
	}

	@Transactional
	ChangeResult changePassword(String username, String current, String proposed, String repeated) {
		StaffAccount account = find(username).orElseThrow();
		if (current == null || !passwordEncoder.matches(current, account.passwordHash())) {
			return ChangeResult.WRONG_CURRENT;
		}
		if (proposed == null || proposed.length() < MIN_PASSWORD_LENGTH) {
			return ChangeResult.TOO_SHORT;
		}
		if (breached.contains(proposed)) {
			return ChangeResult.BREACHED;
		}
		if (!proposed.equals(repeated)) {
			return ChangeResult.MISMATCH;
		}
		if (passwordEncoder.matches(proposed, account.passwordHash())) {
			return ChangeResult.SAME_AS_OLD;
		}
		account.changePassword(passwordEncoder.encode(proposed));
		log.info("Konto {} hat das Passwort geändert", account.id());
		return ChangeResult.CHANGED;
	}
}
