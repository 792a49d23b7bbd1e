package org.waypoint.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.core.directory.MatchCriteriaBuilder.aPerson;
import static org.waypoint.core.directory.SupportServiceBuilder.aService;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.RiskLevel;

class DirectorySnapshotTest {

    private static MatchResult match(MatchCriteria criteria, boolean includeExclusions, ServiceProfile... services) {
        return new DirectorySnapshot(List.of(services)).match(criteria, includeExclusions);
    }

    private static List<ExclusionReason> exclusionOf(ServiceProfile service, MatchCriteria criteria) {
        MatchResult result = match(criteria, true, service);
        assertThat(result.matches()).isEmpty();
        assertThat(result.exclusions()).hasSize(1);
        return result.exclusions().get(0).reasons();
    }

    private static List<String> names(MatchResult result) {
        return result.matches().stream().map(m -> m.service().name()).toList();
    }

    @Test
    void offersAServiceWithEveryReasonItFits() {
        ServiceProfile isva = aService().offering("ISVA", "COUNSELLING").covering("M14", "M").forAges(AgeRange.from(18))
                .forGenders(Gender.FEMALE).forRiskLevels(RiskLevel.STANDARD, RiskLevel.MEDIUM)
                .forCrimeTypes(CrimeType.RAPE, CrimeType.SEXUAL_ASSAULT).inLanguages("en", "pl").profile();
        MatchCriteria criteria = aPerson().needing("ISVA", "COUNSELLING", "HOUSING").speaking("pl")
                .affectedBy(CrimeType.SEXUAL_ASSAULT, CrimeType.STALKING).criteria();

        MatchResult result = match(criteria, false, isva);

        assertThat(result.matches()).singleElement().satisfies(match -> {
            assertThat(match.service()).isEqualTo(isva);
            assertThat(match.reasons()).containsExactly(
                    MatchReason.of(MatchReasonCode.OFFERS_CATEGORY, "COUNSELLING"),
                    MatchReason.of(MatchReasonCode.OFFERS_CATEGORY, "ISVA"),
                    MatchReason.of(MatchReasonCode.COVERS_DISTRICT, "M14"),
                    MatchReason.of(MatchReasonCode.SEES_AGE, "18", ""),
                    MatchReason.of(MatchReasonCode.SEES_GENDER, "FEMALE"),
                    MatchReason.of(MatchReasonCode.SEES_RISK_LEVEL, "STANDARD"),
                    MatchReason.of(MatchReasonCode.SEES_CRIME_TYPE, "SEXUAL_ASSAULT"),
                    MatchReason.of(MatchReasonCode.WORKS_IN_LANGUAGE, "pl"),
                    MatchReason.of(MatchReasonCode.OPEN_NOW));
        });
        assertThat(result.exclusions()).isEmpty();
    }

    @Test
    void aServiceForAnyoneGivesNoEligibilityReasons() {
        MatchResult result = match(aPerson().criteria(), false, aService().covering("M").profile());

        assertThat(result.matches().get(0).reasons()).containsExactly(
                MatchReason.of(MatchReasonCode.OFFERS_CATEGORY, "COUNSELLING"),
                MatchReason.of(MatchReasonCode.COVERS_AREA, "M"),
                MatchReason.of(MatchReasonCode.WORKS_IN_LANGUAGE, "en"),
                MatchReason.of(MatchReasonCode.OPEN_NOW));
    }

    @Test
    void aWaitingListMatchesAndShowsTheWait() {
        MatchResult result = match(aPerson().criteria(), false, aService().waitingList(6).profile());

        assertThat(result.matches()).singleElement().satisfies(match -> assertThat(match.reasons())
                .contains(MatchReason.of(MatchReasonCode.WAITING_LIST, "6"))
                .doesNotContain(MatchReason.of(MatchReasonCode.OPEN_NOW)));
    }

    @Test
    void aClosedServiceNeverMatchesEvenWhenEverythingElseFits() {
        ServiceProfile closed = aService().covering("M14").closed().profile();

        assertThat(match(aPerson().criteria(), false, closed).matches()).isEmpty();
        assertThat(exclusionOf(closed, aPerson().criteria()))
                .containsExactly(ExclusionReason.of(ExclusionReasonCode.CLOSED));
    }

    @Test
    void excludesAServiceOfferingNoneOfTheNeeds() {
        assertThat(exclusionOf(aService().offering("HOUSING", "LEGAL_AID").profile(),
                aPerson().needing("COUNSELLING", "THERAPY").criteria()))
                .containsExactly(ExclusionReason.of(ExclusionReasonCode.NO_REQUESTED_CATEGORY));
    }

