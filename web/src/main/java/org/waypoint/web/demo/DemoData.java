package org.waypoint.web.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.Role;
import org.waypoint.core.directory.AgeRange;
import org.waypoint.core.directory.DeliveryMode;
import org.waypoint.core.directory.Eligibility;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.directory.SupportServiceRepository;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.organisation.OrganisationRepository;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.SchemaReady;

/**
 * Loads a small, clearly fictional data set when demo mode ({@code waypoint.demo}) is on, so that a
 * newcomer can sign in at once. It loads once: a database that already holds it is left alone.
 * With demo mode off it does nothing at all.
 */
@ApplicationScoped
public class DemoData {

    /** The password of every demo account; README prints it. */
    public static final String PASSWORD = "Demo-Password-1";
    static final String REFERRER_ORGANISATION = "Northshire Police Victim Care Unit (demo)";

    private static final LanguageCode ENGLISH = LanguageCode.ENGLISH;
    private static final List<CrimeType> SEXUAL_OFFENCES = List.of(CrimeType.CHILD_SEXUAL_EXPLOITATION,
            CrimeType.CHILD_SEXUAL_ABUSE, CrimeType.GROOMING, CrimeType.RAPE, CrimeType.SEXUAL_ASSAULT,
            CrimeType.ONLINE_SEXUAL_ABUSE);

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    private final boolean enabled;
    private final OrganisationRepository organisations;
    private final SupportServiceRepository services;
    private final AccountService accounts;

    @Inject
    public DemoData(@ConfigProperty(name = "waypoint.demo") boolean enabled, OrganisationRepository organisations,
                    SupportServiceRepository services, AccountService accounts) {
        this.enabled = enabled;
        this.organisations = organisations;
        this.services = services;
        this.accounts = accounts;
    }

    /** For CDI's proxy only. */
    protected DemoData() {
        this(false, null, null, null);
    }

    @Transactional
    void onSchemaReady(@Observes SchemaReady ready) {
        if (!enabled) {
            return;
        }
        if (organisations.findByName(REFERRER_ORGANISATION).isPresent()) {
            LOG.info("Demo mode: the demo data is already loaded");
            return;
        }
        load();
        LOG.info("Demo mode: loaded the fictional demo data set");
    }

