package org.waypoint.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waypoint.core.directory.SupportServiceBuilder.aService;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;

/** Only an administrator takes the whole directory away, and the trail says who did and when. */
class DirectoryExportTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T15:00:00Z"));
    private final InMemorySupportServiceRepository repository = new InMemorySupportServiceRepository();
    private final InMemory.AuditEvents trail = new InMemory.AuditEvents();
    private final DirectoryExport export = new DirectoryExport(repository, new AuditTrail(trail, clock));

    @Test
    void anAdministratorGetsEveryServiceClosedOnesTooAndTheReadIsAudited() {
        repository.add(aService().named("Harbour Counselling").build());
        repository.add(aService().named("Closed Advocacy").closed().build());
        Actor admin = new Actor("u-admin", "org-admin", Role.ADMIN);

        assertThat(export.everything(admin).services()).extracting(SupportService::name)
                .containsExactlyInAnyOrder("Harbour Counselling", "Closed Advocacy");
        assertThat(trail.findByRecord(AuditTrail.SERVICE, DirectoryExport.WHOLE_DIRECTORY)).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isEqualTo("u-admin");
            assertThat(e.action()).isEqualTo(AuditEvent.Action.LIST);
            assertThat(e.at()).isEqualTo(clock.instant());
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        });
    }

    @Test
    void anyoneElseIsRefused() {
        Actor staff = new Actor("u-staff", "org-harbour", Role.SERVICE_STAFF);
        assertThatThrownBy(() -> export.everything(staff)).isInstanceOf(NotPermittedException.class);
        assertThat(trail.findByRecord(AuditTrail.SERVICE, DirectoryExport.WHOLE_DIRECTORY)).isEmpty();
    }
}
