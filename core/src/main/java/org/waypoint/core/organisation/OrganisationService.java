package org.waypoint.core.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.NotFoundException;

/** Use cases for organisations: anyone signed in may read the list (names are not personal); administrators keep it. */
@ApplicationScoped
public class OrganisationService {

    private final OrganisationRepository organisations;

    @Inject
    public OrganisationService(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    /** For CDI's proxy only. */
    protected OrganisationService() {
        this(null);
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
}
