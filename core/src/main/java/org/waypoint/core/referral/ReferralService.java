package org.waypoint.core.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.calendar.BankHolidayRepository;
import org.waypoint.core.calendar.WorkingCalendar;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientRepository;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.directory.SupportServiceRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.DomainEvents;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.Page;
import org.waypoint.core.shared.StaleVersionException;
import org.waypoint.core.shared.crypto.FieldCipher;

/**
 * The referral use cases, one method each. The rules of who may see and do what live in
 * {@link Referral}; this class loads, calls, audits and publishes, all in one transaction. A record
 * the actor may not see is reported as not found, and that attempt is audited as denied.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = NotFoundException.class)
public class ReferralService {

    /** The audit trail's record id for a search by person that found nobody. */
    public static final String NO_RECORD = "none";
    private static final String PERSON_SEARCH = "referral search by person";

    private final ReferralRepository referrals;
    private final ClientRepository clients;
    private final SupportServiceRepository services;
    private final ReferenceCounter counter;
    private final BankHolidayRepository bankHolidays;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final FieldCipher cipher;
    private final Clock clock;

    @Inject
    public ReferralService(ReferralRepository referrals, ClientRepository clients, SupportServiceRepository services,
                           ReferenceCounter counter, BankHolidayRepository bankHolidays, AuditTrail audit,
                           DomainEvents events, FieldCipher cipher, Clock clock) {
        this.referrals = referrals;
        this.clients = clients;
        this.services = services;
        this.counter = counter;
        this.bankHolidays = bankHolidays;
        this.audit = audit;
        this.events = events;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected ReferralService() {
        this(null, null, null, null, null, null, null, null, null);
    }

    public Referral draft(Actor actor, String clientId, String serviceId, NeedsAssessment needs) {
        Client client = clients.find(clientId).filter(c -> c.belongsTo(actor.organisationId()))
                .orElseThrow(() -> new NotFoundException("client"));
        Referral referral = Referral.draft(actor, client, service(serviceId), known(needs), clock.instant());
        referrals.add(referral);
        audited(actor, referral, AuditEvent.Action.CREATE, ReferralAction.CREATE);
        return referral;
    }

    /** A draft for a person of the caseworker's organisation, saved before its needs and service are known. */
    public Referral startDraft(Actor actor, String clientId) {
        Client client = clients.find(clientId).filter(c -> c.belongsTo(actor.organisationId()))
                .orElseThrow(() -> new NotFoundException("client"));
        Referral referral = Referral.draft(actor, client, clock.instant());
        referrals.add(referral);
        audited(actor, referral, AuditEvent.Action.CREATE, ReferralAction.CREATE);
        return referral;
    }

    public Referral recordNeeds(Actor actor, String referralId, NeedsAssessment needs, Optional<String> area) {
        return change(actor, referralId, ReferralAction.UPDATE_DRAFT, OptionalLong.empty(),
                (r, now) -> r.recordNeeds(actor, known(needs), area, now));
    }

    public Referral chooseService(Actor actor, String referralId, String serviceId) {
        return change(actor, referralId, ReferralAction.UPDATE_DRAFT, OptionalLong.empty(),
                (r, now) -> r.chooseService(actor, service(serviceId), now));
    }

    /** Deletes a draft that will not be sent; the audit trail keeps that it existed and who discarded it. */
    public void discard(Actor actor, String referralId) {
        Referral referral = visible(actor, referralId, AuditEvent.Action.DELETE);
        referral.discard(actor);
        referrals.remove(referral);
        audited(actor, referral, AuditEvent.Action.DELETE, ReferralAction.DISCARD);
    }

    public Referral updateDraft(Actor actor, String referralId, String serviceId, NeedsAssessment needs) {
        return updateDraft(actor, referralId, serviceId, needs, OptionalLong.empty());
    }

    public Referral updateDraft(Actor actor, String referralId, String serviceId, NeedsAssessment needs,
                                OptionalLong expectedVersion) {
        return change(actor, referralId, ReferralAction.UPDATE_DRAFT, expectedVersion,
                (r, now) -> r.updateDraft(actor, service(serviceId), known(needs), now));
    }

    /**
     * Refuses as stale a change the caller means to make on a version other than the current one,
     * before the change itself is looked at: the API answers a stale If-Match before a bad body.
     */
    public void requireCurrent(Actor actor, String referralId, OptionalLong expectedVersion) {
        if (expectedVersion.isPresent()) {
            StaleVersionException.requireCurrent("referral", visible(actor, referralId, AuditEvent.Action.UPDATE).version(),
                    expectedVersion);
        }
    }

    public Referral recordConsent(Actor actor, String referralId, Consent consent) {
        return recordConsent(actor, referralId, consent, OptionalLong.empty());
    }

    public Referral recordConsent(Actor actor, String referralId, Consent consent, OptionalLong expectedVersion) {
        return change(actor, referralId, ReferralAction.UPDATE_DRAFT, expectedVersion,
                (r, now) -> r.recordConsent(actor, consent, now));
    }

    public Referral submit(Actor actor, String referralId) {
        return submit(actor, referralId, OptionalLong.empty());
    }

    /** Sends the draft: it gets its reference and its acknowledge-by time, and the service is told. */
    public Referral submit(Actor actor, String referralId, OptionalLong expectedVersion) {
        return change(actor, referralId, ReferralAction.SUBMIT, expectedVersion, (r, now) -> {
            int year = now.atZone(WorkingCalendar.LONDON).getYear();
            WorkingCalendar calendar = new WorkingCalendar(bankHolidays.all());
            r.submit(actor, () -> ReferralReference.of(year, counter.next(year)), calendar, now);
        });
    }

    /** Shows the referral to the actor and changes nothing (the API's reads): audited as a read. */
    public Referral read(Actor actor, String referralId) {
        Referral referral = visible(actor, referralId, AuditEvent.Action.READ);
        audit.success(actor, AuditTrail.REFERRAL, referral.id(), AuditEvent.Action.READ, "read");
        return referral;
    }

    /**
     * Shows the referral to the actor, as the pages do: the first time the service's staff open a
     * submitted referral is its acknowledgement. The API acknowledges explicitly instead
     * ({@link ReferralCommand.Acknowledge}), with the same timeline entry.
     */
    public Referral open(Actor actor, String referralId) {
        Referral referral = visible(actor, referralId, AuditEvent.Action.READ);
        Instant now = clock.instant();
        if (actor.is(Role.SERVICE_STAFF)) {
            referral.open(actor, now);
        }
        audited(actor, referral, AuditEvent.Action.READ, ReferralAction.OPEN);
        publish(referral);
        return referral;
    }

    public Referral accept(Actor actor, String referralId) {
        return perform(actor, referralId, new ReferralCommand.Accept(), OptionalLong.empty());
    }

    public Referral reject(Actor actor, String referralId, String reason, EndReason code) {
        return perform(actor, referralId, new ReferralCommand.Reject(reason, code), OptionalLong.empty());
    }

    public Referral start(Actor actor, String referralId) {
        return perform(actor, referralId, new ReferralCommand.Start(), OptionalLong.empty());
    }

    public Referral hold(Actor actor, String referralId, String reason) {
        return perform(actor, referralId, new ReferralCommand.Hold(reason), OptionalLong.empty());
    }

    public Referral resume(Actor actor, String referralId) {
        return perform(actor, referralId, new ReferralCommand.Resume(), OptionalLong.empty());
    }

    public Referral complete(Actor actor, String referralId) {
        return perform(actor, referralId, new ReferralCommand.Complete(), OptionalLong.empty());
    }

    public Referral fail(Actor actor, String referralId, String reason, EndReason code) {
        return perform(actor, referralId, new ReferralCommand.Fail(reason, code), OptionalLong.empty());
    }

    public Referral cancel(Actor actor, String referralId, String reason) {
        return perform(actor, referralId, new ReferralCommand.Cancel(reason), OptionalLong.empty());
    }

    public Referral markEnteredInError(Actor actor, String referralId, String reason) {
        return perform(actor, referralId, new ReferralCommand.MarkEnteredInError(reason), OptionalLong.empty());
    }

    public Referral setBusinessStatus(Actor actor, String referralId, BusinessStatus status) {
        return perform(actor, referralId, new ReferralCommand.SetBusinessStatus(status), OptionalLong.empty());
    }

    /**
     * Any action on an existing referral; with an expected version (the API's If-Match), refused as
     * stale when someone has changed the referral since the caller read it.
     */
    public Referral perform(Actor actor, String referralId, ReferralCommand command, OptionalLong expectedVersion) {
        Referral referral = visible(actor, referralId, AuditEvent.Action.UPDATE);
        StaleVersionException.requireCurrent("referral", referral.version(), expectedVersion);
        command.applyTo(referral, actor, clock.instant());
        audited(actor, referral, AuditEvent.Action.UPDATE, command.action());
        publish(referral);
        return referral;
    }

    public ReferralMessage sendMessage(Actor actor, String referralId, String body) {
        Referral referral = visible(actor, referralId, AuditEvent.Action.UPDATE);
        ReferralMessage message = referral.sendMessage(actor, body, clock.instant());
        audited(actor, referral, AuditEvent.Action.UPDATE, ReferralAction.SEND_MESSAGE);
        publish(referral);
        return message;
    }

    /** After a rejection: a new draft for the same person to another service, linked to the old one. */
    public Referral redirect(Actor actor, String referralId, String otherServiceId) {
        Referral rejected = visible(actor, referralId, AuditEvent.Action.UPDATE);
        Referral next = rejected.redirect(actor, service(otherServiceId), clock.instant());
        referrals.add(next);
        audited(actor, rejected, AuditEvent.Action.UPDATE, ReferralAction.REDIRECT);
        audited(actor, next, AuditEvent.Action.CREATE, ReferralAction.CREATE);
        return next;
    }

    /**
     * The person withdrew consent: every unfinished referral of theirs that rests on it is cancelled
     * (or, if a draft, loses its consent) and each service told.
     */
    public List<Referral> withdrawConsent(Actor actor, String clientId, String reason) {
        Client client = clients.find(clientId)
                .filter(c -> actor.is(Role.CASEWORKER) && c.belongsTo(actor.organisationId()))
                .orElseThrow(() -> {
                    audit.record(actor, AuditTrail.CLIENT, clientId, AuditEvent.Action.UPDATE, "withdraw consent",
                            AuditEvent.Outcome.DENIED);
                    return new NotFoundException("client");
                });
        Instant now = clock.instant();
        List<Referral> affected = referrals.unfinishedForClient(client.id()).stream()
                .filter(r -> r.consent().isPresent())
                .toList();
        for (Referral referral : affected) {
            referral.withdrawConsent(actor, reason, now);
            audited(actor, referral, AuditEvent.Action.UPDATE, ReferralAction.WITHDRAW_CONSENT);
            publish(referral);
        }
        return affected;
    }

    /**
     * An administrator erases the person: each open referral of theirs is withdrawn as when consent is
     * withdrawn, and each service told by the same e-mail.
     */
    public List<Referral> withdrawForErasure(Actor admin, String clientId) {
        admin.requireRole(Role.ADMIN, "erase a person");
        Instant now = clock.instant();
        List<Referral> open = referrals.unfinishedForClient(clientId).stream()
                .filter(r -> r.status().isOpen())
                .toList();
        for (Referral referral : open) {
            referral.withdrawForErasure(admin, now);
            audited(admin, referral, AuditEvent.Action.UPDATE, ReferralAction.WITHDRAW_CONSENT);
            publish(referral);
        }
        return open;
    }

    /** The referrals the actor's organisation made (caseworkers) or was sent (service staff), audited as a list. */
    public List<Referral> list(Actor actor) {
        List<Referral> found = switch (actor.role()) {
            case CASEWORKER -> referrals.madeBy(actor.organisationId());
            case SERVICE_STAFF -> referrals.sentTo(actor.organisationId());
            case ADMIN -> throw new NotPermittedException("list referrals");
        };
        found.forEach(r -> audit.success(actor, AuditTrail.REFERRAL, r.id(), AuditEvent.Action.LIST, "list"));
        return found;
    }

    /**
     * A page of the referrals the actor's organisation made (caseworkers) or was sent (service staff);
     * each returned is audited. A search by person is for caseworkers alone: the name and date of
     * birth become the blind index here, the clients of the organisation carrying it are looked up by
     * that hash (nothing is decrypted to search), and the search is audited against each client found
     * (or against none), never with the name or date of birth.
     */
    public Page<Referral> search(Actor actor, ReferralQuery query) {
        if (actor.is(Role.ADMIN)) {
            throw new NotPermittedException("list referrals");
        }
        Optional<Collection<String>> clientIds = query.person().<Collection<String>>map(person -> {
            actor.requireRole(Role.CASEWORKER, "search referrals by person");
            List<String> found = clients.findByDuplicateKey(actor.organisationId(), person.blindIndex(cipher)).stream()
                    .map(Client::id).toList();
            if (found.isEmpty()) {
                audit.success(actor, AuditTrail.CLIENT, NO_RECORD, AuditEvent.Action.SEARCH, PERSON_SEARCH);
            }
            found.forEach(id -> audit.success(actor, AuditTrail.CLIENT, id, AuditEvent.Action.SEARCH, PERSON_SEARCH));
            return found;
        });
        Instant now = clock.instant();
        Page<Referral> found = actor.is(Role.CASEWORKER)
                ? referrals.search(Optional.of(actor.organisationId()), Optional.empty(), query, clientIds, now)
                : referrals.search(Optional.empty(), Optional.of(actor.organisationId()), query, clientIds, now);
        found.items().forEach(r -> audit.success(actor, AuditTrail.REFERRAL, r.id(), AuditEvent.Action.LIST, "search"));
        return found;
    }

    /**
     * The dashboard line for the actor's organisation: counts only, so nothing is audited. "This week"
     * starts on Monday at midnight, London time.
     */
    public DashboardCounts dashboard(Actor actor) {
        if (actor.is(Role.ADMIN)) {
            throw new NotPermittedException("list referrals");
        }
        Instant now = clock.instant();
        Instant weekStart = now.atZone(WorkingCalendar.LONDON).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(WorkingCalendar.LONDON).toInstant();
        return actor.is(Role.CASEWORKER)
                ? referrals.counts(Optional.of(actor.organisationId()), Optional.empty(), now, weekStart)
                : referrals.counts(Optional.empty(), Optional.of(actor.organisationId()), now, weekStart);
    }

    /** The overdue referrals the actor may see: not acknowledged by their due time. */
    public List<Referral> overdue(Actor actor) {
        List<Referral> found = referrals.overdue(clock.instant()).stream().filter(r -> r.isVisibleTo(actor)).toList();
        found.forEach(r -> audit.success(actor, AuditTrail.REFERRAL, r.id(), AuditEvent.Action.LIST, "overdue"));
        return found;
    }

    private Referral change(Actor actor, String referralId, ReferralAction action, OptionalLong expectedVersion,
                            BiConsumer<Referral, Instant> change) {
        Referral referral = visible(actor, referralId, AuditEvent.Action.UPDATE);
        StaleVersionException.requireCurrent("referral", referral.version(), expectedVersion);
        change.accept(referral, clock.instant());
        audited(actor, referral, AuditEvent.Action.UPDATE, action);
        publish(referral);
        return referral;
    }

    private Referral visible(Actor actor, String referralId, AuditEvent.Action action) {
        return referrals.find(referralId).filter(r -> r.isVisibleTo(actor)).orElseThrow(() -> {
            audit.record(actor, AuditTrail.REFERRAL, referralId, action, null, AuditEvent.Outcome.DENIED);
            return new NotFoundException("referral");
        });
    }

    /**
     * The needs, once each is known to be a support category: an unknown code would otherwise reach
     * the database's foreign key, whose message quotes it.
     */
    private NeedsAssessment known(NeedsAssessment needs) {
        if (needs.needs().stream().anyMatch(code -> services.category(code).isEmpty())) {
            throw new InvalidField("needs", "error.needs.code", "needs holds a code that is not a support category");
        }
        return needs;
    }

    private SupportService service(String serviceId) {
        return services.find(serviceId).orElseThrow(() -> new NotFoundException("service"));
    }

    private void audited(Actor actor, Referral referral, AuditEvent.Action action, ReferralAction what) {
        audit.success(actor, AuditTrail.REFERRAL, referral.id(), action, what.name().toLowerCase(Locale.ROOT));
    }

    /**
     * After every change: measures what the change made measurable (the working time to an
     * acknowledgement or an acceptance, for the reports) and tells the rest of the application what
     * happened.
     */
    private void publish(Referral referral) {
        if (referral.unmeasured()) {
            referral.measure(new WorkingCalendar(bankHolidays.all()));
        }
        referral.pullEvents().forEach(events::publish);
    }

    /**
     * Derives the reports' facts for up to {@code batch} referrals made before the reports kept them
     * (V18's crime marks, V23's working times); the number derived, none once all are. Each is changed
     * like any other change, so its version moves.
     */
    public int deriveMissingFacts(int batch) {
        List<Referral> older = referrals.withoutFacts(batch);
        if (!older.isEmpty()) {
            WorkingCalendar calendar = new WorkingCalendar(bankHolidays.all());
            older.forEach(r -> r.measure(calendar));
        }
        return older.size();
    }
}
