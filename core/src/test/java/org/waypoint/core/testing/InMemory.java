package org.waypoint.core.testing;

import org.waypoint.core.organisation.IdentityProvider;
import org.waypoint.core.organisation.IdentityProviderRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditEventRepository;
import org.waypoint.core.audit.AuditQuery;
import org.waypoint.core.calendar.BankHolidayRepository;
import org.waypoint.core.calendar.WorkingCalendar;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientRepository;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.ServiceProfile;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.directory.SupportServiceRepository;
import org.waypoint.core.referral.ReferenceCounter;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralQuery;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.referral.ReferralRepository;
import org.waypoint.core.shared.DomainEvents;
import org.waypoint.core.shared.Page;

/** In-memory stand-ins for the repositories and ports, for testing use cases without a container. */
public final class InMemory {

    private InMemory() {
    }

    public static final class Referrals implements ReferralRepository {
        private final Map<String, Referral> byId = new LinkedHashMap<>();

        @Override
        public Optional<Referral> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public void add(Referral referral) {
            byId.put(referral.id(), referral);
        }

        @Override
        public void remove(Referral referral) {
            byId.remove(referral.id());
        }

        @Override
        public Optional<Referral> findByReference(ReferralReference reference) {
            return byId.values().stream().filter(r -> r.reference().equals(Optional.of(reference))).findFirst();
        }

        @Override
        public List<Referral> forClient(String clientId) {
            return byId.values().stream().filter(r -> r.client().id().equals(clientId))
                    .sorted(Comparator.comparing(Referral::createdAt)).toList();
        }

        @Override
        public List<Referral> unfinishedForClient(String clientId) {
            return byId.values().stream()
                    .filter(r -> r.client().id().equals(clientId) && !r.status().isFinal())
                    .toList();
        }

        @Override
        public List<Referral> madeBy(String organisationId) {
            return byId.values().stream().filter(r -> r.referringOrganisationId().equals(organisationId))
                    .sorted(Comparator.comparing(Referral::createdAt).reversed()).toList();
        }

        @Override
        public List<Referral> sentTo(String organisationId) {
            return byId.values().stream()
                    .filter(r -> r.service().organisation().id().equals(organisationId) && r.submittedAt().isPresent())
                    .toList();
        }

        @Override
        public Page<Referral> search(Optional<String> referringOrganisationId, Optional<String> providingOrganisationId,
                                     ReferralQuery query, Optional<Collection<String>> clientIds, Instant now) {
            Optional<Instant> from = query.from().map(day -> day.atStartOfDay(WorkingCalendar.LONDON).toInstant());
            Optional<Instant> to = query.to().map(day -> day.plusDays(1).atStartOfDay(WorkingCalendar.LONDON).toInstant());
            List<Referral> found = byId.values().stream()
                    .filter(r -> referringOrganisationId.map(o -> r.referringOrganisationId().equals(o)).orElse(true))
                    .filter(r -> providingOrganisationId.map(o -> r.service().organisation().id().equals(o)
                            && r.submittedAt().isPresent()).orElse(true))
                    .filter(r -> query.status().map(s -> r.status() == s).orElse(true))
                    .filter(r -> query.serviceId().map(s -> r.service().id().equals(s)).orElse(true))
                    .filter(r -> query.reference().map(ref -> r.reference().map(ReferralReference::value)
                            .filter(ref::equals).isPresent()).orElse(true))
                    .filter(r -> clientIds.map(ids -> ids.contains(r.client().id())).orElse(true))
                    .filter(r -> from.map(f -> !r.submittedAt().orElse(r.createdAt()).isBefore(f)).orElse(true))
                    .filter(r -> to.map(t -> r.submittedAt().orElse(r.createdAt()).isBefore(t)).orElse(true))
                    .filter(r -> !query.overdueOnly() || r.isOverdue(now))
                    .filter(r -> query.urgency().map(u -> r.assessment().map(n -> n.urgency() == u).orElse(false))
                            .orElse(true))
                    .filter(r -> query.updatedSince().map(since -> !r.updatedAt().isBefore(since)).orElse(true))
                    .sorted(order(query.sort()))
                    .toList();
            int from0 = Math.min(found.size(), query.page() * query.size());
            return new Page<>(found.subList(from0, Math.min(found.size(), from0 + query.size())), found.size(),
                    query.page(), query.size());
        }

        @Override
        public List<Referral> overdue(Instant now) {
            return byId.values().stream().filter(r -> r.isOverdue(now)).toList();
        }

        @Override
        public List<Referral> withoutFacts(int limit) {
            return List.of();
        }

        @Override
        public long countOverdue(Instant now) {
            return overdue(now).size();
        }

        @Override
        public org.waypoint.core.referral.DashboardCounts counts(Optional<String> referringOrganisationId,
                Optional<String> providingOrganisationId, Instant now, Instant weekStart) {
            List<Referral> scope = referringOrganisationId.map(this::madeBy)
                    .orElseGet(() -> sentTo(providingOrganisationId.orElseThrow()));
            return new org.waypoint.core.referral.DashboardCounts(
                    scope.stream().filter(r -> r.status() == org.waypoint.core.referral.ReferralStatus.REQUESTED).count(),
                    scope.stream().filter(r -> r.isOverdue(now)).count(),
                    scope.stream().filter(r -> r.acceptedAt().filter(at -> !at.isBefore(weekStart)).isPresent()).count());
        }

