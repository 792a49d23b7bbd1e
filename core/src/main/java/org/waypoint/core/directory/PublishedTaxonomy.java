package org.waypoint.core.directory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.RiskLevel;

/**
 * Waypoint's taxonomy as it publishes it for other directories (Open Referral UK): the support needs
 * (the categories kept by the migrations) and the facets victims' services are told apart by (crime
 * types served, children or adults, genders and risk levels seen, how the service meets people).
 * <p>
 * Every id is a name-based UUID (version 5) of a fixed namespace and the term's facet and code, so a
 * term keeps its id on every installation and across releases, and a category added by data gets
 * one without code. Renaming a code would change its id: codes are never renamed.
 */
public final class PublishedTaxonomy {

    /** The namespace of every id below; never changed, or every published id changes with it. */
    static final UUID NAMESPACE = UUID.fromString("6b2f1c1e-5d0a-4d8e-9c43-2a7f0e8b1d55");

    /** A facet, published as one ORUK taxonomy. */
    public enum Facet {
        NEEDS("Waypoint support needs", "What a service offers a victim of crime: the needs a referral asks for."),
        CRIME_TYPES("Waypoint crime types served", "The kinds of crime whose victims a service supports."),
        AGE_GROUPS("Waypoint age groups", "Whether a service sees children and young people, adults, or both."),
        GENDERS("Waypoint genders seen", "The genders a service sees; a service that sees anyone carries every term."),
        RISK_LEVELS("Waypoint risk levels seen", "The assessed risk of further harm (DASH/CSE risk tools) a service works with."),
        DELIVERY("Waypoint ways of meeting", "How a service meets the people it supports, and whether it arranges interpreters.");

        private final String title;
        private final String definition;

        Facet(String title, String definition) {
            this.title = title;
            this.definition = definition;
        }

        public String id() {
            return nameUuid("taxonomy:" + name()).toString();
        }

        public String title() {
            return title;
        }

        public String definition() {
            return definition;
        }
    }

    /** One term: its stable id, its facet, Waypoint's code for it, a name and a definition. */
    public record Term(String id, Facet facet, String code, String name, String definition) {

        public String taxonomyId() {
            return facet.id();
        }
    }

    public static final String CHILDREN = "CHILDREN";
    public static final String ADULTS = "ADULTS";
    public static final String INTERPRETERS = "INTERPRETERS";

    private static final Map<String, String> NEED_DEFINITIONS = Map.ofEntries(
            Map.entry("COUNSELLING", "Talking therapy with a trained counsellor to cope with what happened and its effects."),
            Map.entry("LEGAL_AID", "Legal advice and representation, such as criminal injuries compensation, family or civil law."),
            Map.entry("ISVA", "An independent sexual violence adviser supports an adult after rape or sexual assault, "
                    + "through health, police and court processes, whether or not it is reported."),
            Map.entry("CHISVA", "A children's independent sexual violence adviser supports a child or young person, and their "
                    + "family, after sexual abuse or exploitation."),
            Map.entry("IDVA", "An independent domestic violence adviser works with people at high risk of harm from a partner, "
                    + "ex-partner or family member, on safety planning and through the courts."),
            Map.entry("THERAPY", "Trauma-focused psychological therapy, including creative and play therapy for children."),
            Map.entry("ADVOCACY", "An advocate helps a person be heard by police, schools, councils and health services."),
            Map.entry("HOUSING", "Help to find safe accommodation, including refuge places, and to keep a tenancy."),
            Map.entry("HEALTH", "Health care after a crime: sexual health, forensic aftercare, mental health."),
            Map.entry("FINANCIAL", "Help with money: emergency funds, benefits, debts left by abuse."),
            Map.entry("IMMIGRATION_ADVICE", "Advice on immigration status, including for victims of trafficking and modern slavery."));

