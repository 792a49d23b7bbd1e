package org.waypoint.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.client.persistence.JpaClientRepository;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.StaleVersionException;
import org.waypoint.core.shared.crypto.FieldCipher;
import org.waypoint.core.testing.TestDatabase;

/**
 * Rectification on the migrated database (Derby, or PostgreSQL by profile): a caseworker of the
 * recording organisation corrects a person's record, the audit trail names the fields changed and
 * none of their values, a correction meant for an older version is refused, and the blind index
 * follows the corrected name.
 */
class ClientCorrectionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private static TestDatabase db;
    private static Actor caseworker;
    private static Actor otherCaseworker;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
        db.inTransaction(em -> {
            Organisation police = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);
            Organisation council = new Organisation("Safeguarding Team", OrganisationKind.REFERRER);
            em.persist(police);
            em.persist(council);
            caseworker = new Actor("u-caseworker", police.id(), Role.CASEWORKER);
            otherCaseworker = new Actor("u-other", council.id(), Role.CASEWORKER);
            return null;
        });
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static <T> T withService(Function<ClientService, T> work) {
        return db.inTransaction(em -> work.apply(service(em)));
    }

    private static ClientService service(EntityManager em) {
        return new ClientService(new JpaClientRepository(em), new AuditTrail(new JpaAuditEventRepository(em), CLOCK),
                FieldCipher.current(), CLOCK);
    }

    private static ClientDetails details(String givenName, LocalDate born) {
        return new ClientDetails(givenName, "Okafor", born, Gender.FEMALE, "en", false, Optional.empty(),
                Optional.of("M14 5RT"), ContactDetails.none(), SafeContact.mostCareful(), Optional.empty());
    }

    @Test
    void aCorrectionIsKeptAuditedByFieldNamesAndFoundUnderTheCorrectedNameOnly() {
        LocalDate wrongBirthday = LocalDate.of(2010, 3, 4);
        LocalDate birthday = LocalDate.of(2010, 4, 3);
        Client recorded = withService(s -> s.register(caseworker, details("Chiomaa", wrongBirthday)));

        withService(s -> s.update(caseworker, recorded.id(), details("Chioma", birthday), OptionalLong.of(recorded.version())));

        Client corrected = withService(s -> s.get(caseworker, recorded.id()));
        assertThat(corrected.details().givenName()).isEqualTo("Chioma");
        assertThat(corrected.details().dateOfBirth()).isEqualTo(birthday);
        assertThat(corrected.version()).isGreaterThan(recorded.version());
        List<Client> underCorrectedName = withService(s -> s.possibleDuplicates(caseworker, "Chioma", "Okafor", birthday));
        List<Client> underOldName = withService(s -> s.possibleDuplicates(caseworker, "Chiomaa", "Okafor", wrongBirthday));
        assertThat(underCorrectedName).extracting(Client::id).containsExactly(recorded.id());
        assertThat(underOldName).as("the old name and date of birth no longer find the person").isEmpty();

        List<AuditEvent> changes = db.inTransaction(em -> new JpaAuditEventRepository(em)
                .findByRecord(AuditTrail.CLIENT, recorded.id())).stream()
                .filter(e -> e.action() == AuditEvent.Action.UPDATE).toList();
        assertThat(changes).extracting(AuditEvent::detail).containsExactly("update givenName, dateOfBirth");
        assertThat(changes).extracting(AuditEvent::detail)
                .noneMatch(d -> d.contains("Chiom") || d.contains("2010"));
    }

    @Test
    void aCorrectionOfAnOlderVersionOrByAnotherOrganisationIsRefusedAndChangesNothing() {
        Client recorded = withService(s -> s.register(caseworker, details("Ada", LocalDate.of(1990, 1, 1))));
        withService(s -> s.update(caseworker, recorded.id(), details("Adah", LocalDate.of(1990, 1, 1)),
                OptionalLong.of(recorded.version())));

        assertThatThrownBy(() -> withService(s -> s.update(caseworker, recorded.id(), details("Adaeze", LocalDate.of(1990, 1, 1)),
                OptionalLong.of(recorded.version())))).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> withService(s -> s.update(otherCaseworker, recorded.id(), details("Adaeze", LocalDate.of(1990, 1, 1)),
                OptionalLong.empty()))).isInstanceOf(NotFoundException.class);

        assertThat(withService(s -> s.get(caseworker, recorded.id())).details().givenName()).isEqualTo("Adah");
    }
}