    @Test
    void excludesAServiceCoveringNeitherTheDistrictNorTheArea() {
        ServiceProfile neighbouringDistrict = aService().covering("M1", "OL").profile();

        assertThat(exclusionOf(neighbouringDistrict, aPerson().livingIn("M14 5RT").criteria()))
                .containsExactly(ExclusionReason.of(ExclusionReasonCode.OUTSIDE_AREA, "M14"));
    }

    @Test
    void excludesAServiceForOtherAges() {
        assertThat(exclusionOf(aService().forAges(0, 17).profile(), aPerson().aged(18).criteria()))
                .containsExactly(ExclusionReason.of(ExclusionReasonCode.AGE_OUTSIDE, "0", "17"));
        assertThat(exclusionOf(aService().forAges(AgeRange.from(18)).profile(), aPerson().aged(17).criteria()))
                .containsExactly(ExclusionReason.of(ExclusionReasonCode.AGE_OUTSIDE, "18", ""));
    }

    @Test
    void excludesAServiceForOtherGenders() {
        assertThat(exclusionOf(aService().forGenders(Gender.FEMALE, Gender.NON_BINARY).profile(),
                aPerson().ofGender(Gender.MALE).criteria()))
                .containsExactly(ExclusionReason.of(ExclusionReasonCode.GENDER, "FEMALE", "NON_BINARY"));
    }

    @Test
    void excludesAServiceForOtherRiskLevels() {
        assertThat(exclusionOf(aService().forRiskLevels(RiskLevel.HIGH).profile(),
                aPerson().atRisk(RiskLevel.MEDIUM).criteria()))
                .containsExactly(ExclusionReason.of(ExclusionReasonCode.RISK_LEVEL, "HIGH"));
    }

    @Test
    void excludesAServiceForOtherCrimeTypes() {
        assertThat(exclusionOf(aService().forCrimeTypes(CrimeType.DOMESTIC_ABUSE).profile(),
                aPerson().affectedBy(CrimeType.RAPE, CrimeType.STALKING).criteria()))
                .containsExactly(ExclusionReason.of(ExclusionReasonCode.CRIME_TYPE, "DOMESTIC_ABUSE"));
    }

    @Test
    void seesAPersonAffectedByAnyOfTheCrimeTypesAServiceIsFor() {
        MatchResult result = match(aPerson().affectedBy(CrimeType.DOMESTIC_ABUSE, CrimeType.STALKING).criteria(), false,
                aService().forCrimeTypes(CrimeType.DOMESTIC_ABUSE, CrimeType.RAPE).profile());

        assertThat(result.matches().get(0).reasons())
                .contains(MatchReason.of(MatchReasonCode.SEES_CRIME_TYPE, "DOMESTIC_ABUSE"));
    }

    @Test
    void excludesAServiceInAnotherLanguageUnlessAnInterpreterItArrangesWillDo() {
        ServiceProfile withInterpreters = aService().inLanguages("en", "ur").arrangingInterpreters().profile();
        ServiceProfile withoutInterpreters = aService().named("Without").inLanguages("en", "ur").profile();

        assertThat(exclusionOf(withInterpreters, aPerson().speaking("pl").criteria()))
                .containsExactly(ExclusionReason.of(ExclusionReasonCode.LANGUAGE, "en", "ur"));
        assertThat(exclusionOf(withoutInterpreters, aPerson().speaking("pl").acceptingAnInterpreter().criteria()))
                .containsExactly(ExclusionReason.of(ExclusionReasonCode.LANGUAGE, "en", "ur"));
        assertThat(match(aPerson().speaking("pl").acceptingAnInterpreter().criteria(), false, withInterpreters)
                .matches().get(0).reasons())
                .contains(MatchReason.of(MatchReasonCode.ARRANGES_INTERPRETER, "pl"))
                .doesNotContain(MatchReason.of(MatchReasonCode.WORKS_IN_LANGUAGE, "pl"));
    }

