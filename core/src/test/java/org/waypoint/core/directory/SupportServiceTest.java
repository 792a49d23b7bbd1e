package org.waypoint.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.EmailAddress;

class SupportServiceTest {

    private static final ServiceCategory COUNSELLING = new ServiceCategory("COUNSELLING", "Counselling");
    private static final ServiceCategory THERAPY = new ServiceCategory("THERAPY", "Therapy");
    private final Organisation charity = new Organisation("Harbour Support Trust", OrganisationKind.PROVIDER);

    private SupportService service(List<String> areas) {
        return new SupportService(charity, "Harbour Counselling", "Counselling after sexual violence.",
                List.of(THERAPY, COUNSELLING), areas, new EmailAddress("referrals@harbour.example.org"));
    }

    @Test
    void opensWithTheDefaultAcknowledgementTargetOfTwoWorkingDays() {
        SupportService service = service(List.of("M"));

        assertThat(service.capacity()).isEqualTo(Capacity.OPEN);
        assertThat(service.waitWeeks()).isEmpty();
        assertThat(service.acknowledgementTargetWorkingDays()).isEqualTo(2);
    }

    @Test
    void normalisesPostcodeAreasAndListsThemInOrder() {
        assertThat(service(List.of(" sk4", "m", "OL")).postcodePrefixes()).containsExactly("M", "OL", "SK4");
    }

    @Test
    void refusesWhatIsNotAPostcodeAreaOrDistrict() {
        for (String bad : List.of("", "M1 4AB", "123", "ABC", "M!")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> service(List.of(bad)));
        }
    }

    @Test
    void listsCategoriesInCodeOrder() {
        assertThat(service(List.of("M")).categories()).containsExactly(COUNSELLING, THERAPY);
    }

    @Test
    void aWaitingListStatesItsWaitAndReopeningClearsIt() {
        SupportService service = service(List.of("M"));

        service.waitingList(6);
        assertThat(service.capacity()).isEqualTo(Capacity.WAITING_LIST);
        assertThat(service.waitWeeks()).hasValue(6);

        service.open();
        assertThat(service.waitWeeks()).isEmpty();
    }

    @Test
    void refusesAWaitingListWithoutAPlausibleWait() {
        SupportService service = service(List.of("M"));

        assertThatIllegalArgumentException().isThrownBy(() -> service.waitingList(0));
        assertThatIllegalArgumentException().isThrownBy(() -> service.waitingList(105));
        assertThat(service.capacity()).isEqualTo(Capacity.OPEN);
    }

    @Test
    void onlyAProvidingOrganisationOwnsAService() {
        Organisation police = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);

        assertThatIllegalArgumentException().isThrownBy(() -> new SupportService(police, "Name", "Description",
                List.of(COUNSELLING), List.of("M"), new EmailAddress("a@example.org")));
    }

    @Test
    void needsACategoryAndAnArea() {
        EmailAddress inbox = new EmailAddress("a@example.org");

        assertThatIllegalArgumentException().isThrownBy(
                () -> new SupportService(charity, "Name", "Description", List.of(), List.of("M"), inbox));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new SupportService(charity, "Name", "Description", List.of(COUNSELLING), List.of(), inbox));
    }

    @Test
    void printsOnlyItsId() {
        SupportService service = service(List.of("M"));

        assertThat(service.toString()).isEqualTo("SupportService[" + service.id() + "]");
    }
}