    private static final Map<CrimeType, String[]> CRIME_TERMS = Map.ofEntries(
            Map.entry(CrimeType.CHILD_SEXUAL_EXPLOITATION, new String[] {"Child sexual exploitation",
                    "A child or young person under 18 manipulated or coerced into sexual activity in exchange for something."}),
            Map.entry(CrimeType.CHILD_SEXUAL_ABUSE, new String[] {"Child sexual abuse",
                    "Sexual abuse of a child or young person under 18, within or outside the family."}),
            Map.entry(CrimeType.GROOMING, new String[] {"Grooming",
                    "Building a relationship with a child or young person, in person or online, in order to abuse them."}),
            Map.entry(CrimeType.RAPE, new String[] {"Rape", "Rape of a person of any age."}),
            Map.entry(CrimeType.SEXUAL_ASSAULT, new String[] {"Sexual assault", "Sexual assault other than rape."}),
            Map.entry(CrimeType.ONLINE_SEXUAL_ABUSE, new String[] {"Online sexual abuse",
                    "Sexual abuse through the internet: image-based abuse, sextortion, coercion online."}),
            Map.entry(CrimeType.DOMESTIC_ABUSE, new String[] {"Domestic abuse",
                    "Abuse by a partner, ex-partner or family member: physical, sexual, emotional, economic, coercive control."}),
            Map.entry(CrimeType.STALKING, new String[] {"Stalking", "A pattern of fixated, obsessive and unwanted behaviour."}),
            Map.entry(CrimeType.HARASSMENT, new String[] {"Harassment", "Repeated behaviour that causes alarm or distress."}),
            Map.entry(CrimeType.TRAFFICKING_AND_MODERN_SLAVERY, new String[] {"Trafficking and modern slavery",
                    "Being moved, held or forced to work or to commit crime by others."}),
            Map.entry(CrimeType.OTHER, new String[] {"Other crime", "Victims of any other crime."}));

    private static final Map<Gender, String[]> GENDER_TERMS = Map.of(
            Gender.FEMALE, new String[] {"Women and girls", "The service sees women and girls."},
            Gender.MALE, new String[] {"Men and boys", "The service sees men and boys."},
            Gender.NON_BINARY, new String[] {"Non-binary people", "The service sees non-binary people."},
            Gender.SELF_DESCRIBED, new String[] {"People who describe their gender in their own words",
                    "The service sees people who describe their gender another way."},
            Gender.NOT_SAID, new String[] {"People who would rather not say their gender",
                    "The service sees people who do not say their gender."});

    private static final Map<RiskLevel, String[]> RISK_TERMS = Map.of(
            RiskLevel.STANDARD, new String[] {"Standard risk", "No current evidence of risk of serious harm."},
            RiskLevel.MEDIUM, new String[] {"Medium risk", "Identifiable indicators of risk of serious harm."},
            RiskLevel.HIGH, new String[] {"High risk", "Risk of serious harm that could happen at any time (MARAC level)."});

    private static final Map<DeliveryMode, String[]> DELIVERY_TERMS = Map.of(
            DeliveryMode.IN_PERSON, new String[] {"In person", "Meets people face to face at its premises."},
            DeliveryMode.TELEPHONE, new String[] {"By telephone", "Supports people by telephone."},
            DeliveryMode.VIDEO, new String[] {"By video call", "Supports people by video call."},
            DeliveryMode.ONLINE_CHAT, new String[] {"By online chat", "Supports people through online chat."},
            DeliveryMode.HOME_VISIT, new String[] {"Home visits", "Visits people at home or another safe place."});

    private PublishedTaxonomy() {
    }

    /** Every term: the needs given (the categories of the directory) first, then each facet's terms in a fixed order. */
    public static List<Term> terms(Collection<ServiceCategory> categories) {
        List<Term> terms = new ArrayList<>();
        categories.stream().sorted(java.util.Comparator.comparing(ServiceCategory::code)).forEach(c -> terms.add(need(c)));
        for (CrimeType type : CrimeType.values()) {
            terms.add(term(Facet.CRIME_TYPES, type.name(), CRIME_TERMS.get(type)));
        }
        terms.add(term(Facet.AGE_GROUPS, CHILDREN, new String[] {"Children and young people",
                "The service sees children and young people under " + AgeRange.ADULT_AGE + "."}));
        terms.add(term(Facet.AGE_GROUPS, ADULTS, new String[] {"Adults",
                "The service sees adults aged " + AgeRange.ADULT_AGE + " or over."}));
        for (Gender gender : Gender.values()) {
            terms.add(term(Facet.GENDERS, gender.name(), GENDER_TERMS.get(gender)));
        }
        for (RiskLevel level : RiskLevel.values()) {
            terms.add(term(Facet.RISK_LEVELS, level.name(), RISK_TERMS.get(level)));
        }
        for (DeliveryMode mode : DeliveryMode.values()) {
            terms.add(term(Facet.DELIVERY, mode.name(), DELIVERY_TERMS.get(mode)));
        }
        terms.add(term(Facet.DELIVERY, INTERPRETERS, new String[] {"Interpreters arranged",
                "The service arranges an interpreter for a person who does not speak its languages."}));
        return List.copyOf(terms);
    }

