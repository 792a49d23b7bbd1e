package org.waypoint.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.RuleViolation;

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
            assertThatExceptionOfType(InvalidField.class).as(bad).isThrownBy(() -> service(List.of(bad)));
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

        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> service.waitingList(0));
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> service.waitingList(105));
        assertThat(service.capacity()).isEqualTo(Capacity.OPEN);
    }

    @Test
    void onlyAProvidingOrganisationOwnsAService() {
        Organisation police = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);

        assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> new SupportService(police, "Name", "Description",
                List.of(COUNSELLING), List.of("M"), new EmailAddress("a@example.org")));
    }

    @Test
    void needsACategoryAndAnArea() {
        EmailAddress inbox = new EmailAddress("a@example.org");

        assertThatExceptionOfType(InvalidField.class).isThrownBy(
                () -> new SupportService(charity, "Name", "Description", List.of(), List.of("M"), inbox));
        assertThatExceptionOfType(InvalidField.class).isThrownBy(
                () -> new SupportService(charity, "Name", "Description", List.of(COUNSELLING), List.of(), inbox));
    }

    @Test
    void printsOnlyItsId() {
        SupportService service = service(List.of("M"));

        assertThat(service.toString()).isEqualTo("SupportService[" + service.id() + "]");
    }

    @Test
    void isForAnyoneInEnglishAndInPersonUntilToldOtherwise() {
        SupportService service = service(List.of("M"));

        assertThat(service.eligibility()).isEqualTo(Eligibility.ANYONE);
        assertThat(service.languages()).containsExactly(LanguageCode.ENGLISH);
        assertThat(service.interpretersAvailable()).isFalse();
        assertThat(service.deliveryModes()).containsExactly(DeliveryMode.IN_PERSON);
        assertThat(service.confidentialLocation()).isFalse();
        assertThat(service.publicAddress()).isEmpty();
        assertThat(service.capacityNote()).isEmpty();
    }

    @Test
    void keepsTheEligibilityItIsGiven() {
        SupportService service = service(List.of("M"));
        Eligibility idva = Eligibility.ANYONE.withAges(AgeRange.from(16))
                .withGenders(List.of(Gender.FEMALE, Gender.NON_BINARY))
                .withCrimeTypes(List.of(CrimeType.DOMESTIC_ABUSE))
                .withRiskLevels(List.of(RiskLevel.HIGH));

        service.eligibility(idva);

        assertThat(service.eligibility()).isEqualTo(idva);
        service.eligibility(Eligibility.ANYONE.withAges(AgeRange.upTo(17)));
        assertThat(service.eligibility().ages()).isEqualTo(AgeRange.upTo(17));
        assertThat(service.eligibility().crimeTypes()).isEmpty();
    }

    @Test
    void worksInTheLanguagesItIsGivenAndRefusesNone() {
        SupportService service = service(List.of("M"));

        service.languages(List.of(new LanguageCode("ur"), new LanguageCode("pl"), LanguageCode.ENGLISH), true);

        assertThat(service.languages()).extracting(LanguageCode::value).containsExactly("en", "pl", "ur");
        assertThat(service.interpretersAvailable()).isTrue();
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> service.languages(List.of(), true));
        assertThat(service.languages()).hasSize(3);
    }

    @Test
    void meetsPeopleInAtLeastOneWay() {
        SupportService service = service(List.of("M"));

        service.deliveryModes(List.of(DeliveryMode.VIDEO, DeliveryMode.TELEPHONE));

        assertThat(service.deliveryModes()).containsExactly(DeliveryMode.TELEPHONE, DeliveryMode.VIDEO);
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> service.deliveryModes(List.of()));
        assertThat(service.deliveryModes()).containsExactly(DeliveryMode.TELEPHONE, DeliveryMode.VIDEO);
    }

    @Test
    void aConfidentialLocationHasNoPublicAddress() {
        SupportService refuge = service(List.of("M"));
        refuge.locatedAt("1 Quay Street, Northshire");

        refuge.atConfidentialLocation();

        assertThat(refuge.confidentialLocation()).isTrue();
        assertThat(refuge.publicAddress()).isEmpty();
    }

    @Test
    void keepsANoteOnCapacityForReferrers() {
        SupportService service = service(List.of("M"));

        service.capacityNote(" Assessments on Tuesdays ");
        assertThat(service.capacityNote()).hasValue("Assessments on Tuesdays");
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> service.capacityNote(" "));

        service.clearCapacityNote();
        assertThat(service.capacityNote()).isEmpty();
    }
}
