package org.waypoint.bench.matching;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.waypoint.core.directory.AgeRange;
import org.waypoint.core.directory.DeliveryMode;
import org.waypoint.core.directory.DirectorySnapshot;
import org.waypoint.core.directory.Eligibility;
import org.waypoint.core.directory.MatchCriteria;
import org.waypoint.core.directory.MatchResult;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.ServiceProfile;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.Postcode;
import org.waypoint.core.shared.RiskLevel;

/**
 * Matching one person against a generated directory held in memory, as {@code DirectoryService.match}
 * does once its snapshot is taken. SampleTime reports the percentiles; the target is p0.95 of at
 * most 20 ms over 50,000 services.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class MatchingBenchmark {

    private static final String[] AREAS = {
            "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "CA", "CB", "CF", "CH", "CM", "CO",
            "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN",
            "EX", "FK", "FY", "G", "GL", "GU", "HA", "HD", "HG", "HP", "HR", "HU", "HX", "IG", "IP", "IV", "KA",
            "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE",
            "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S",
            "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF",
            "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO"};
    private static final String[] CATEGORIES = {"COUNSELLING", "LEGAL_AID", "ISVA", "CHISVA", "IDVA", "THERAPY",
            "ADVOCACY", "HOUSING", "HEALTH", "FINANCIAL", "IMMIGRATION_ADVICE"};
    private static final String[] LANGUAGES = {"pl", "ur", "pa", "ar", "ro", "bn", "gu", "so", "ti", "vi", "cy"};
    private static final AgeRange[] AGE_LIMITS = {
            AgeRange.between(0, 17), AgeRange.from(18), AgeRange.between(16, 25), AgeRange.from(13), AgeRange.from(16)};
    private static final int CRITERIA = 1024;

    @Param("50000")
    public int services;

    private DirectorySnapshot snapshot;
    private MatchCriteria[] criteria;
    private int next;

    @Setup(Level.Trial)
    public void generate() {
        Random random = new Random(42);
        Organisation organisation = new Organisation("Benchmark Trust", OrganisationKind.PROVIDER);
        List<ServiceCategory> taxonomy = new ArrayList<>();
        for (String code : CATEGORIES) {
            taxonomy.add(new ServiceCategory(code, code));
        }
        EmailAddress inbox = new EmailAddress("referrals@bench.example.org");
        List<ServiceProfile> profiles = new ArrayList<>(services);
        for (int i = 0; i < services; i++) {
            SupportService service = new SupportService(organisation, "Service " + i, "Generated.",
                    pick(random, taxonomy, 1 + random.nextInt(3)), prefixes(random), inbox);
            service.eligibility(eligibility(random));
            List<LanguageCode> languages = new ArrayList<>(List.of(LanguageCode.ENGLISH));
            if (random.nextInt(5) == 0) {
                pick(random, List.of(LANGUAGES), 1 + random.nextInt(3)).forEach(l -> languages.add(new LanguageCode(l)));
            }
            service.languages(languages, random.nextBoolean());
            service.deliveryModes(pick(random, List.of(DeliveryMode.values()), 1 + random.nextInt(3)));
            int capacity = random.nextInt(100);
            if (capacity < 5) {
                service.close();
            } else if (capacity < 20) {
                service.waitingList(1 + random.nextInt(12));
            }
            profiles.add(ServiceProfile.of(service));
        }
        snapshot = new DirectorySnapshot(profiles);
        criteria = new MatchCriteria[CRITERIA];
        for (int i = 0; i < CRITERIA; i++) {
            criteria[i] = person(random);
        }
    }

    private static Set<String> prefixes(Random random) {
        Set<String> prefixes = new HashSet<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String area = AREAS[random.nextInt(AREAS.length)];
            prefixes.add(random.nextBoolean() ? area : area + (1 + random.nextInt(20)));
        }
        return prefixes;
    }

    private static Eligibility eligibility(Random random) {
        Eligibility eligibility = Eligibility.ANYONE;
        if (random.nextInt(10) < 3) {
            eligibility = eligibility.withAges(AGE_LIMITS[random.nextInt(AGE_LIMITS.length)]);
        }
        if (random.nextInt(10) == 0) {
            eligibility = eligibility.withGenders(List.of(Gender.FEMALE, Gender.NON_BINARY));
        }
        if (random.nextInt(5) == 0) {
            eligibility = eligibility.withCrimeTypes(pick(random, List.of(CrimeType.values()), 1 + random.nextInt(3)));
        }
        if (random.nextInt(10) == 0) {
            eligibility = eligibility.withRiskLevels(List.of(RiskLevel.HIGH));
        }
        return eligibility;
    }

    private static MatchCriteria person(Random random) {
        String postcode = AREAS[random.nextInt(AREAS.length)] + (1 + random.nextInt(20)) + " " + random.nextInt(10) + "AB";
        String language = random.nextInt(4) == 0 ? LANGUAGES[random.nextInt(LANGUAGES.length)] : "en";
        return new MatchCriteria(
                new HashSet<>(pick(random, List.of(CATEGORIES), 1 + random.nextInt(2))),
                new Postcode(postcode),
                random.nextInt(80),
                Gender.values()[random.nextInt(Gender.values().length)],
                new LanguageCode(language),
                random.nextBoolean(),
                RiskLevel.values()[random.nextInt(RiskLevel.values().length)],
                EnumSet.copyOf(pick(random, List.of(CrimeType.values()), 1 + random.nextInt(2))));
    }

    private static <T> List<T> pick(Random random, List<T> from, int count) {
        List<T> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }

    private MatchCriteria nextCriteria() {
        next = (next + 1) % CRITERIA;
        return criteria[next];
    }

    /** What a caseworker is shown: the matches, ranked. */
    @Benchmark
    public MatchResult matchOnly() {
        return snapshot.match(nextCriteria(), false);
    }

    /** With every excluded service and its reasons as well: the whole directory is looked at. */
    @Benchmark
    public MatchResult matchWithExclusions() {
        return snapshot.match(nextCriteria(), true);
    }
}
