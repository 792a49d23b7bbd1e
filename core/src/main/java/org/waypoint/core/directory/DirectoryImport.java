package org.waypoint.core.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.directory.ImportReport.Line;
import org.waypoint.core.directory.ImportReport.Outcome;
import org.waypoint.core.directory.ImportReport.UnmappedTerm;
import org.waypoint.core.directory.PublishedTaxonomy.Facet;
import org.waypoint.core.directory.PublishedTaxonomy.Term;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.DomainEvents;
import org.waypoint.core.shared.DomainException;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.RiskLevel;

/**
 * An administrator imports a directory from an Open Referral UK source ({@link OrukSource}): first a
 * dry run that reports what would happen to each service (new, changed, unchanged, or skipped with
 * its reason), then the same applied in one transaction, or nothing at all when the source has a
 * problem.
 * <p>
 * Services and organisations are matched by their ORUK id, so importing the same source again
 * changes only what changed in it. The source's taxonomy terms become Waypoint's needs and
 * eligibility through the term mapping: Waypoint's own published term ids map to themselves, and an
 * administrator maps any other term to a published term. Only what ORUK says is taken: a service
 * imported new is closed to referrals and has no referral inbox (an ORUK e-mail is a public contact,
 * not a secure inbox) until an administrator gives it one; its capacity, inbox, capacity note and
 * acknowledgement target are Waypoint's own and no import changes them.
 */
@ApplicationScoped
public class DirectoryImport {

    /** The audit detail of an applied import starts so; the rest is counts, never content. */
    public static final String AUDIT_DETAIL = "import ";
    /** Services written before the pending writes go out and the persistence context is emptied. */
    private static final int BATCH = 500;
    /** Services of the source compared with those kept at a time. */
    private static final int COMPARED = 1000;
    private static final int MAX_NAME = 200;
    private static final int MAX_DESCRIPTION = 2000;
    private static final int MAX_ADDRESS = 300;
    private static final String POSTCODE_PREFIX = "[A-Z]{1,2}([0-9][0-9A-Z]?)?";
    /** A schedule's days as iCalendar names them: MO, TU, … */
    private static final Map<String, DayOfWeek> BYDAY = Arrays.stream(DayOfWeek.values())
            .collect(Collectors.toMap(day -> day.name().substring(0, 2), Function.identity()));

    private final SupportServiceRepository services;
    private final OrganisationRepository organisations;
    private final TermMappingRepository mappings;
    private final DomainEvents events;
    private final AuditTrail audit;
    private final AtomicInteger inProgress = new AtomicInteger();

    @Inject
    public DirectoryImport(SupportServiceRepository services, OrganisationRepository organisations,
                           TermMappingRepository mappings, DomainEvents events, AuditTrail audit) {
        this.services = services;
        this.organisations = organisations;
        this.mappings = mappings;
        this.events = events;
        this.audit = audit;
    }

    /** For CDI's proxy only. */
    protected DirectoryImport() {
        this(null, null, null, null, null);
    }

    /**
     * Runs {@code work}, which reads a source and imports it (or reports what importing it would do),
     * counted as an import in progress for as long as it holds the source.
     */
    public <T> T whileImporting(Supplier<T> work) {
        inProgress.incrementAndGet();
        try {
            return work.get();
        } finally {
            inProgress.decrementAndGet();
        }
    }

    /**
     * Whether an import in this instance holds a source now: the snapshot refresher waits until none
     * does, rather than read the whole directory (tens of megabytes for 50,000 services) beside a
     * parsed source of the same size on a small heap.
     */
    public boolean importing() {
        return inProgress.get() > 0;
    }

    /** What importing the source would do; changes nothing. */
    @Transactional
    public ImportReport dryRun(Actor actor, OrukSource source) {
        actor.requireRole(Role.ADMIN, "import a directory");
        return plan(source).report(false);
    }

