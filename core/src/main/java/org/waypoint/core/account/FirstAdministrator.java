package org.waypoint.core.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.organisation.OrganisationRepository;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.SchemaReady;

/**
 * A new installation has no accounts, so nobody could sign in to make one. When
 * {@code waypoint.admin.email} and {@code waypoint.admin.password} are set (from the environment)
 * and no account has that address yet, start-up opens that administrator's account, in an
 * organisation of its own. An existing account is never changed.
 */
@ApplicationScoped
public class FirstAdministrator {

    static final String ORGANISATION = "Waypoint administration";
    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    private final Optional<String> email;
    private final Optional<String> password;
    private final UserAccountRepository accounts;
    private final OrganisationRepository organisations;
    private final AccountService accountService;

    @Inject
    public FirstAdministrator(@ConfigProperty(name = "waypoint.admin.email") Optional<String> email,
                              @ConfigProperty(name = "waypoint.admin.password") Optional<String> password,
                              UserAccountRepository accounts, OrganisationRepository organisations,
                              AccountService accountService) {
        this.email = email;
        this.password = password;
        this.accounts = accounts;
        this.organisations = organisations;
        this.accountService = accountService;
    }

    /** For CDI's proxy only. */
    protected FirstAdministrator() {
        this(Optional.empty(), Optional.empty(), null, null, null);
    }

    @Transactional
    void onSchemaReady(@Observes SchemaReady ready) {
        if (email.isEmpty() || password.isEmpty()) {
            return;
        }
        EmailAddress address = new EmailAddress(email.get());
        if (accounts.findByEmail(address).isPresent()) {
            return;
        }
        Organisation home = organisations.findByName(ORGANISATION).orElseGet(() -> {
            Organisation created = new Organisation(ORGANISATION, OrganisationKind.REFERRER_AND_PROVIDER);
            organisations.add(created);
            return created;
        });
        char[] secret = password.get().toCharArray();
        try {
            UserAccount admin = accountService.register(address, "Administrator", Role.ADMIN, home, secret);
            LOG.info(() -> "Opened the first administrator's account " + admin.id());
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
