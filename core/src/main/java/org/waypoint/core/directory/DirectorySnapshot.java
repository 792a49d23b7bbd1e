package org.waypoint.core.directory;

import java.util.ArrayList;
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
    private final ServiceProfile[] byIndex;
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
    /**
     * The reasons services are excluded for that depend on the service alone, each kept once however
     * many services share it: by {@link Own} criterion, then by its number in {@link #ownReasonIds}.
     */
    private final ExclusionReason[][] ownReasons;
    /** By {@link Own} criterion, then by service: which of {@link #ownReasons} applies to it. */
    private final int[][] ownReasonIds;

    public DirectorySnapshot(Collection<ServiceProfile> services) {
        List<ServiceProfile> sorted = new ArrayList<>(services);
        sorted.sort(BY_NAME);
        this.services = List.copyOf(sorted);
        this.byIndex = sorted.toArray(ServiceProfile[]::new);
        this.size = sorted.size();
        this.minAge = new int[size];
        this.maxAge = new int[size];
        this.genders = new int[size];
        this.riskLevels = new int[size];
        this.crimeTypes = new long[size];
        this.ownReasonIds = new int[Own.values().length][size];
        List<Map<ExclusionReason, Integer>> interned = new ArrayList<>();
        for (Own criterion : Own.values()) {
            interned.add(new HashMap<>());
        }
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
            ExclusionReason[] own = ownReasons(service);
            for (Own criterion : Own.values()) {
                Map<ExclusionReason, Integer> ids = interned.get(criterion.ordinal());
                ownReasonIds[criterion.ordinal()][i] = ids.computeIfAbsent(own[criterion.ordinal()], r -> ids.size());
            }
        }
        this.ownReasons = new ExclusionReason[Own.values().length][];
        for (Own criterion : Own.values()) {
            ExclusionReason[] byId = new ExclusionReason[interned.get(criterion.ordinal()).size()];
            interned.get(criterion.ordinal()).forEach((reason, id) -> byId[id] = reason);
            ownReasons[criterion.ordinal()] = byId;
        }
    }

    /**
     * This directory with the given services as they now are: each of {@code changed} is replaced by
     * its profile in {@code nowAs}, or left out when it has none (it no longer exists). The indexes are
     * worked out afresh, which over the services already in memory takes a fraction of reading them.
     */
    public DirectorySnapshot with(Set<String> changed, Collection<ServiceProfile> nowAs) {
        if (changed.isEmpty()) {
            return this;
        }
        List<ServiceProfile> next = new ArrayList<>(size + nowAs.size());
        for (ServiceProfile service : services) {
            if (!changed.contains(service.id())) {
                next.add(service);
            }
        }
        next.addAll(nowAs);
        return new DirectorySnapshot(next);
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
            ReasonLists lists = new ReasonLists(request.outsideArea);
            for (int i = 0; i < size; i++) {
                int why = exclusions(i, request);
                if (why == 0) {
                    matches.add(matched(i, request));
                } else {
                    exclusions.add(new ServiceExclusion(byIndex[i], lists.of(i, why)));
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

    /**
     * Every reason service {@code i} is excluded for, as a bit set over the {@link ExclusionReasonCode}s
     * (bit {@code 1 << code.ordinal()}): none when it is offered.
     */
    private int exclusions(int i, Request request) {
        int why = 0;
        if (closed.get(i)) {
            why |= 1 << ExclusionReasonCode.CLOSED.ordinal();
        }
        if (!request.offersANeed.get(i)) {
            why |= 1 << ExclusionReasonCode.NO_REQUESTED_CATEGORY.ordinal();
        }
        if (!request.inArea.get(i)) {
            why |= 1 << ExclusionReasonCode.OUTSIDE_AREA.ordinal();
        }
        if (request.age < minAge[i] || request.age > maxAge[i]) {
            why |= 1 << ExclusionReasonCode.AGE_OUTSIDE.ordinal();
        }
        if (genders[i] != 0 && (genders[i] & request.gender) == 0) {
            why |= 1 << ExclusionReasonCode.GENDER.ordinal();
        }
        if (riskLevels[i] != 0 && (riskLevels[i] & request.riskLevel) == 0) {
            why |= 1 << ExclusionReasonCode.RISK_LEVEL.ordinal();
        }
        if (crimeTypes[i] != 0 && (crimeTypes[i] & request.crimeTypes) == 0) {
            why |= 1 << ExclusionReasonCode.CRIME_TYPE.ordinal();
        }
        if (!request.speaks.get(i)) {
            why |= 1 << ExclusionReasonCode.LANGUAGE.ordinal();
        }
        return why;
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

    /** The criteria whose reasons depend on the service alone, in the order of their {@link ExclusionReasonCode}s. */
    private enum Own {
        AGE, GENDER, RISK_LEVEL, CRIME_TYPE, LANGUAGE;

        /** The bit of {@link #exclusions}' answer that stands for the first of them. */
        static final int FIRST_BIT = ExclusionReasonCode.AGE_OUTSIDE.ordinal();
    }

    /**
     * The lists of reasons of one request, each made once and shared by every service excluded for
     * the same reasons: most are excluded for the same few (outside the area, offering none of the
     * needs), so a request over the whole directory makes a few hundred lists rather than one a
     * service. A service excluded on two or more counts of its own gets a list of its own.
     */
    private final class ReasonLists {

        private static final int REQUEST_BITS = Own.FIRST_BIT;

        private final ExclusionReason outsideArea;
        @SuppressWarnings("unchecked")
        private final List<ExclusionReason>[] byRequestOnly = new List[1 << REQUEST_BITS];
        private final Map<Long, List<ExclusionReason>> withOneOwn = new HashMap<>();

        ReasonLists(ExclusionReason outsideArea) {
            this.outsideArea = outsideArea;
        }

        List<ExclusionReason> of(int i, int why) {
            int own = why >>> REQUEST_BITS;
            if (own == 0) {
                List<ExclusionReason> list = byRequestOnly[why];
                if (list == null) {
                    list = build(i, why);
                    byRequestOnly[why] = list;
                }
                return list;
            }
            if (Integer.bitCount(own) == 1) {
                int criterion = Integer.numberOfTrailingZeros(own);
                long key = ((long) ownReasonIds[criterion][i] << 16) | why;
                List<ExclusionReason> list = withOneOwn.get(key);
                if (list == null) {
                    list = build(i, why);
                    withOneOwn.put(key, list);
                }
                return list;
            }
            return build(i, why);
        }

        private List<ExclusionReason> build(int i, int why) {
            ExclusionReason[] reasons = new ExclusionReason[Integer.bitCount(why)];
            int count = 0;
            if ((why & 1 << ExclusionReasonCode.CLOSED.ordinal()) != 0) {
                reasons[count++] = CLOSED;
            }
            if ((why & 1 << ExclusionReasonCode.NO_REQUESTED_CATEGORY.ordinal()) != 0) {
                reasons[count++] = NO_REQUESTED_CATEGORY;
            }
            if ((why & 1 << ExclusionReasonCode.OUTSIDE_AREA.ordinal()) != 0) {
                reasons[count++] = outsideArea;
            }
            for (Own criterion : Own.values()) {
                if ((why & 1 << (Own.FIRST_BIT + criterion.ordinal())) != 0) {
                    reasons[count++] = ownReasons[criterion.ordinal()][ownReasonIds[criterion.ordinal()][i]];
                }
            }
            return List.of(reasons);
        }
    }

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
