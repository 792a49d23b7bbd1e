package org.waypoint.core.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.waypoint.core.shared.CrimeType;

/**
 * The directory as it stood at one moment, in memory and indexed by postcode area and district, so
 * that matching a person to services reads no database and is safe to share between threads.
 */
public final class DirectorySnapshot {

    private static final Comparator<ServiceProfile> BY_NAME =
            Comparator.comparing(ServiceProfile::name).thenComparing(ServiceProfile::id);
    private static final Comparator<Ranked> RANKING = Comparator
            .comparingInt(Ranked::needsCovered).reversed()
            .thenComparing(Ranked::coversDistrict, Comparator.reverseOrder())
            .thenComparingInt(Ranked::waitWeeks)
            .thenComparing(Ranked::service, BY_NAME);
    private static final ExclusionReason CLOSED = ExclusionReason.of(ExclusionReasonCode.CLOSED);
    private static final ExclusionReason NO_REQUESTED_CATEGORY =
            ExclusionReason.of(ExclusionReasonCode.NO_REQUESTED_CATEGORY);
    private static final MatchReason OPEN_NOW = MatchReason.of(MatchReasonCode.OPEN_NOW);

    private final List<ServiceProfile> services;
    private final Map<String, List<ServiceProfile>> byPostcodePrefix;

    public DirectorySnapshot(Collection<ServiceProfile> services) {
        List<ServiceProfile> sorted = new ArrayList<>(services);
        sorted.sort(BY_NAME);
        this.services = List.copyOf(sorted);
        Map<String, List<ServiceProfile>> index = new HashMap<>();
        for (ServiceProfile service : this.services) {
            for (String prefix : service.postcodePrefixes()) {
                index.computeIfAbsent(prefix, p -> new ArrayList<>()).add(service);
            }
        }
        index.replaceAll((prefix, list) -> List.copyOf(list));
        this.byPostcodePrefix = Map.copyOf(index);
    }

    /** Every service, closed ones included, in name order. */
    public List<ServiceProfile> services() {
        return services;
    }

    /**
     * The services offered for the criteria, best first, each with every reason it was offered.
     * A service is offered when it is not closed, offers at least one of the categories needed,
     * covers the person's postcode district or area, and its eligibility and languages admit the
     * person (a language through an interpreter only if the criteria accept one).
     * <p>
     * Ranking: more of the needs covered first; then a service covering the person's district
     * before one covering only their whole area; then open before a waiting list, a shorter wait
     * before a longer; then by name.
     *
     * @param includeExclusions also list every service not offered, with all the reasons why; this
     *                          looks at the whole directory, so ask only when a person will read it
     */
    public MatchResult match(MatchCriteria criteria, boolean includeExclusions) {
        Request request = new Request(criteria);
        List<Ranked> matches = new ArrayList<>();
        List<ServiceExclusion> exclusions = new ArrayList<>();
        if (includeExclusions) {
            for (ServiceProfile service : services) {
                List<ExclusionReason> reasons = exclusions(service, request);
                if (reasons.isEmpty()) {
                    matches.add(matched(service, request));
                } else {
                    exclusions.add(new ServiceExclusion(service, reasons));
                }
            }
        } else {
            for (ServiceProfile service : byPostcodePrefix.getOrDefault(request.district, List.of())) {
                if (exclusions(service, request).isEmpty()) {
                    matches.add(matched(service, request));
                }
            }
            for (ServiceProfile service : byPostcodePrefix.getOrDefault(request.area, List.of())) {
                if (!service.postcodePrefixes().contains(request.district) && exclusions(service, request).isEmpty()) {
                    matches.add(matched(service, request));
                }
            }
        }
        matches.sort(RANKING);
        return new MatchResult(matches.stream().map(Ranked::match).toList(), exclusions);
    }

