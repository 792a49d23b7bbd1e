package org.waypoint.core.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.shared.EmailAddress;

/** Use cases for user accounts. */
@ApplicationScoped
public class AccountService {

    private final UserAccountRepository accounts;
    private final PasswordHasher hasher;

    @Inject
    public AccountService(UserAccountRepository accounts, PasswordHasher hasher) {
        this.accounts = accounts;
        this.hasher = hasher;
    }

    /** For CDI's proxy only. */
    protected AccountService() {
        this.accounts = null;
        this.hasher = null;
    }

    /** Opens an account; an e-mail address holds one account at most. */
    @Transactional
    public UserAccount register(EmailAddress email, String displayName, Role role, Organisation organisation,
                                char[] password) {
        if (accounts.findByEmail(email).isPresent()) {
            throw new IllegalStateException("an account with that e-mail address exists");
        }
        UserAccount account = new UserAccount(email, displayName, role, organisation, hasher.hash(password));
        accounts.add(account);
        return account;
    }
}
