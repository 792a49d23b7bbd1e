package org.waypoint.bench.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.waypoint.core.directory.AgeRange;
import org.waypoint.core.directory.DeliveryMode;
import org.waypoint.core.directory.Eligibility;
import org.waypoint.core.directory.MatchCriteria;
import org.waypoint.core.directory.ServiceCategory;
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
 * A national directory made up for the benchmarks, the same for the same seed: services over the UK's
 * postcode districts ({@code uk-postcode-districts.txt}), most of them local (a few neighbouring
 * districts), some covering a whole area or a region of neighbouring areas, a few national; offering
 * the categories in proportions like a real directory's (counselling and advisers common, immigration
 * advice rare); most for anyone, some for children or adults only, for women, for some crimes or for
 * high risk; English with some community languages (Welsh in Wales); a few closed or with a wait.
 * People are spread evenly over the districts.
 */
final class GeneratedDirectory {

    /** Category codes, each as often as a service offers it relative to the others. */
    private static final Map<String, Integer> CATEGORY_WEIGHTS = Map.ofEntries(
            Map.entry("COUNSELLING", 20), Map.entry("ISVA", 12), Map.entry("IDVA", 12), Map.entry("CHISVA", 4),
            Map.entry("THERAPY", 10), Map.entry("ADVOCACY", 10), Map.entry("LEGAL_AID", 8), Map.entry("HOUSING", 10),
            Map.entry("HEALTH", 6), Map.entry("FINANCIAL", 5), Map.entry("IMMIGRATION_ADVICE", 3));
    private static final List<String> COMMUNITY_LANGUAGES = List.of("pl", "ur", "pa", "ar", "ro", "bn", "gu", "so", "ti", "vi");
    private static final Set<String> WELSH_AREAS = Set.of("CF", "SA", "LL", "LD", "NP", "SY");

    private final List<String> areas = new ArrayList<>();
    private final List<List<String>> districtsByArea = new ArrayList<>();
    private final List<String> allDistricts = new ArrayList<>();
    private final List<String> weightedCategories = new ArrayList<>();
    private final Random random;

