package org.waypoint.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.core.directory.MatchCriteriaBuilder.aPerson;
import static org.waypoint.core.directory.SupportServiceBuilder.aService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectoryServiceTest {

    private final InMemorySupportServiceRepository repository = new InMemorySupportServiceRepository();
    private final SteppingClock clock = new SteppingClock();
    private final DirectoryService directory = new DirectoryService(repository, null, event -> { }, null, clock);
    private final MatchCriteria person = aPerson().criteria();

    private List<String> offered() {
        return directory.match(person, false).matches().stream().map(m -> m.service().name()).toList();
    }

    @Test
    void matchesAgainstTheDirectoryReadOnceNotOncePerRequest() {
        repository.add(aService().named("Harbour Counselling").build());

        assertThat(offered()).containsExactly("Harbour Counselling");
        assertThat(offered()).containsExactly("Harbour Counselling");
        assertThat(directory.match(person, true).matches()).hasSize(1);
        assertThat(repository.reads()).isEqualTo(1);
    }

    @Test
    void looksForChangesItselfOnceNothingHasRefreshedForThirtySeconds() {
        repository.add(aService().named("Harbour Counselling").build());
        offered();
        repository.add(aService().named("Added by another instance").build());
        repository.countChange(Optional.empty());

        clock.advance(Duration.ofSeconds(29));
        assertThat(offered()).containsExactly("Harbour Counselling");

        clock.advance(Duration.ofSeconds(1));
        assertThat(offered()).containsExactly("Added by another instance", "Harbour Counselling");
        assertThat(repository.reads()).isEqualTo(2);
    }

    @Test
    void seesAChangeMadeThroughAnotherInstanceAtTheNextRefreshWithoutAMatchWaitingForIt() {
        repository.add(aService().named("Harbour Counselling").build());
        offered();
        repository.add(aService().named("Added by another instance").build());
        repository.countChange(Optional.empty());

        assertThat(offered()).as("not yet refreshed").containsExactly("Harbour Counselling");
        assertThat(directory.keepSnapshotCurrent()).isTrue();
        assertThat(repository.reads()).isEqualTo(2);

        assertThat(offered()).containsExactly("Added by another instance", "Harbour Counselling");
        assertThat(repository.reads()).isEqualTo(2);
    }

    @Test
    void aRefreshFindingNoChangeReadsNothingAndKeepsTheSnapshotInUsePastThirtySeconds() {
        repository.add(aService().named("Harbour Counselling").build());
        offered();

        for (int second = 1; second <= 60; second++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(directory.keepSnapshotCurrent()).isFalse();
        }
        offered();

        assertThat(repository.reads()).isEqualTo(1);
    }

    @Test
    void aRefreshTakesANewSnapshotEveryFiveMinutesEvenWithoutAChangeCounted() {
        offered();
        repository.add(aService().named("Added without counting").build());

        clock.advance(Duration.ofMinutes(4));
        assertThat(directory.keepSnapshotCurrent()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(directory.keepSnapshotCurrent()).isTrue();

        assertThat(offered()).containsExactly("Added without counting");
    }

    @Test
    void aChangeMadeHereIsCountedForOtherInstancesAndReadOnceHere() {
        offered();
        SupportService added = aService().named("Added here").build();
        repository.add(added);

        directory.countChange(new DirectoryChanged(added.id()));
        directory.onDirectoryChanged(new DirectoryChanged(added.id()));

        assertThat(repository.directoryVersion()).isEqualTo(1);
        assertThat(offered()).containsExactly("Added here");
        assertThat(directory.keepSnapshotCurrent()).isFalse();
        assertThat(repository.reads()).as("whole reads").isEqualTo(1);
        assertThat(repository.servicesRead()).isEqualTo(1);
    }

    @Test
    void aChangeToOneServiceThroughAnotherInstanceReadsThatServiceAloneAgain() {
        SupportService harbour = aService().named("Harbour Counselling").build();
        repository.add(harbour);
        repository.add(aService().named("Riverside Advocacy").build());
        offered();
        SupportService added = aService().named("Added by another instance").build();
        repository.add(added);
        repository.countChange(Optional.of(added.id()));
        harbour.close();
        repository.countChange(Optional.of(harbour.id()));

        assertThat(directory.keepSnapshotCurrent()).isTrue();

        assertThat(offered()).containsExactly("Added by another instance", "Riverside Advocacy");
        assertThat(repository.reads()).as("whole reads").isEqualTo(1);
        assertThat(repository.servicesRead()).isEqualTo(2);
    }

    @Test
    void aChangeToTheWholeDirectoryAmongChangesToOneServiceReadsItWhole() {
        SupportService harbour = aService().named("Harbour Counselling").build();
        repository.add(harbour);
        offered();
        harbour.close();
        repository.countChange(Optional.of(harbour.id()));
        repository.add(aService().named("Imported").build());
        repository.countChange(Optional.empty());

        assertThat(directory.keepSnapshotCurrent()).isTrue();

        assertThat(offered()).containsExactly("Imported");
        assertThat(repository.reads()).isEqualTo(2);
        assertThat(repository.servicesRead()).isZero();
    }

    /** A clock that moves only when a test moves it. */
    private static final class SteppingClock extends Clock {

        private volatile Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
