package org.waypoint.core.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.LanguageCode;

/**
 * The directory as it stood at one moment, in memory and safe to share between threads, so that
 * matching a person to services reads no database. Everything that depends on the services alone
 * is worked out once, when the snapshot is taken: which services offer each category, cover each
 * postcode prefix and work in each language (as bit sets over the services in name order), each
 * service's eligibility as plain numbers and bit masks, and the reasons it would be excluded for.
 * A request then combines a few bit sets and checks numbers, even when it looks at every service.
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
    private static final BitSet NONE = new BitSet();

    private final List<ServiceProfile> services;
    private final int size;
    private final Map<String, BitSet> byCategory = new HashMap<>();
    private final Map<String, BitSet> byPostcodePrefix = new HashMap<>();
    private final Map<LanguageCode, BitSet> byLanguage = new HashMap<>();
    private final BitSet arrangingInterpreters = new BitSet();
    private final BitSet closed = new BitSet();
    private final int[] minAge;
    private final int[] maxAge;
    private final int[] genders;
    private final int[] riskLevels;
    private final long[] crimeTypes;
    private final ExclusionReason[][] ownReasons;

    public DirectorySnapshot(Collection<ServiceProfile> services) {
        List<ServiceProfile> sorted = new ArrayList<>(services);
        sorted.sort(BY_NAME);
        this.services = List.copyOf(sorted);
        this.size = sorted.size();
        this.minAge = new int[size];
        this.maxAge = new int[size];
        this.genders = new int[size];
        this.riskLevels = new int[size];
        this.crimeTypes = new long[size];
        this.ownReasons = new ExclusionReason[size][];
        for (int i = 0; i < size; i++) {
            ServiceProfile service = sorted.get(i);
            for (String code : service.categoryCodes()) {
                byCategory.computeIfAbsent(code, c -> new BitSet(size)).set(i);
            }
            for (String prefix : service.postcodePrefixes()) {
                byPostcodePrefix.computeIfAbsent(prefix, p -> new BitSet(size)).set(i);
            }
            for (LanguageCode language : service.languages()) {
                byLanguage.computeIfAbsent(language, l -> new BitSet(size)).set(i);
            }
            arrangingInterpreters.set(i, service.interpretersAvailable());
            closed.set(i, service.capacity() == Capacity.CLOSED);
            Eligibility eligibility = service.eligibility();
            minAge[i] = eligibility.ages().minAge().orElse(0);
            maxAge[i] = eligibility.ages().maxAge().orElse(Integer.MAX_VALUE);
            genders[i] = (int) mask(eligibility.genders());
            riskLevels[i] = (int) mask(eligibility.riskLevels());
            crimeTypes[i] = mask(eligibility.crimeTypes());
            ownReasons[i] = ownReasons(service);
        }
    }

    private static long mask(Set<? extends Enum<?>> values) {
        long mask = 0;
        for (Enum<?> value : values) {
            mask |= 1L << value.ordinal();
        }
        return mask;
    }

    /** The reasons a service is excluded for that depend on it alone, indexed by {@link Own}. */
    private static ExclusionReason[] ownReasons(ServiceProfile service) {
        Eligibility eligibility = service.eligibility();
        ExclusionReason[] reasons = new ExclusionReason[Own.values().length];
        reasons[Own.AGE.ordinal()] = new ExclusionReason(ExclusionReasonCode.AGE_OUTSIDE, ages(eligibility.ages()));
        reasons[Own.GENDER.ordinal()] = new ExclusionReason(ExclusionReasonCode.GENDER, names(eligibility.genders()));
        reasons[Own.RISK_LEVEL.ordinal()] =
                new ExclusionReason(ExclusionReasonCode.RISK_LEVEL, names(eligibility.riskLevels()));
        reasons[Own.CRIME_TYPE.ordinal()] =
                new ExclusionReason(ExclusionReasonCode.CRIME_TYPE, names(eligibility.crimeTypes()));
        reasons[Own.LANGUAGE.ordinal()] = new ExclusionReason(ExclusionReasonCode.LANGUAGE,
                service.languages().stream().map(LanguageCode::value).sorted().toList());
        return reasons;
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
     * @param includeExclusions also list every service not offered, with all the reasons why, in
     *                          name order
     */
    public MatchResult match(MatchCriteria criteria, boolean includeExclusions) {
        Request request = new Request(criteria);
        List<Ranked> matches = new ArrayList<>();
        List<ServiceExclusion> exclusions = new ArrayList<>(includeExclusions ? size : 0);
        if (includeExclusions) {
            ExclusionReason[] scratch = new ExclusionReason[ExclusionReasonCode.values().length];
            for (int i = 0; i < size; i++) {
                int count = exclusions(i, request, scratch);
                if (count == 0) {
                    matches.add(matched(i, request));
                } else {
                    exclusions.add(new ServiceExclusion(services.get(i), List.of(Arrays.copyOf(scratch, count))));
                }
            }
        } else {
            BitSet candidates = (BitSet) request.inArea.clone();
            candidates.and(request.offersANeed);
            candidates.and(request.speaks);
            candidates.andNot(closed);
            for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
                if (admits(i, request)) {
                    matches.add(matched(i, request));
                }
            }
        }
        matches.sort(RANKING);
        return new MatchResult(matches.stream().map(Ranked::match).toList(), exclusions);
    }

    private boolean admits(int i, Request request) {
        return request.age >= minAge[i] && request.age <= maxAge[i]
                && (genders[i] == 0 || (genders[i] & request.gender) != 0)
                && (riskLevels[i] == 0 || (riskLevels[i] & request.riskLevel) != 0)
                && (crimeTypes[i] == 0 || (crimeTypes[i] & request.crimeTypes) != 0);
    }

    /** Puts every reason service {@code i} is excluded for into {@code reasons}, and says how many. */
    private int exclusions(int i, Request request, ExclusionReason[] reasons) {
        int count = 0;
        if (closed.get(i)) {
            reasons[count++] = CLOSED;
        }
        if (!request.offersANeed.get(i)) {
            reasons[count++] = NO_REQUESTED_CATEGORY;
        }
        if (!request.inArea.get(i)) {
            reasons[count++] = request.outsideArea;
        }
        ExclusionReason[] own = ownReasons[i];
        if (request.age < minAge[i] || request.age > maxAge[i]) {
            reasons[count++] = own[Own.AGE.ordinal()];
        }
        if (genders[i] != 0 && (genders[i] & request.gender) == 0) {
            reasons[count++] = own[Own.GENDER.ordinal()];
        }
        if (riskLevels[i] != 0 && (riskLevels[i] & request.riskLevel) == 0) {
            reasons[count++] = own[Own.RISK_LEVEL.ordinal()];
        }
        if (crimeTypes[i] != 0 && (crimeTypes[i] & request.crimeTypes) == 0) {
            reasons[count++] = own[Own.CRIME_TYPE.ordinal()];
        }
        if (!request.speaks.get(i)) {
            reasons[count++] = own[Own.LANGUAGE.ordinal()];
        }
        return count;
    }

    private Ranked matched(int i, Request request) {
        ServiceProfile service = services.get(i);
        MatchCriteria criteria = request.criteria;
        Eligibility eligibility = service.eligibility();
        List<MatchReason> reasons = new ArrayList<>();
        int needsCovered = 0;
        for (String need : request.needsInOrder) {
            if (service.categoryCodes().contains(need)) {
                reasons.add(MatchReason.of(MatchReasonCode.OFFERS_CATEGORY, need));
                needsCovered++;
            }
        }
        boolean coversDistrict = request.inDistrict.get(i);
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
        return new Ranked(new ServiceMatch(service, reasons), needsCovered, coversDistrict, waitWeeks);
    }

    private static List<String> ages(AgeRange ages) {
        return List.of(text(ages.minAge()), text(ages.maxAge()));
    }

    private static String text(OptionalInt age) {
        return age.isPresent() ? Integer.toString(age.getAsInt()) : "";
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private enum Own { AGE, GENDER, RISK_LEVEL, CRIME_TYPE, LANGUAGE }

    /** What is worked out once per request rather than once per service. */
    private final class Request {
        final MatchCriteria criteria;
        final String district;
        final String area;
        final List<String> needsInOrder;
        final ExclusionReason outsideArea;
        final int age;
        final int gender;
        final int riskLevel;
        final long crimeTypes;
        final BitSet inDistrict;
        final BitSet inArea;
        final BitSet offersANeed = new BitSet(size);
        final BitSet speaks;

        Request(MatchCriteria criteria) {
            this.criteria = criteria;
            this.district = criteria.postcode().district();
            this.area = criteria.postcode().area();
            this.needsInOrder = criteria.needs().stream().sorted().toList();
            this.outsideArea = ExclusionReason.of(ExclusionReasonCode.OUTSIDE_AREA, district);
            this.age = criteria.age();
            this.gender = (int) mask(Set.of(criteria.gender()));
            this.riskLevel = (int) mask(Set.of(criteria.riskLevel()));
            this.crimeTypes = mask(criteria.crimeTypes());
            this.inDistrict = byPostcodePrefix.getOrDefault(district, NONE);
            this.inArea = (BitSet) inDistrict.clone();
            inArea.or(byPostcodePrefix.getOrDefault(area, NONE));
            for (String need : needsInOrder) {
                offersANeed.or(byCategory.getOrDefault(need, NONE));
            }
            this.speaks = (BitSet) byLanguage.getOrDefault(criteria.language(), NONE).clone();
            if (criteria.interpreterAcceptable()) {
                speaks.or(arrangingInterpreters);
            }
        }
    }

    private record Ranked(ServiceMatch match, int needsCovered, boolean coversDistrict, int waitWeeks) {
        ServiceProfile service() {
            return match.service();
        }
    }
}