    GeneratedDirectory(long seed) {
        this.random = new Random(seed);
        readDistricts();
        CATEGORY_WEIGHTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> weightedCategories.addAll(Collections.nCopies(e.getValue(), e.getKey())));
    }

    private void readDistricts() {
        try (InputStream in = GeneratedDirectory.class.getResourceAsStream("uk-postcode-districts.txt");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                List<String> districts = new ArrayList<>();
                for (int i = 1; i < parts.length; i++) {
                    String[] range = parts[i].split("-");
                    if (range.length == 2) {
                        for (int n = Integer.parseInt(range[0]); n <= Integer.parseInt(range[1]); n++) {
                            districts.add(parts[0] + n);
                        }
                    } else {
                        districts.add(parts[0] + parts[i]);
                    }
                }
                areas.add(parts[0]);
                districtsByArea.add(districts);
                allDistricts.addAll(districts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int districtCount() {
        return allDistricts.size();
    }

    List<Organisation> organisations(int count) {
        List<Organisation> organisations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            organisations.add(new Organisation("Support Trust " + i, OrganisationKind.PROVIDER));
        }
        return organisations;
    }

    /** The next service, owned by one of {@code organisations}, its categories taken from {@code taxonomy} by code. */
    SupportService service(int number, List<Organisation> organisations, Map<String, ServiceCategory> taxonomy) {
        int home = random.nextInt(areas.size());
        Set<String> categories = new LinkedHashSet<>();
        int offered = 1 + (random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2));
        while (categories.size() < offered) {
            categories.add(weightedCategories.get(random.nextInt(weightedCategories.size())));
        }
        SupportService service = new SupportService(organisations.get(random.nextInt(organisations.size())),
                categories.iterator().next().toLowerCase() + " service " + number, "Generated for the benchmark.",
                categories.stream().map(taxonomy::get).toList(), coverage(home),
                new EmailAddress("referrals" + number + "@bench.example.org"));
        service.eligibility(eligibility(categories));
        List<LanguageCode> languages = new ArrayList<>(List.of(LanguageCode.ENGLISH));
        if (WELSH_AREAS.contains(areas.get(home)) && random.nextInt(3) > 0) {
            languages.add(new LanguageCode("cy"));
        }
        if (random.nextInt(5) == 0) {
            pick(COMMUNITY_LANGUAGES, 1 + random.nextInt(3)).forEach(code -> languages.add(new LanguageCode(code)));
        }
        service.languages(languages, random.nextInt(3) == 0);
        service.deliveryModes(pick(List.of(DeliveryMode.values()), 1 + random.nextInt(DeliveryMode.values().length)));
        int capacity = random.nextInt(100);
        if (capacity < 5) {
            service.close();
        } else if (capacity < 25) {
            service.waitingList(1 + random.nextInt(16));
        }
        return service;
    }

    /** Neighbouring districts of one area (60%), one or two whole areas (30%), a region (9.8%), or the whole UK. */
    private List<String> coverage(int home) {
        int reach = random.nextInt(1000);
        List<String> prefixes = new ArrayList<>();
        if (reach < 600) {
            List<String> districts = districtsByArea.get(home);
            int first = random.nextInt(districts.size());
            int count = 1 + random.nextInt(4);
            for (int i = first; i < Math.min(districts.size(), first + count); i++) {
                prefixes.add(districts.get(i));
            }
        } else if (reach < 900) {
            prefixes.add(areas.get(home));
            if (random.nextBoolean()) {
                prefixes.add(areas.get((home + 1) % areas.size()));
            }
        } else if (reach < 998) {
            int count = 3 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                prefixes.add(areas.get((home + i) % areas.size()));
            }
        } else {
            prefixes.addAll(areas);
        }
        return prefixes;
    }

    private Eligibility eligibility(Set<String> categories) {
        Eligibility eligibility = Eligibility.ANYONE;
        if (categories.contains("CHISVA")) {
            eligibility = eligibility.withAges(AgeRange.between(0, 17));
        } else {
            switch (random.nextInt(20)) {
                case 0, 1, 2 -> eligibility = eligibility.withAges(AgeRange.from(18));
                case 3 -> eligibility = eligibility.withAges(AgeRange.between(0, 17));
                case 4 -> eligibility = eligibility.withAges(AgeRange.between(11, 25));
                case 5 -> eligibility = eligibility.withAges(AgeRange.from(16));
                default -> { }
            }
        }
        if (random.nextInt(10) == 0) {
            eligibility = eligibility.withGenders(List.of(Gender.FEMALE, Gender.NON_BINARY, Gender.SELF_DESCRIBED));
        }
        if (categories.contains("IDVA")) {
            eligibility = eligibility.withCrimeTypes(List.of(CrimeType.DOMESTIC_ABUSE, CrimeType.STALKING));
        } else if (categories.contains("ISVA") || categories.contains("CHISVA")) {
            eligibility = eligibility.withCrimeTypes(List.of(CrimeType.RAPE, CrimeType.SEXUAL_ASSAULT,
                    CrimeType.CHILD_SEXUAL_ABUSE, CrimeType.CHILD_SEXUAL_EXPLOITATION, CrimeType.GROOMING));
        } else if (random.nextInt(6) == 0) {
            eligibility = eligibility.withCrimeTypes(pick(List.of(CrimeType.values()), 1 + random.nextInt(3)));
        }
        if (random.nextInt(12) == 0) {
            eligibility = eligibility.withRiskLevels(List.of(RiskLevel.HIGH));
        }
        return eligibility;
    }

    /** A person somewhere in the UK, with one or two needs. */
    MatchCriteria person() {
        String district = allDistricts.get(random.nextInt(allDistricts.size()));
        Set<String> needs = new LinkedHashSet<>();
        int count = 1 + random.nextInt(2);
        while (needs.size() < count) {
            needs.add(weightedCategories.get(random.nextInt(weightedCategories.size())));
        }
        int age = random.nextInt(5) == 0 ? 8 + random.nextInt(10) : 18 + random.nextInt(60);
        String language = random.nextInt(5) == 0 ? COMMUNITY_LANGUAGES.get(random.nextInt(COMMUNITY_LANGUAGES.size())) : "en";
        return new MatchCriteria(needs, new Postcode(district + " " + random.nextInt(10) + "AB"), age,
                Gender.values()[random.nextInt(Gender.values().length)], new LanguageCode(language),
                random.nextBoolean(), RiskLevel.values()[random.nextInt(RiskLevel.values().length)],
                EnumSet.copyOf(pick(List.of(CrimeType.values()), 1 + random.nextInt(2))));
    }

    private <T> List<T> pick(List<T> from, int count) {
        List<T> copy = new ArrayList<>(from);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }
}
