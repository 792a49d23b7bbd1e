package org.waypoint.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.core.directory.SupportServiceBuilder.aService;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.Postcode;
import org.waypoint.core.shared.RiskLevel;

/**
 * The snapshot's answers over a large random directory, service by service, against the rules
 * written out plainly: the snapshot shares lists of reasons between services and works on bit sets,
 * and whatever it shares, each service must come out with exactly its own reasons, in order.
 */
class DirectorySnapshotRulesTest {

    private static final List<String> CATEGORIES = List.of("COUNSELLING", "ISVA", "THERAPY", "HOUSING", "LEGAL_AID");
    private static final List<String> AREAS = List.of("M", "OL", "SK", "BL", "EC");
    private static final List<String> LANGUAGES = List.of("en", "pl", "ur", "cy");
    private static final List<AgeRange> AGES = List.of(AgeRange.ANY, AgeRange.between(0, 17), AgeRange.from(18),
            AgeRange.between(13, 25), AgeRange.upTo(64));

    private final Random random = new Random(20261130);

    @Test
    void excludesEveryServiceForExactlyTheReasonsTheRulesGive() {
        List<ServiceProfile> services = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            services.add(randomService(i));
        }
        DirectorySnapshot snapshot = new DirectorySnapshot(services);

        for (int n = 0; n < 200; n++) {
            MatchCriteria criteria = randomPerson();
            MatchResult withExclusions = snapshot.match(criteria, true);
            MatchResult without = snapshot.match(criteria, false);

            List<ServiceExclusion> expected = new ArrayList<>();
            Set<ServiceProfile> offered = new HashSet<>();
            for (ServiceProfile service : snapshot.services()) {
                List<ExclusionReason> reasons = reasonsByTheRules(service, criteria);
                if (reasons.isEmpty()) {
                    offered.add(service);
                } else {
                    expected.add(new ServiceExclusion(service, reasons));
                }
            }
            assertThat(withExclusions.exclusions()).isEqualTo(expected);
            assertThat(withExclusions.matches()).extracting(ServiceMatch::service).containsExactlyInAnyOrderElementsOf(offered);
            assertThat(without.matches()).isEqualTo(withExclusions.matches());
            assertThat(without.exclusions()).isEmpty();
        }
    }

    private static List<ExclusionReason> reasonsByTheRules(ServiceProfile service, MatchCriteria person) {
        List<ExclusionReason> reasons = new ArrayList<>();
        Eligibility eligibility = service.eligibility();
        if (service.capacity() == Capacity.CLOSED) {
            reasons.add(ExclusionReason.of(ExclusionReasonCode.CLOSED));
        }
        if (Collections.disjoint(service.categoryCodes(), person.needs())) {
            reasons.add(ExclusionReason.of(ExclusionReasonCode.NO_REQUESTED_CATEGORY));
        }
        if (!service.postcodePrefixes().contains(person.postcode().district())
                && !service.postcodePrefixes().contains(person.postcode().area())) {
            reasons.add(ExclusionReason.of(ExclusionReasonCode.OUTSIDE_AREA, person.postcode().district()));
        }
        if (!eligibility.ages().contains(person.age())) {
            AgeRange ages = eligibility.ages();
            reasons.add(ExclusionReason.of(ExclusionReasonCode.AGE_OUTSIDE,
                    ages.minAge().isPresent() ? Integer.toString(ages.minAge().getAsInt()) : "",
                    ages.maxAge().isPresent() ? Integer.toString(ages.maxAge().getAsInt()) : ""));
        }
        if (!eligibility.admitsGender(person.gender())) {
            reasons.add(new ExclusionReason(ExclusionReasonCode.GENDER,
                    eligibility.genders().stream().map(Enum::name).toList()));
        }
        if (!eligibility.admitsRiskLevel(person.riskLevel())) {
            reasons.add(new ExclusionReason(ExclusionReasonCode.RISK_LEVEL,
                    eligibility.riskLevels().stream().map(Enum::name).toList()));
        }
        if (!eligibility.admitsAnyOf(person.crimeTypes())) {
            reasons.add(new ExclusionReason(ExclusionReasonCode.CRIME_TYPE,
                    eligibility.crimeTypes().stream().map(Enum::name).toList()));
        }
        if (!service.languages().contains(person.language())
                && !(person.interpreterAcceptable() && service.interpretersAvailable())) {
            reasons.add(new ExclusionReason(ExclusionReasonCode.LANGUAGE,
                    service.languages().stream().map(LanguageCode::value).sorted().toList()));
        }
        return reasons;
    }

    private ServiceProfile randomService(int i) {
        SupportServiceBuilder service = aService().named("Service " + random.nextInt(500) + " " + i)
                .offering(some(CATEGORIES).toArray(String[]::new))
                .covering(someAreas().toArray(String[]::new))
                .forAges(AGES.get(random.nextInt(AGES.size())))
                .inLanguages(some(LANGUAGES).toArray(String[]::new));
        if (random.nextInt(4) == 0) {
            service.forGenders(some(List.of(Gender.values())).toArray(Gender[]::new));
        }
        if (random.nextInt(4) == 0) {
            service.forRiskLevels(some(List.of(RiskLevel.values())).toArray(RiskLevel[]::new));
        }
        if (random.nextInt(3) == 0) {
            service.forCrimeTypes(some(List.of(CrimeType.values())).toArray(CrimeType[]::new));
        }
        if (random.nextBoolean()) {
            service.arrangingInterpreters();
        }
        switch (random.nextInt(6)) {
            case 0 -> service.closed();
            case 1 -> service.waitingList(1 + random.nextInt(20));
            default -> { }
        }
        return service.profile();
    }

    private MatchCriteria randomPerson() {
        String postcode = AREAS.get(random.nextInt(AREAS.size())) + (1 + random.nextInt(4))
                + (random.nextBoolean() ? " " + random.nextInt(10) + "AB" : "");
        return new MatchCriteria(Set.copyOf(some(CATEGORIES)), new Postcode(postcode), random.nextInt(90),
                Gender.values()[random.nextInt(Gender.values().length)],
                new LanguageCode(LANGUAGES.get(random.nextInt(LANGUAGES.size()))), random.nextBoolean(),
                RiskLevel.values()[random.nextInt(RiskLevel.values().length)],
                Set.copyOf(some(List.of(CrimeType.values()))));
    }

    private Set<String> someAreas() {
        Set<String> areas = new HashSet<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String area = AREAS.get(random.nextInt(AREAS.size()));
            areas.add(random.nextBoolean() ? area : area + (1 + random.nextInt(4)));
        }
        return areas;
    }

    private <T> List<T> some(List<T> from) {
        List<T> copy = new ArrayList<>(from);
        Collections.shuffle(copy, random);
        return copy.subList(0, 1 + random.nextInt(Math.min(3, copy.size())));
    }
}
