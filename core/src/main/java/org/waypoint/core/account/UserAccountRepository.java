package org.waypoint.core.account;

import java.util.List;
import java.util.Optional;
import org.waypoint.core.shared.EmailAddress;

/** Where user accounts are kept. */
public interface UserAccountRepository {

    Optional<UserAccount> find(String id);

    Optional<UserAccount> findByEmail(EmailAddress email);

    /** The account bound to the person the provider at {@code issuer} knows as {@code subject}. */
    Optional<UserAccount> findByProviderSubject(String issuer, String subject);

    /** Every account, by e-mail address. */
    List<UserAccount> findAll();

    void add(UserAccount account);
}