        private static Comparator<Referral> order(org.waypoint.core.referral.ReferralSort sort) {
            Comparator<Referral> byId = Comparator.comparing(Referral::id);
            Comparator<Referral> byReference = Comparator.comparing(
                    r -> r.reference().map(ReferralReference::value).orElse(null),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            return switch (sort) {
                case DUE -> Comparator.<Referral, Instant>comparing(r -> r.acknowledgeBy().orElse(null),
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Referral::createdAt, Comparator.reverseOrder()).thenComparing(byId);
                case UPDATED -> Comparator.comparing(Referral::updatedAt).thenComparing(byId);
                case UPDATED_DESCENDING -> Comparator.comparing(Referral::updatedAt).thenComparing(byId).reversed();
                case CREATED -> Comparator.comparing(Referral::createdAt).thenComparing(byId);
                case CREATED_DESCENDING -> Comparator.comparing(Referral::createdAt).thenComparing(byId).reversed();
                case REFERENCE -> byReference.thenComparing(byId);
                case REFERENCE_DESCENDING -> byReference.thenComparing(byId).reversed();
            };
        }
    }

    public static final class Clients implements ClientRepository {
        private final Map<String, Client> byId = new HashMap<>();

        @Override
        public Optional<Client> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<Client> findByDuplicateKey(String organisationId, String duplicateKey) {
            return byId.values().stream()
                    .filter(c -> c.belongsTo(organisationId) && c.duplicateKey().equals(duplicateKey)).toList();
        }

        @Override
        public void add(Client client) {
            byId.put(client.id(), client);
        }
    }

    public static final class Services implements SupportServiceRepository {
        private final Map<String, SupportService> byId = new LinkedHashMap<>();
        private final Map<String, ServiceCategory> categories = new LinkedHashMap<>();
        private long version;

        @Override
        public List<SupportService> findAll() {
            return List.copyOf(byId.values());
        }

        @Override
        public List<ServiceProfile> profiles() {
            return byId.values().stream().map(ServiceProfile::of).toList();
        }

        @Override
        public long directoryVersion() {
            return version;
        }

        @Override
        public void countChange(Optional<String> serviceId) {
            version++;
        }

        @Override
        public Optional<SupportService> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public void add(SupportService service) {
            byId.put(service.id(), service);
            service.categories().forEach(c -> categories.put(c.code(), c));
        }

        @Override
        public List<ServiceCategory> categories() {
            return List.copyOf(categories.values());
        }

        @Override
        public Optional<ServiceCategory> category(String code) {
            return Optional.ofNullable(categories.get(code));
        }
    }

    public static final class AuditEvents implements AuditEventRepository {
        public final List<AuditEvent> appended = new ArrayList<>();

        @Override
        public void append(AuditEvent event) {
            appended.add(event);
        }

        @Override
        public List<AuditEvent> findByRecord(String recordType, String recordId) {
            return appended.stream().filter(e -> e.recordType().equals(recordType) && e.recordId().equals(recordId)).toList();
        }

        @Override
        public Page<AuditEvent> search(AuditQuery query) {
            List<AuditEvent> found = appended.stream().filter(query::matches)
                    .sorted(Comparator.comparing(AuditEvent::at).reversed().thenComparing(AuditEvent::id)).toList();
            int from = Math.min(query.page() * query.size(), found.size());
            return new Page<>(found.subList(from, Math.min(from + query.size(), found.size())), found.size(),
                    query.page(), query.size());
        }
    }

    public static final class Counter implements ReferenceCounter {
        private final Map<Integer, Long> last = new HashMap<>();

        @Override
        public long next(int year) {
            return last.merge(year, 1L, Long::sum);
        }
    }

    public static final class Events implements DomainEvents {
        public final List<Object> published = new ArrayList<>();

        @Override
        public void publish(Object event) {
            published.add(event);
        }
    }

    public static BankHolidayRepository bankHolidays(LocalDate... days) {
        return () -> List.of(days);
    }

    /** Organisations' identity providers, by organisation. */
    public static final class IdentityProviders implements IdentityProviderRepository {
        public final java.util.Map<String, IdentityProvider> byOrganisation = new java.util.HashMap<>();

        @Override
        public Optional<IdentityProvider> findFor(String organisationId) {
            return Optional.ofNullable(byOrganisation.get(organisationId));
        }

        @Override
        public List<IdentityProvider> findAll() {
            return List.copyOf(byOrganisation.values());
        }

        @Override
        public void add(IdentityProvider provider) {
            byOrganisation.put(provider.organisationId(), provider);
        }

        @Override
        public boolean removeFor(String organisationId) {
            return byOrganisation.remove(organisationId) != null;
        }
    }
}
