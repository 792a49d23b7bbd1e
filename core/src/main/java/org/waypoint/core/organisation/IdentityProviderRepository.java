package org.waypoint.core.organisation;

import java.util.List;
import java.util.Optional;

/** Where organisations' identity providers are kept: one at most per organisation. */
public interface IdentityProviderRepository {

    Optional<IdentityProvider> findFor(String organisationId);

    List<IdentityProvider> findAll();

    void add(IdentityProvider provider);

    /** Deletes the organisation's provider, answering whether it had one. */
    boolean removeFor(String organisationId);
}