    /**
     * Imports the source in this one transaction: every new and changed service, or, when the source
     * has a problem, nothing. Matching sees the new directory once it commits.
     */
    @Transactional
    public ImportReport apply(Actor actor, OrukSource source) {
        actor.requireRole(Role.ADMIN, "import a directory");
        Plan plan = plan(source);
        if (!source.problems().isEmpty()) {
            return plan.report(false);
        }
        // The plan holds the writes in the order of their ids.
        List<Write> writes = plan.writes;
        for (int from = 0; from < writes.size(); from += BATCH) {
            List<Write> batch = writes.subList(from, Math.min(writes.size(), from + BATCH));
            // What a batch needs of the organisations already kept, read at once rather than one by one.
            Map<String, Organisation> attached = new HashMap<>();
            organisations.findAll(batch.stream().map(write -> write.service().waypointOrganisationId())
                    .filter(plan.organisations::containsKey).collect(Collectors.toSet()))
                    .forEach(organisation -> attached.put(organisation.id(), organisation));
            batch.forEach(write -> write(write, plan, attached));
            services.writePending();
        }
        ImportReport report = plan.report(true);
        if (!plan.writes.isEmpty()) {
            events.publish(new DirectoryChanged(DirectoryExport.WHOLE_DIRECTORY));
        }
        audit.success(actor, AuditTrail.SERVICE, DirectoryExport.WHOLE_DIRECTORY, AuditEvent.Action.UPDATE,
                AUDIT_DETAIL + report.counts());
        return report;
    }

    /** The mapping of other directories' term ids to Waypoint's, as the administrator left it. */
    @Transactional
    public Map<String, String> termMapping(Actor actor) {
        actor.requireRole(Role.ADMIN, "see the import term mapping");
        return mappings.all();
    }

    /** Every term a source term can be mapped to: Waypoint's published taxonomy. */
    @Transactional
    public List<Term> waypointTerms() {
        return PublishedTaxonomy.terms(services.categories());
    }

    /** Maps a source's term to one of Waypoint's published terms. */
    @Transactional
    public void mapTerm(Actor actor, String sourceTermId, String waypointTermId) {
        actor.requireRole(Role.ADMIN, "change the import term mapping");
        if (sourceTermId == null || sourceTermId.isBlank() || sourceTermId.length() > 100) {
            throw new InvalidField("sourceId", "error.termMapping.sourceId", "a source term id is 1 to 100 characters");
        }
        if (PublishedTaxonomy.find(services.categories(), waypointTermId).isEmpty()) {
            throw new InvalidField("term", "error.termMapping.term",
                    "a source term maps to a term of Waypoint's published taxonomy");
        }
        mappings.put(sourceTermId.strip(), waypointTermId);
        audit.success(actor, AuditTrail.SERVICE, DirectoryExport.WHOLE_DIRECTORY, AuditEvent.Action.UPDATE,
                "ORUK import term mapped");
    }

    /** Forgets a source term's mapping: services carrying it no longer get what it mapped to. */
    @Transactional
    public void unmapTerm(Actor actor, String sourceTermId) {
        actor.requireRole(Role.ADMIN, "change the import term mapping");
        mappings.remove(sourceTermId);
        audit.success(actor, AuditTrail.SERVICE, DirectoryExport.WHOLE_DIRECTORY, AuditEvent.Action.UPDATE,
                "ORUK import term unmapped");
    }