    private void load() {
        Organisation police = organisation(REFERRER_ORGANISATION, OrganisationKind.REFERRER);
        Organisation harbour = organisation("Harbour Support Trust (demo)", OrganisationKind.PROVIDER);
        Organisation lantern = organisation("Lantern Law Centre (demo)", OrganisationKind.PROVIDER);

        service(harbour, "Harbour Counselling", "Free counselling for adults and young people after sexual violence or exploitation.",
                List.of("COUNSELLING"), List.of("M", "OL"), 0, service -> {
                    service.eligibility(Eligibility.ANYONE.withAges(AgeRange.from(13)));
                    service.languages(List.of(ENGLISH), true);
                    service.deliveryModes(List.of(DeliveryMode.IN_PERSON, DeliveryMode.TELEPHONE, DeliveryMode.VIDEO));
                    service.locatedAt("2 Harbour Row, Northshire (demo)");
                });
        service(harbour, "Northshire ISVA Service", "Independent sexual violence advisers who support adults through the criminal justice process.",
                List.of("ISVA"), List.of("M", "SK"), 0, service -> {
                    service.eligibility(Eligibility.ANYONE.withAges(AgeRange.from(18)).withCrimeTypes(SEXUAL_OFFENCES));
                    service.languages(List.of(ENGLISH), true);
                    service.deliveryModes(List.of(DeliveryMode.IN_PERSON, DeliveryMode.TELEPHONE));
                });
        service(harbour, "Northshire ChISVA Service", "Advisers for children and young people who have experienced sexual abuse or exploitation.",
                List.of("CHISVA"), List.of("M", "SK", "OL"), 0, service -> {
                    service.eligibility(Eligibility.ANYONE.withAges(AgeRange.between(0, 17)).withCrimeTypes(SEXUAL_OFFENCES));
                    service.languages(List.of(ENGLISH), true);
                    service.deliveryModes(List.of(DeliveryMode.IN_PERSON, DeliveryMode.HOME_VISIT));
                });
        service(harbour, "Brightwater IDVA Service", "Independent domestic violence advisers for people at high risk of harm.",
                List.of("IDVA"), List.of("OL", "BL"), 0, service -> {
                    service.eligibility(Eligibility.ANYONE.withAges(AgeRange.from(16))
                            .withCrimeTypes(List.of(CrimeType.DOMESTIC_ABUSE))
                            .withRiskLevels(List.of(RiskLevel.HIGH)));
                    service.languages(List.of(ENGLISH, new LanguageCode("ur"), new LanguageCode("pa")), true);
                    service.deliveryModes(List.of(DeliveryMode.TELEPHONE, DeliveryMode.IN_PERSON));
                });
        service(harbour, "Willow Therapy", "Trauma-focused therapy, face to face and online.",
                List.of("THERAPY"), List.of("M"), 6, service -> {
                    service.eligibility(Eligibility.ANYONE.withAges(AgeRange.from(16)));
                    service.deliveryModes(List.of(DeliveryMode.IN_PERSON, DeliveryMode.VIDEO));
                    service.locatedAt("Willow House, 40 Mill Lane, Northshire (demo)");
                    service.capacityNote("Assessment calls on Tuesdays; an urgent case can be raised with the clinical lead first.");
                });
        service(harbour, "Open Door Advocacy", "Advocates who help people be heard by police, schools, councils and health services.",
                List.of("ADVOCACY"), List.of("M", "BL"), 0, service -> {
                    service.languages(List.of(ENGLISH), true);
                    service.deliveryModes(List.of(DeliveryMode.IN_PERSON, DeliveryMode.TELEPHONE, DeliveryMode.HOME_VISIT));
                });
        service(harbour, "Safe Haven Housing Support", "Help to find safe accommodation and keep a tenancy.",
                List.of("HOUSING"), List.of("M", "OL", "SK"), 0, service -> {
                    service.eligibility(Eligibility.ANYONE.withAges(AgeRange.from(16)).withCrimeTypes(List.of(
                            CrimeType.DOMESTIC_ABUSE, CrimeType.CHILD_SEXUAL_EXPLOITATION, CrimeType.TRAFFICKING_AND_MODERN_SLAVERY,
                            CrimeType.STALKING)));
                    service.languages(List.of(ENGLISH), true);
                    service.deliveryModes(List.of(DeliveryMode.IN_PERSON, DeliveryMode.TELEPHONE));
                    service.atConfidentialLocation();
                    service.capacityNote("Refuge spaces change daily: telephone before referring for an emergency place.");
                });
        service(harbour, "Riverside Sexual Health Clinic", "Confidential sexual health care and forensic aftercare.",
                List.of("HEALTH"), List.of("M"), 0, service -> {
                    service.eligibility(Eligibility.ANYONE.withAges(AgeRange.from(13)));
                    service.languages(List.of(ENGLISH), true);
                    service.locatedAt("Riverside Health Centre, Quay Street, Northshire (demo)");
                });
        service(harbour, "Young Voices Counselling", "Counselling and creative therapy for under-18s.",
                List.of("COUNSELLING", "THERAPY"), List.of("BL"), -1, service -> {
                    service.eligibility(Eligibility.ANYONE.withAges(AgeRange.upTo(17)));
                    service.deliveryModes(List.of(DeliveryMode.IN_PERSON, DeliveryMode.ONLINE_CHAT));
                });
        service(lantern, "Lantern Legal Aid", "Legal advice and representation, including criminal injuries compensation claims.",
                List.of("LEGAL_AID"), List.of("M", "WA"), 0, service -> {
                    service.languages(List.of(ENGLISH), true);
                    service.deliveryModes(List.of(DeliveryMode.TELEPHONE, DeliveryMode.VIDEO));
                });
        service(lantern, "Steady Ground Money Advice", "Debt, benefits and emergency grant advice.",
                List.of("FINANCIAL"), List.of("M", "WA"), 0, service -> {
                    service.eligibility(Eligibility.ANYONE.withAges(AgeRange.from(16)));
                    service.deliveryModes(List.of(DeliveryMode.IN_PERSON, DeliveryMode.TELEPHONE, DeliveryMode.ONLINE_CHAT));
                    service.locatedAt("Lantern Law Centre, 9 Bridge Street, Northshire (demo)");
                });
        service(lantern, "Crossings Immigration Advice", "Regulated immigration advice for survivors of trafficking and exploitation.",
                List.of("IMMIGRATION_ADVICE", "LEGAL_AID"), List.of("M", "LS"), 3, service -> {
                    service.eligibility(Eligibility.ANYONE.withAges(AgeRange.from(16)).withCrimeTypes(List.of(
                            CrimeType.TRAFFICKING_AND_MODERN_SLAVERY, CrimeType.CHILD_SEXUAL_EXPLOITATION,
                            CrimeType.DOMESTIC_ABUSE)));
                    service.languages(Stream.of("en", "pl", "ro", "ur", "ar", "ti", "vi").map(LanguageCode::new).toList(), true);
                    service.deliveryModes(List.of(DeliveryMode.IN_PERSON, DeliveryMode.TELEPHONE, DeliveryMode.VIDEO));
                });

        account("caseworker@example.org", "Casey Worker (demo)", Role.CASEWORKER, police);
        account("staff@example.org", "Sam Staff (demo)", Role.SERVICE_STAFF, harbour);
        account("admin@example.org", "Alex Admin (demo)", Role.ADMIN, police);
    }

    private Organisation organisation(String name, OrganisationKind kind) {
        Organisation organisation = new Organisation(name, kind);
        organisations.add(organisation);
        return organisation;
    }

    /**
     * {@code waitWeeks}: 0 open, a positive number a waiting list of that many weeks, -1 closed;
     * {@code details} states eligibility, languages, delivery modes and location.
     */
    private void service(Organisation owner, String name, String description, List<String> categoryCodes,
                         List<String> areas, int waitWeeks, Consumer<SupportService> details) {
        List<ServiceCategory> categories = categoryCodes.stream()
                .map(code -> services.category(code).orElseThrow(() -> new IllegalStateException("no category " + code)))
                .toList();
        String inbox = "referrals+" + name.toLowerCase().replaceAll("[^a-z]+", "-") + "@example.org";
        SupportService service = new SupportService(owner, name, description, categories, areas, new EmailAddress(inbox));
        if (waitWeeks > 0) {
            service.waitingList(waitWeeks);
        } else if (waitWeeks < 0) {
            service.close();
        }
        details.accept(service);
        services.add(service);
    }

    private void account(String email, String name, Role role, Organisation organisation) {
        char[] password = PASSWORD.toCharArray();
        try {
            accounts.register(new EmailAddress(email), name, role, organisation, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
