package org.waypoint.core.account;

import java.util.Optional;
import org.waypoint.core.shared.EmailAddress;

/** Where user accounts are kept. */
public interface UserAccountRepository {

    Optional<UserAccount> find(String id);

    Optional<UserAccount> findByEmail(EmailAddress email);

    void add(UserAccount account);
}
