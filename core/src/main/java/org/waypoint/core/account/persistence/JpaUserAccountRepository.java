package org.waypoint.core.account.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.account.UserAccount;
import org.waypoint.core.account.UserAccountRepository;
import org.waypoint.core.shared.EmailAddress;

@ApplicationScoped
public class JpaUserAccountRepository implements UserAccountRepository {

    private final EntityManager em;

    @Inject
    public JpaUserAccountRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaUserAccountRepository() {
        this(null);
    }

    @Override
    public Optional<UserAccount> find(String id) {
        // No id names no record: JPA would throw rather than find nothing.
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(UserAccount.class, id));
    }

    @Override
    public Optional<UserAccount> findByEmail(EmailAddress email) {
        return em.createQuery("SELECT a FROM UserAccount a WHERE a.email = :email", UserAccount.class)
                .setParameter("email", email.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<UserAccount> findByProviderSubject(String issuer, String subject) {
        return em.createQuery("SELECT a FROM UserAccount a WHERE a.providerIssuer = :issuer AND a.providerSubject = :subject",
                        UserAccount.class)
                .setParameter("issuer", issuer)
                .setParameter("subject", subject)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<UserAccount> findAll() {
        return em.createQuery("SELECT a FROM UserAccount a ORDER BY a.email", UserAccount.class).getResultList();
    }

    @Override
    public void add(UserAccount account) {
        em.persist(account);
    }
}