    @Test
    void listsEveryReasonAServiceIsExcludedForAtOnce() {
        ServiceProfile service = aService().offering("HOUSING").covering("BL").closed().forAges(0, 17)
                .forGenders(Gender.MALE).forRiskLevels(RiskLevel.HIGH).forCrimeTypes(CrimeType.DOMESTIC_ABUSE)
                .inLanguages("ur").profile();

        assertThat(exclusionOf(service, aPerson().criteria())).extracting(ExclusionReason::code).containsExactly(
                ExclusionReasonCode.CLOSED, ExclusionReasonCode.NO_REQUESTED_CATEGORY, ExclusionReasonCode.OUTSIDE_AREA,
                ExclusionReasonCode.AGE_OUTSIDE, ExclusionReasonCode.GENDER, ExclusionReasonCode.RISK_LEVEL,
                ExclusionReasonCode.CRIME_TYPE, ExclusionReasonCode.LANGUAGE);
    }

    @Test
    void listsExclusionsOnlyWhenAskedAndThenInNameOrder() {
        ServiceProfile fits = aService().named("Fits").profile();
        ServiceProfile zebra = aService().named("Zebra").closed().profile();
        ServiceProfile apple = aService().named("Apple").covering("BL").profile();

        assertThat(match(aPerson().criteria(), false, fits, zebra, apple).exclusions()).isEmpty();
        MatchResult result = match(aPerson().criteria(), true, fits, zebra, apple);
        assertThat(names(result)).containsExactly("Fits");
        assertThat(result.exclusions()).extracting(e -> e.service().name()).containsExactly("Apple", "Zebra");
    }

    @Test
    void ranksByNeedsCoveredThenDistrictThenWaitThenName() {
        ServiceProfile both = aService().named("Z covers both needs, area only, long wait")
                .offering("COUNSELLING", "THERAPY").covering("M").waitingList(10).profile();
        ServiceProfile districtOpen = aService().named("Y district, open").covering("M14").profile();
        ServiceProfile areaOpenB = aService().named("B area, open").covering("M").profile();
        ServiceProfile areaOpenA = aService().named("A area, open").covering("M").profile();
        ServiceProfile areaShortWait = aService().named("C area, 2 weeks").covering("M").waitingList(2).profile();
        ServiceProfile areaLongWait = aService().named("D area, 8 weeks").covering("M").waitingList(8).profile();
        ServiceProfile districtWait = aService().named("E district, 8 weeks").covering("M14").waitingList(8).profile();
        MatchCriteria criteria = aPerson().needing("COUNSELLING", "THERAPY").criteria();

        for (boolean includeExclusions : List.of(false, true)) {
            MatchResult result = match(criteria, includeExclusions,
                    areaLongWait, areaOpenB, districtWait, both, areaShortWait, districtOpen, areaOpenA);

            assertThat(names(result)).as("includeExclusions " + includeExclusions).containsExactly(
                    both.name(), districtOpen.name(), districtWait.name(), areaOpenA.name(), areaOpenB.name(),
                    areaShortWait.name(), areaLongWait.name());
        }
    }

    @Test
    void aServiceCoveringTheDistrictAndItsAreaIsOfferedOnceForTheDistrict() {
        MatchResult result = match(aPerson().criteria(), false, aService().covering("M", "M14").profile());

        assertThat(result.matches()).singleElement().satisfies(match -> assertThat(match.reasons())
                .contains(MatchReason.of(MatchReasonCode.COVERS_DISTRICT, "M14"))
                .doesNotContain(MatchReason.of(MatchReasonCode.COVERS_AREA, "M")));
    }

    @Test
    void matchesAPersonKnownOnlyByTheirDistrict() {
        MatchResult result = match(aPerson().livingIn("OL1").criteria(), false,
                aService().named("Oldham").covering("OL").profile(), aService().named("Manchester").covering("M").profile());

        assertThat(names(result)).containsExactly("Oldham");
    }

    @Test
    void offersTheSameWhetherOrNotExclusionsAreListed() {
        List<ServiceProfile> services = List.of(
                aService().named("a").covering("M").profile(),
                aService().named("b").covering("M14", "SK").waitingList(3).profile(),
                aService().named("c").covering("M1").profile(),
                aService().named("d").covering("OL", "M").forAges(0, 17).profile(),
                aService().named("e").covering("M14").offering("THERAPY", "COUNSELLING").profile(),
                aService().named("f").covering("M").closed().profile());
        DirectorySnapshot snapshot = new DirectorySnapshot(services);
        MatchCriteria criteria = aPerson().needing("COUNSELLING", "THERAPY").criteria();

        assertThat(snapshot.match(criteria, false).matches()).isEqualTo(snapshot.match(criteria, true).matches())
                .extracting(m -> m.service().name()).containsExactly("e", "b", "a");
    }
}
