package org.waypoint.core.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.NotFoundException;

/** Use cases for organisations: anyone signed in may read the list (names are not personal); administrators keep it. */
@ApplicationScoped
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final IdentityProviderRepository providers;
    private final AuditTrail audit;

    @Inject
    public OrganisationService(OrganisationRepository organisations, IdentityProviderRepository providers, AuditTrail audit) {
        this.organisations = organisations;
        this.providers = providers;
        this.audit = audit;
    }

    /** For CDI's proxy only. */
    protected OrganisationService() {
        this(null, null, null);
    }

    @Transactional
    public List<Organisation> list(Actor actor) {
        return organisations.findAll();
    }

    @Transactional
    public Organisation get(Actor actor, String id) {
        return organisations.find(id).orElseThrow(() -> new NotFoundException("organisation"));
    }

    @Transactional
    public Organisation create(Actor actor, String name, OrganisationKind kind) {
        actor.requireRole(Role.ADMIN, "create organisations");
        if (organisations.findByName(name == null ? "" : name.strip()).isPresent()) {
            throw new ConflictException("error.organisation.exists", "an organisation with that name exists");
        }
        Organisation organisation = new Organisation(name, kind);
        organisations.add(organisation);
        return organisation;
    }

    /**
     * Sets the organisation's own OpenID Connect provider, or changes it: from then on its staff sign in
     * through it, and their passwords no longer sign them in. Audited with the issuer and client id.
     */
    @Transactional
    public IdentityProvider setIdentityProvider(Actor actor, String organisationId, String issuer, String clientId,
                                                String secretName, String emailClaim) {
        actor.requireRole(Role.ADMIN, "set organisations' identity providers");
        Organisation organisation = get(actor, organisationId);
        Optional<IdentityProvider> existing = providers.findFor(organisation.id());
        IdentityProvider provider;
        if (existing.isPresent()) {
            provider = existing.get();
            provider.change(issuer, clientId, secretName, emailClaim);
        } else {
            provider = new IdentityProvider(organisation.id(), issuer, clientId, secretName, emailClaim);
            providers.add(provider);
        }
        audit.success(actor, AuditTrail.ORGANISATION, organisation.id(),
                existing.isPresent() ? AuditEvent.Action.UPDATE : AuditEvent.Action.CREATE,
                abbreviated("identity provider set: " + provider.issuer() + " client " + provider.clientId()));
        return provider;
    }

    /** Removes the organisation's provider: its staff sign in with passwords again (each sets one by a reset link). */
    @Transactional
    public boolean removeIdentityProvider(Actor actor, String organisationId) {
        actor.requireRole(Role.ADMIN, "remove organisations' identity providers");
        Organisation organisation = get(actor, organisationId);
        boolean removed = providers.removeFor(organisation.id());
        if (removed) {
            audit.success(actor, AuditTrail.ORGANISATION, organisation.id(), AuditEvent.Action.DELETE, "identity provider removed");
        }
        return removed;
    }

    /** The organisation's provider, if it has one. Not personal: the sign-in page offers them to anyone. */
    @Transactional
    public Optional<IdentityProvider> identityProvider(String organisationId) {
        return providers.findFor(organisationId);
    }

    /** The organisations whose staff sign in through their own provider, for the sign-in page: anyone may see them. */
    @Transactional
    public List<Organisation> withIdentityProviders() {
        return organisations.findAll(providers.findAll().stream().map(IdentityProvider::organisationId).toList()).stream()
                .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static String abbreviated(String detail) {
        return detail.length() <= 200 ? detail : detail.substring(0, 199) + "…";
    }
}