    private Plan plan(OrukSource source) {
        Plan plan = new Plan(source.problems());
        if (!plan.problems.isEmpty()) {
            return plan;
        }
        PublishedTaxonomy.terms(services.categories()).forEach(term -> plan.published.put(term.id(), term));
        plan.mapped.putAll(mappings.all());
        organisations.findAll().forEach(o -> plan.organisations.put(o.id(), o));
        for (OrukSource.Service service : source.services()) {
            if (service.organisationId() != null && service.organisationName() != null) {
                plan.organisationNames.putIfAbsent(service.waypointOrganisationId(), service.organisationName().strip());
            }
        }
        // The services kept are compared as plain values, a chunk of the source's at a time: 50,000
        // compared as entities, or even as values all at once, outgrew the heap. The chunks follow the
        // order of the ids, so each is one range of ids in the database's indexes, and the writes come in
        // that order too: a source's order (random UUIDs, as often as not) made every insert touch another
        // page of each index, more than the database's page cache could hold.
        List<OrukSource.Service> all = source.services();
        List<Keyed> byId = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            byId.add(new Keyed(all.get(i).waypointId(), i));
        }
        byId.sort(Comparator.comparing(Keyed::id));
        Line[] lines = new Line[all.size()];
        Map<String, ServiceProfile> existing = new HashMap<>();
        Map<String, List<OpeningTime>> openingTimes = Map.of();
        for (int i = 0; i < byId.size(); i++) {
            if (i % COMPARED == 0) {
                existing.clear();
                String first = byId.get(i).id();
                String last = byId.get(Math.min(byId.size(), i + COMPARED) - 1).id();
                services.profilesBetween(first, last).forEach(profile -> existing.put(profile.id(), profile));
                openingTimes = services.openingTimesBetween(first, last);
            }
            int position = byId.get(i).position();
            OrukSource.Service service = all.get(position);
            for (OrukSource.SourceTerm term : service.terms()) {
                if (plan.term(term).isEmpty()) {
                    plan.unmapped.computeIfAbsent(term.id(), id -> new int[1])[0]++;
                    plan.unmappedNames.putIfAbsent(term.id(), term.name());
                }
            }
            lines[position] = judge(service, existing.get(byId.get(i).id()), openingTimes, plan);
        }
        plan.lines.addAll(Arrays.asList(lines));
        return plan;
    }

    /** A service of the source by its id in Waypoint, and its place in the source. */
    private record Keyed(String id, int position) {
    }

    /** How the service of the source compares with the one kept (none when new), its write noted in the plan. */
    private Line judge(OrukSource.Service service, ServiceProfile current, Map<String, List<OpeningTime>> openingTimes,
                       Plan plan) {
        String name = service.name().strip();
        Optional<String> skip = Optional.empty();
        Desired desired = null;
        try {
            desired = desired(service, plan);
        } catch (Skip reason) {
            skip = Optional.of(reason.getMessage());
        }
        if (skip.isEmpty() && current != null && !current.organisationId().equals(desired.organisationId())) {
            skip = Optional.of("In Waypoint this service belongs to another organisation.");
        }
        if (skip.isEmpty() && current != null && current.confidentialLocation()) {
            desired = desired.withoutAddress();
        }
        if (skip.isPresent()) {
            return new Line(service.sourceId(), name, Outcome.SKIPPED, skip.get());
        }
        if (current == null) {
            plan.writes.add(new Write(service.waypointId(), service, true));
            return new Line(service.sourceId(), name, Outcome.NEW, "");
        }
        List<String> changed = Desired.of(current, Set.copyOf(openingTimes.getOrDefault(current.id(), List.of())))
                .differences(desired);
        if (changed.isEmpty()) {
            return new Line(service.sourceId(), name, Outcome.UNCHANGED, "");
        }
        plan.writes.add(new Write(service.waypointId(), service, false));
        return new Line(service.sourceId(), name, Outcome.CHANGED, String.join(", ", changed));
    }

    /** What the service of the source is to be in Waypoint, read through the plan's term mapping and organisations. */
    private static Desired desired(OrukSource.Service service, Plan plan) {
        if (!service.status().equals("active") && !service.status().equals("temporarily closed")) {
            throw new Skip("The source lists it as " + service.status() + ".");
        }
        String name = service.name().strip();
        if (name.length() > MAX_NAME) {
            throw new Skip("Its name is longer than " + MAX_NAME + " characters.");
        }
        String description = service.description() == null ? "" : service.description().strip();
        if (description.isEmpty()) {
            throw new Skip("It has no description.");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new Skip("Its description is longer than " + MAX_DESCRIPTION + " characters.");
        }
        if (service.organisationId() == null) {
            throw new Skip("It names no organisation.");
        }
        String organisationId = service.waypointOrganisationId();
        Organisation known = plan.organisations.get(organisationId);
        String organisationName = plan.organisationNames.get(organisationId);
        if (known == null && organisationName == null) {
            throw new Skip("Its organisation is described neither in the source nor in Waypoint.");
        }
        if (known != null && !known.kind().provides()) {
            throw new Skip("Its organisation is in Waypoint as one that refers people, not one that provides services.");
        }
        if (organisationName == null) {
            organisationName = known.name();
        }
        if (organisationName.length() > MAX_NAME) {
            throw new Skip("Its organisation's name is longer than " + MAX_NAME + " characters.");
        }
        Map<Facet, Set<String>> codes = new EnumMap<>(Facet.class);
        service.terms().stream().flatMap(term -> plan.term(term).stream())
                .forEach(term -> codes.computeIfAbsent(term.facet(), f -> new TreeSet<>()).add(term.code()));
        Set<String> needs = codes.getOrDefault(Facet.NEEDS, Set.of());
        if (needs.isEmpty()) {
            throw new Skip("None of its taxonomy terms maps to a Waypoint need.");
        }
        Set<String> areas = new TreeSet<>();
        for (String area : service.areas()) {
            String prefix = area.strip().toUpperCase(Locale.ROOT);
            if (prefix.matches(POSTCODE_PREFIX)) {
                areas.add(prefix);
            }
        }
        Optional<String> address = service.address().map(OrukSource.SourceAddress::line).filter(line -> !line.isEmpty());
        if (areas.isEmpty()) {
            service.address().map(a -> a.postcode().strip().toUpperCase(Locale.ROOT).split("\\s+")[0])
                    .filter(district -> district.matches(POSTCODE_PREFIX)).ifPresent(areas::add);
        }
        if (areas.isEmpty()) {
            throw new Skip("It gives no service area as a postcode area or district, and no address with a postcode.");
        }
        if (address.isPresent() && address.get().length() > MAX_ADDRESS) {
            throw new Skip("Its address is longer than " + MAX_ADDRESS + " characters.");
        }
        AgeRange ages;
        try {
            ages = ages(service, codes.getOrDefault(Facet.AGE_GROUPS, Set.of()));
        } catch (DomainException implausible) {
            throw new Skip("Its ages are not a plausible range.");
        }
        Eligibility eligibility = new Eligibility(ages,
                anyIfAll(codes.get(Facet.GENDERS), Gender.class),
                anyIfAll(codes.get(Facet.CRIME_TYPES), CrimeType.class),
                anyIfAll(codes.get(Facet.RISK_LEVELS), RiskLevel.class));
        Set<String> languages = new TreeSet<>();
        for (String code : service.languages()) {
            try {
                languages.add(new LanguageCode(code).value());
            } catch (DomainException notIso6391) {
                // a language Waypoint cannot name is left out; English is assumed when none is left
            }
        }
        if (languages.isEmpty()) {
            languages.add(LanguageCode.ENGLISH.value());
        }
        Set<String> delivery = codes.getOrDefault(Facet.DELIVERY, Set.of());
        EnumSet<DeliveryMode> modes = EnumSet.noneOf(DeliveryMode.class);
        for (DeliveryMode mode : DeliveryMode.values()) {
            if (delivery.contains(mode.name())) {
                modes.add(mode);
            }
        }
        if (modes.isEmpty()) {
            modes.add(DeliveryMode.IN_PERSON);
        }
        return new Desired(name, description, Set.copyOf(needs), areas, eligibility, languages,
                delivery.contains(PublishedTaxonomy.INTERPRETERS), modes, address, openingTimes(service.schedules()),
                organisationId, organisationName);
    }

    /**
     * The source's weekly schedules as opening times, at most one a weekday (the first the source
     * gives); a schedule that is not weekly, or whose times Waypoint cannot read, is left out.
     */
    private static Set<OpeningTime> openingTimes(List<OrukSource.SourceSchedule> schedules) {
        Map<DayOfWeek, OpeningTime> byDay = new EnumMap<>(DayOfWeek.class);
        for (OrukSource.SourceSchedule schedule : schedules) {
            if (!"WEEKLY".equalsIgnoreCase(schedule.freq()) || schedule.byday() == null) {
                continue;
            }
            for (String code : schedule.byday().split(",")) {
                DayOfWeek day = BYDAY.get(code.strip().toUpperCase(Locale.ROOT));
                if (day != null && !byDay.containsKey(day)) {
                    try {
                        byDay.put(day, OpeningTime.of(day, minutes(schedule.opensAt()), minutes(schedule.closesAt())));
                    } catch (DomainException unreadable) {
                        // left out, as a language Waypoint cannot name is
                    }
                }
            }
        }
        return Set.copyOf(byDay.values());
    }

    /** {@code 09:00:00}, as ORUK may write a time, to Waypoint's {@code 09:00}. */
    private static String minutes(String time) {
        return time != null && time.strip().matches("[0-9]{2}:[0-9]{2}:[0-9]{2}") ? time.strip().substring(0, 5) : time;
    }

    /** The source's ages; when it gives none, the age groups it carries (children only, or adults only). */
    private static AgeRange ages(OrukSource.Service service, Set<String> ageGroups) {
        OptionalInt min = service.minimumAge();
        OptionalInt max = service.maximumAge();
        if (min.isEmpty() && max.isEmpty()) {
            if (ageGroups.equals(Set.of(PublishedTaxonomy.CHILDREN))) {
                return AgeRange.upTo(AgeRange.ADULT_AGE - 1);
            }
            if (ageGroups.equals(Set.of(PublishedTaxonomy.ADULTS))) {
                return AgeRange.from(AgeRange.ADULT_AGE);
            }
        }
        return new AgeRange(min, max);
    }

    /** The values named; none named, or every one, means any (an empty set), as Waypoint keeps eligibility. */
    private static <E extends Enum<E>> Set<E> anyIfAll(Set<String> codes, Class<E> type) {
        EnumSet<E> values = EnumSet.noneOf(type);
        if (codes != null) {
            for (E value : type.getEnumConstants()) {
                if (codes.contains(value.name())) {
                    values.add(value);
                }
            }
        }
        return values.size() == type.getEnumConstants().length ? EnumSet.noneOf(type) : values;
    }

    /**
     * Writes one service, and its organisation if new or renamed. What the plan read may no longer be
     * held once a batch has gone out, so services and organisations are found afresh in each batch:
     * {@code attached} holds the batch's organisations, and gains those it adds.
     */
    private void write(Write write, Plan plan, Map<String, Organisation> attached) {
        Desired desired = desired(write.service(), plan);
        Organisation organisation = attached.get(desired.organisationId());
        if (organisation == null) {
            organisation = Organisation.imported(desired.organisationId(), desired.organisationName());
            organisations.add(organisation);
            plan.organisations.put(organisation.id(), organisation);
        } else if (!organisation.name().equals(desired.organisationName())) {
            organisation.rename(desired.organisationName());
        }
        attached.put(organisation.id(), organisation);
        List<ServiceCategory> categories = desired.categories().stream()
                .map(code -> services.category(code).orElseThrow()).toList();
        SupportService service = write.isNew ? null : services.find(write.id).orElseThrow();
        if (service == null) {
            service = SupportService.imported(write.id, organisation, desired.name(), desired.description(),
                    categories, desired.areas());
        } else {
            service.describeAsImported(desired.name(), desired.description(), categories, desired.areas());
        }
        service.eligibility(desired.eligibility());
        service.languages(desired.languages().stream().map(LanguageCode::new).toList(), desired.interpreters());
        service.deliveryModes(desired.modes());
        if (!service.confidentialLocation()) {
            desired.address().ifPresentOrElse(service::locatedAt, service::noPublicAddress);
        }
        service.openingTimes(desired.openingTimes());
        // What ORUK publishes as the service's last_modified: the import is its last change.
        service.modifiedAt(java.time.Instant.now());
        if (write.isNew) {
            services.add(service);
        }
    }

    /** What a service is to be, in the terms it is compared by; its needs by their codes. */
    private record Desired(String name, String description, Set<String> categories, Set<String> areas,
                           Eligibility eligibility, Set<String> languages, boolean interpreters,
                           Set<DeliveryMode> modes, Optional<String> address, Set<OpeningTime> openingTimes,
                           String organisationId, String organisationName) {

        /** A confidential location (a refuge) keeps no address, whatever a source says. */
        Desired withoutAddress() {
            return new Desired(name, description, categories, areas, eligibility, languages, interpreters, modes,
                    Optional.empty(), openingTimes, organisationId, organisationName);
        }

        static Desired of(ServiceProfile service, Set<OpeningTime> openingTimes) {
            return new Desired(service.name(), service.description(), service.categoryCodes(),
                    service.postcodePrefixes(), service.eligibility(),
                    service.languages().stream().map(LanguageCode::value).collect(Collectors.toSet()),
                    service.interpretersAvailable(), service.deliveryModes(),
                    service.publicAddress(), openingTimes, service.organisationId(), service.organisation());
        }

        /** The names of the fields in which {@code wanted} differs from this, in a fixed order. */
        List<String> differences(Desired wanted) {
            List<String> changed = new ArrayList<>();
            note(changed, "name", name, wanted.name);
            note(changed, "description", description, wanted.description);
            note(changed, "needs", categories, wanted.categories);
            note(changed, "areas", areas, wanted.areas);
            note(changed, "eligibility", eligibility, wanted.eligibility);
            note(changed, "languages", languages, wanted.languages);
            note(changed, "interpreters", interpreters, wanted.interpreters);
            note(changed, "ways of meeting", modes, wanted.modes);
            note(changed, "address", address, wanted.address);
            note(changed, "opening times", openingTimes, wanted.openingTimes);
            note(changed, "organisation name", organisationName, wanted.organisationName);
            return changed;
        }

        private static void note(List<String> changed, String field, Object was, Object wanted) {
            if (!was.equals(wanted)) {
                changed.add(field);
            }
        }
    }

    /**
     * A service to add or to change: only these are read and written as entities. What it is to be is
     * worked out again from the source when it is written: 50,000 of those held at once outgrew the heap.
     */
    private record Write(String id, OrukSource.Service service, boolean isNew) {
    }

    /** The outcome of reading a source against the directory, before anything is written. */
    private static final class Plan {

        private final List<String> problems;
        private final List<Line> lines = new ArrayList<>();
        private final List<Write> writes = new ArrayList<>();
        private final Map<String, Organisation> organisations = new HashMap<>();
        private final Map<String, Term> published = new HashMap<>();
        private final Map<String, String> mapped = new HashMap<>();
        /** The organisations' names as the source gives them, by their ids in Waypoint. */
        private final Map<String, String> organisationNames = new HashMap<>();
        private final Map<String, int[]> unmapped = new LinkedHashMap<>();
        private final Map<String, String> unmappedNames = new HashMap<>();

        Plan(List<String> problems) {
            this.problems = problems;
        }

        /** The published term a source's term is, itself or through the administrator's mapping. */
        Optional<Term> term(OrukSource.SourceTerm term) {
            return Optional.ofNullable(published.get(mapped.getOrDefault(term.id(), term.id())));
        }

        ImportReport report(boolean applied) {
            List<UnmappedTerm> terms = unmapped.entrySet().stream()
                    .map(e -> new UnmappedTerm(e.getKey(), unmappedNames.get(e.getKey()), e.getValue()[0]))
                    .sorted(Comparator.comparingInt(UnmappedTerm::services).reversed()
                            .thenComparing(UnmappedTerm::id))
                    .toList();
            return new ImportReport(applied, problems, problems.isEmpty() ? lines : List.of(), terms);
        }
    }

    /** Why one service of the source is left out. */
    private static final class Skip extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skip(String reason) {
            super(reason, null, false, false);
        }
    }
}