    /** The term of a support category; a category without a written definition is defined by its label. */
    public static Term need(ServiceCategory category) {
        String definition = NEED_DEFINITIONS.getOrDefault(category.code(),
                "Services offering " + category.label().toLowerCase(Locale.ROOT) + ".");
        return new Term(termId(Facet.NEEDS, category.code()), Facet.NEEDS, category.code(), category.label(), definition);
    }

    /**
     * The terms that describe a service: its categories, and its eligibility spelled out (an empty
     * set means any, so it carries every term of that facet), its ways of meeting people and
     * whether it arranges interpreters. In the order of {@link #terms}.
     */
    public static List<Term> termsOf(SupportService service) {
        ServiceProfile profile = ServiceProfile.of(service);
        return terms(service.categories()).stream().filter(t -> describes(profile, t.facet(), t.code())).toList();
    }

    /** Whether the term of this facet and code describes the service, as {@link #termsOf} says. */
    public static boolean describes(ServiceProfile service, Facet facet, String code) {
        return codes(service, facet).contains(code);
    }

    /** Whether any term of this facet describes the service. */
    public static boolean describesAny(ServiceProfile service, Facet facet) {
        return !codes(service, facet).isEmpty();
    }

    /** The codes of the facet's terms that describe the service. */
    private static Set<String> codes(ServiceProfile service, Facet facet) {
        Eligibility eligibility = service.eligibility();
        Set<String> codes = new LinkedHashSet<>();
        switch (facet) {
            case NEEDS -> codes.addAll(service.categoryCodes());
            case CRIME_TYPES -> anyIfEmpty(eligibility.crimeTypes(), CrimeType.class).forEach(t -> codes.add(t.name()));
            case AGE_GROUPS -> {
                if (eligibility.ages().servesChildren()) {
                    codes.add(CHILDREN);
                }
                if (eligibility.ages().servesAdults()) {
                    codes.add(ADULTS);
                }
            }
            case GENDERS -> anyIfEmpty(eligibility.genders(), Gender.class).forEach(g -> codes.add(g.name()));
            case RISK_LEVELS -> anyIfEmpty(eligibility.riskLevels(), RiskLevel.class).forEach(r -> codes.add(r.name()));
            case DELIVERY -> {
                service.deliveryModes().forEach(m -> codes.add(m.name()));
                if (service.interpretersAvailable()) {
                    codes.add(INTERPRETERS);
                }
            }
        }
        return codes;
    }

    /** The term with this id among the terms of these categories and the facets. */
    public static Optional<Term> find(Collection<ServiceCategory> categories, String id) {
        return terms(categories).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public static Optional<Facet> facet(String id) {
        for (Facet facet : Facet.values()) {
            if (facet.id().equals(id)) {
                return Optional.of(facet);
            }
        }
        return Optional.empty();
    }

    public static String termId(Facet facet, String code) {
        return nameUuid("term:" + facet.name() + ":" + code).toString();
    }

    private static <E extends Enum<E>> Set<E> anyIfEmpty(Set<E> values, Class<E> type) {
        return values.isEmpty() ? EnumSet.allOf(type) : values;
    }

    private static Term term(Facet facet, String code, String[] nameAndDefinition) {
        return new Term(termId(facet, code), facet, code, nameAndDefinition[0], nameAndDefinition[1]);
    }

    /** A version 5 (SHA-1, name-based) UUID of {@link #NAMESPACE} and the name (RFC 9562 §5.5). */
    public static UUID nameUuid(String name) {
        return nameUuid(NAMESPACE, name);
    }

    static UUID nameUuid(UUID namespaceId, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer namespace = ByteBuffer.allocate(16);
            namespace.putLong(namespaceId.getMostSignificantBits()).putLong(namespaceId.getLeastSignificantBits());
            sha1.update(namespace.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bits.getLong(), bits.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
