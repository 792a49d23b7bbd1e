package org.waypoint.core.client;

import java.util.List;
import java.util.Optional;

/** Where clients are kept. */
public interface ClientRepository {

    Optional<Client> find(String id);

    /** The clients of one organisation with this duplicate key: possible duplicates of a person. */
    List<Client> findByDuplicateKey(String organisationId, String duplicateKey);

    void add(Client client);
}
