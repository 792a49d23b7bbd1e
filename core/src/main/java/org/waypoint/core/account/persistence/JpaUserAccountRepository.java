package org.waypoint.core.account.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.waypoint.core.account.UserAccount;
import org.waypoint.core.account.UserAccountRepository;
import org.waypoint.core.shared.EmailAddress;

@ApplicationScoped
public class JpaUserAccountRepository implements UserAccountRepository {

    @PersistenceContext(unitName = "waypoint")
    private EntityManager em;

    @Override
    public Optional<UserAccount> find(String id) {
        return Optional.ofNullable(em.find(UserAccount.class, id));
    }

    @Override
    public Optional<UserAccount> findByEmail(EmailAddress email) {
        return em.createQuery("SELECT a FROM UserAccount a WHERE a.email = :email", UserAccount.class)
                .setParameter("email", email.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(UserAccount account) {
        em.persist(account);
    }
}
