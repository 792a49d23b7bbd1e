package org.waypoint.core.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.StaleVersionException;
import org.waypoint.core.shared.crypto.FieldCipher;

/**
 * Use cases for the people referred. Only caseworkers of the organisation that recorded a client
 * may find or change them; every read, search and change is audited in the same transaction.
 */
@ApplicationScoped
public class ClientService {

    private final ClientRepository clients;
    private final AuditTrail audit;
    private final FieldCipher cipher;
    private final Clock clock;

    @Inject
    public ClientService(ClientRepository clients, AuditTrail audit, FieldCipher cipher, Clock clock) {
        this.clients = clients;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected ClientService() {
        this(null, null, null, null);
    }

    @Transactional
    public Client register(Actor actor, ClientDetails details) {
        actor.requireRole(Role.CASEWORKER, "record a client");
        Client client = new Client(actor.organisationId(), details, duplicateKey(details), actor.userId(), clock.instant());
        clients.add(client);
        audit.success(actor, AuditTrail.CLIENT, client.id(), AuditEvent.Action.CREATE, "register");
        return client;
    }

    @Transactional(dontRollbackOn = NotFoundException.class)
    public Client get(Actor actor, String clientId) {
        Client client = visible(actor, clientId, AuditEvent.Action.READ);
        audit.success(actor, AuditTrail.CLIENT, client.id(), AuditEvent.Action.READ, "get");
        return client;
    }

    @Transactional(dontRollbackOn = NotFoundException.class)
    public Client update(Actor actor, String clientId, ClientDetails details) {
        return update(actor, clientId, details, OptionalLong.empty());
    }

    /** Refuses as stale a change meant for a version other than the current one, before the change is looked at. */
    @Transactional(dontRollbackOn = NotFoundException.class)
    public void requireCurrent(Actor actor, String clientId, OptionalLong expectedVersion) {
        if (expectedVersion.isPresent()) {
            StaleVersionException.requireCurrent("client", visible(actor, clientId, AuditEvent.Action.UPDATE).version(),
                    expectedVersion);
        }
    }

    /**
     * Corrects the person's record (rectification): the blind index follows the corrected name and date
     * of birth, and every referral of theirs shows the corrected details, as referrals hold the record
     * itself, not a copy. With an expected version (the API's If-Match, the form's version), refused as
     * stale when someone changed the client first.
     */
    @Transactional(dontRollbackOn = NotFoundException.class)
    public Client update(Actor actor, String clientId, ClientDetails details, OptionalLong expectedVersion) {
        Client client = visible(actor, clientId, AuditEvent.Action.UPDATE);
        StaleVersionException.requireCurrent("client", client.version(), expectedVersion);
        List<String> changed = client.details().changedFields(details);
        client.update(details, duplicateKey(details));
        // One event per correction, naming the fields changed and never their values.
        audit.success(actor, AuditTrail.CLIENT, client.id(), AuditEvent.Action.UPDATE,
                changed.isEmpty() ? "update" : "update " + String.join(", ", changed));
        return client;
    }

    /**
     * Clients of the caseworker's organisation with the same name and date of birth, found through
     * the keyed hash alone.
     */
    @Transactional
    public List<Client> possibleDuplicates(Actor actor, String givenName, String familyName, LocalDate dateOfBirth) {
        actor.requireRole(Role.CASEWORKER, "search clients");
        List<Client> found = clients.findByDuplicateKey(actor.organisationId(),
                cipher.blindIndex(FieldCipher.personKey(givenName, familyName, dateOfBirth)));
        found.forEach(c -> audit.success(actor, AuditTrail.CLIENT, c.id(), AuditEvent.Action.SEARCH, "possible duplicate"));
        return found;
    }

    private Client visible(Actor actor, String clientId, AuditEvent.Action action) {
        return clients.find(clientId)
                .filter(c -> actor.is(Role.CASEWORKER) && c.belongsTo(actor.organisationId()))
                .orElseThrow(() -> {
                    audit.record(actor, AuditTrail.CLIENT, clientId, action, null, AuditEvent.Outcome.DENIED);
                    return new NotFoundException("client");
                });
    }

    private String duplicateKey(ClientDetails details) {
        return cipher.blindIndex(FieldCipher.personKey(details.givenName(), details.familyName(), details.dateOfBirth()));
    }
}