    private static List<ExclusionReason> exclusions(ServiceProfile service, Request request) {
        List<ExclusionReason> reasons = null;
        Eligibility eligibility = service.eligibility();
        if (service.capacity() == Capacity.CLOSED) {
            reasons = add(reasons, CLOSED);
        }
        if (needsCovered(service, request) == 0) {
            reasons = add(reasons, NO_REQUESTED_CATEGORY);
        }
        if (!service.postcodePrefixes().contains(request.district) && !service.postcodePrefixes().contains(request.area)) {
            reasons = add(reasons, request.outsideArea);
        }
        if (!eligibility.ages().contains(request.criteria.age())) {
            reasons = add(reasons, new ExclusionReason(ExclusionReasonCode.AGE_OUTSIDE, ages(eligibility.ages())));
        }
        if (!eligibility.admitsGender(request.criteria.gender())) {
            reasons = add(reasons, new ExclusionReason(ExclusionReasonCode.GENDER, names(eligibility.genders())));
        }
        if (!eligibility.admitsRiskLevel(request.criteria.riskLevel())) {
            reasons = add(reasons, new ExclusionReason(ExclusionReasonCode.RISK_LEVEL, names(eligibility.riskLevels())));
        }
        if (!eligibility.admitsAnyOf(request.criteria.crimeTypes())) {
            reasons = add(reasons, new ExclusionReason(ExclusionReasonCode.CRIME_TYPE, names(eligibility.crimeTypes())));
        }
        if (!service.languages().contains(request.criteria.language())
                && !(service.interpretersAvailable() && request.criteria.interpreterAcceptable())) {
            reasons = add(reasons, new ExclusionReason(ExclusionReasonCode.LANGUAGE,
                    service.languages().stream().map(l -> l.value()).sorted().toList()));
        }
        return reasons == null ? List.of() : reasons;
    }

    private static List<ExclusionReason> add(List<ExclusionReason> reasons, ExclusionReason reason) {
        List<ExclusionReason> list = reasons == null ? new ArrayList<>(4) : reasons;
        list.add(reason);
        return list;
    }

    private static Ranked matched(ServiceProfile service, Request request) {
        MatchCriteria criteria = request.criteria;
        Eligibility eligibility = service.eligibility();
        List<MatchReason> reasons = new ArrayList<>();
        for (String need : request.needsInOrder) {
            if (service.categoryCodes().contains(need)) {
                reasons.add(MatchReason.of(MatchReasonCode.OFFERS_CATEGORY, need));
            }
        }
        boolean coversDistrict = service.postcodePrefixes().contains(request.district);
        reasons.add(coversDistrict
                ? MatchReason.of(MatchReasonCode.COVERS_DISTRICT, request.district)
                : MatchReason.of(MatchReasonCode.COVERS_AREA, request.area));
        if (eligibility.ages().isLimited()) {
            reasons.add(new MatchReason(MatchReasonCode.SEES_AGE, ages(eligibility.ages())));
        }
        if (!eligibility.genders().isEmpty()) {
            reasons.add(MatchReason.of(MatchReasonCode.SEES_GENDER, criteria.gender().name()));
        }
        if (!eligibility.riskLevels().isEmpty()) {
            reasons.add(MatchReason.of(MatchReasonCode.SEES_RISK_LEVEL, criteria.riskLevel().name()));
        }
        if (!eligibility.crimeTypes().isEmpty()) {
            reasons.add(new MatchReason(MatchReasonCode.SEES_CRIME_TYPE, criteria.crimeTypes().stream()
                    .filter(eligibility.crimeTypes()::contains).map(CrimeType::name).toList()));
        }
        reasons.add(service.languages().contains(criteria.language())
                ? MatchReason.of(MatchReasonCode.WORKS_IN_LANGUAGE, criteria.language().value())
                : MatchReason.of(MatchReasonCode.ARRANGES_INTERPRETER, criteria.language().value()));
        int waitWeeks = service.waitWeeks().orElse(0);
        reasons.add(service.capacity() == Capacity.WAITING_LIST
                ? MatchReason.of(MatchReasonCode.WAITING_LIST, Integer.toString(waitWeeks))
                : OPEN_NOW);
        return new Ranked(new ServiceMatch(service, reasons), needsCovered(service, request), coversDistrict, waitWeeks);
    }

    private static int needsCovered(ServiceProfile service, Request request) {
        int covered = 0;
        for (String need : request.needsInOrder) {
            if (service.categoryCodes().contains(need)) {
                covered++;
            }
        }
        return covered;
    }

    private static List<String> ages(AgeRange ages) {
        return List.of(
                ages.minAge().isPresent() ? Integer.toString(ages.minAge().getAsInt()) : "",
                ages.maxAge().isPresent() ? Integer.toString(ages.maxAge().getAsInt()) : "");
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    /** What is worked out once per request rather than once per service. */
    private static final class Request {
        final MatchCriteria criteria;
        final String district;
        final String area;
        final List<String> needsInOrder;
        final ExclusionReason outsideArea;

        Request(MatchCriteria criteria) {
            this.criteria = criteria;
            this.district = criteria.postcode().district();
            this.area = criteria.postcode().area();
            this.needsInOrder = criteria.needs().stream().sorted().toList();
            this.outsideArea = ExclusionReason.of(ExclusionReasonCode.OUTSIDE_AREA, district);
        }
    }

    private record Ranked(ServiceMatch match, int needsCovered, boolean coversDistrict, int waitWeeks) {
        ServiceProfile service() {
            return match.service();
        }
    }
}
