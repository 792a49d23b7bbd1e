package org.waypoint.core.referral;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.waypoint.core.account.Role;
import org.waypoint.core.calendar.WorkingCalendar;
import org.waypoint.core.client.Client;
import org.waypoint.core.directory.Capacity;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.RuleViolation;
import org.waypoint.core.shared.crypto.EncryptedStringConverter;

/**
 * A referral of one person to one support service, followed from draft to outcome.
 *
 * <h2>Lifecycle (HL7 FHIR Task status codes)</h2>
 * <pre>
 * DRAFT --submit--> REQUESTED --open (service's first look)--> RECEIVED --accept--> ACCEPTED --start--> IN_PROGRESS --complete--> COMPLETED
 *                                                             RECEIVED --reject(reason)--> REJECTED
 *                   ACCEPTED, IN_PROGRESS --hold(reason)--> ON_HOLD --resume--> IN_PROGRESS
 *                   IN_PROGRESS, ON_HOLD --fail(reason)--> FAILED
 * referrer:         REQUESTED, RECEIVED, ACCEPTED, ON_HOLD --cancel(reason)--> CANCELLED
 * consent withdrawn: every open state --> CANCELLED
 * either side:      any state but ENTERED_IN_ERROR --mark entered in error(reason)--> ENTERED_IN_ERROR
 * </pre>
 * The service's first opening of a REQUESTED referral is its acknowledgement; the service level is
 * measured on that time against {@link #acknowledgeBy()}. Redirecting after a rejection makes a new
 * draft linked to this one.
 *
 * <h2>Drafts</h2>
 * A draft is saved from the moment the person is known, so nothing typed is lost if the caseworker
 * stops: it may lack its needs assessment and its service until they are answered, and is submitted
 * only when it has both and consent. A draft that will not be sent is discarded: it is deleted, and
 * only the audit trail remembers it.
 *
 * <h2>Who may do what</h2>
 * Caseworkers of the referring organisation draft, submit, cancel, redirect and withdraw consent.
 * Staff of the organisation that provides the target service see the referral only once it has been
 * submitted, and work it. Anyone else is told it does not exist ({@link NotFoundException}). Every
 * change is recorded on the timeline (who, when, from, to, reason) and announced as a domain event.
 */
@Entity
@Table(name = "referral")
public class Referral {

    private static final int MAX_REASON = 2000;
    /** The reason an erasure gives on the timeline of each referral it withdraws: nothing about the person. */
    public static final String ERASED = "Withdrawn: the person's record was erased at their request";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 20, unique = true)
    private String reference;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "client_id", nullable = false)
    private Client client;

    @Column(name = "referrer_user_id", nullable = false, length = 36)
    private String referrerUserId;

    @Column(name = "referring_org_id", nullable = false, length = 36)
    private String referringOrganisationId;

    /** None yet while a draft's service has not been chosen. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "service_id")
    private SupportService service;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_status", length = 30)
    private BusinessStatus businessStatus;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "referral_need", joinColumns = @JoinColumn(name = "referral_id"))
    @Column(name = "category_code", length = 40)
    private Set<String> needs = new HashSet<>();

    @Convert(converter = CrimeTypesConverter.class)
    @Column(name = "crime_types", length = 1000)
    private Set<CrimeType> crimeTypes = EnumSet.noneOf(CrimeType.class);

    /** The crime types' blind indexes, so that reports count them without decrypting ({@link CrimeMarks}). */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "referral_crime_mark", joinColumns = @JoinColumn(name = "referral_id"))
    @Column(name = "mark", length = 64)
    private Set<String> crimeMarks = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", length = 10)
    private RiskLevel riskLevel;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Urgency urgency;

    @Column(name = "reported_to_police", nullable = false)
    private boolean reportedToPolice;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "crime_reference", length = 200)
    private String crimeReference;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "safeguarding_concerns", length = 8000)
    private String safeguardingConcerns;

    /** Where to look for services, when not the person's own postcode: a postcode, so encrypted. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "match_area", length = 100)
    private String matchArea;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_basis", length = 30)
    private ConsentBasis consentBasis;

    @Column(name = "consent_share_contact")
    private Boolean consentShareContact;

    @Column(name = "consent_share_case")
    private Boolean consentShareCase;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_method", length = 20)
    private ConsentMethod consentMethod;

    @Column(name = "consent_given_at")
    private Instant consentGivenAt;

    @Column(name = "consent_recorded_by", length = 36)
    private String consentRecordedBy;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "consent_justification", length = 4000)
    private String consentJustification;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "consent_approved_by", length = 600)
    private String consentApprovedBy;

    @Column(name = "consent_withdrawn_at")
    private Instant consentWithdrawnAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "acknowledge_by")
    private Instant acknowledgeBy;

    @Column(name = "received_at")
    private Instant receivedAt;

    /** When the service accepted it, for the reports' time to accept; none until then. */
    @Column(name = "accepted_at")
    private Instant acceptedAt;

    /**
     * Working seconds from sending to acknowledgement and to acceptance, on the due times' clock
     * ({@link WorkingCalendar#workingTimeBetween}): kept so that the reports' medians are counted in the
     * database ({@link #measure}).
     */
    @Column(name = "ack_working_seconds")
    private Integer ackWorkingSeconds;

    @Column(name = "accept_working_seconds")
    private Integer acceptWorkingSeconds;

    /**
     * Whether the facts the reports count (crime marks, working times) have been derived for this
     * referral: always for one made since V23, and by {@link ReferralService#deriveMissingFacts} for
     * the older ones.
     */
    @Column(name = "facts_derived", nullable = false)
    private boolean factsDerived = true;

    @Column(name = "redirected_from", length = 36)
    private String redirectedFrom;

    /** The time of the last entry on the timeline: every change of the referral makes one. */
    @Column(name = "updated_at")
    private Instant updatedAt;

    /**
     * Unordered in the database, sorted when read ({@link #timeline()}): every change loads the
     * list to add to it, and Derby sorting it on each load cost more than sorting it here.
     */
    @OneToMany(mappedBy = "referral", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    private List<TimelineEvent> timeline = new ArrayList<>();

    @OneToMany(mappedBy = "referral", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @OrderBy("occurredAt ASC, sequence ASC")
    private List<ReferralMessage> messages = new ArrayList<>();

    @Version
    private long version;

    @Transient
    private List<Object> pendingEvents = new ArrayList<>();

    protected Referral() {
        // for JPA
    }

    private Referral(Actor caseworker, Client client, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.client = Objects.requireNonNull(client, "a referral is for a client");
        this.referrerUserId = caseworker.userId();
        this.referringOrganisationId = caseworker.organisationId();
        this.status = ReferralStatus.DRAFT;
        this.createdAt = now;
    }

    /** A new draft by a caseworker, for a client of their own organisation, complete but for consent. */
    public static Referral draft(Actor caseworker, Client client, SupportService service, NeedsAssessment needs,
                                 Instant now) {
        Referral referral = draft(caseworker, client, now);
        referral.service = Objects.requireNonNull(service, "a referral is to a service");
        referral.applyNeeds(needs);
        return referral;
    }

    /** A new draft that so far knows only who it is for: its needs and service are answered later. */
    public static Referral draft(Actor caseworker, Client client, Instant now) {
        caseworker.requireRole(Role.CASEWORKER, ReferralAction.CREATE.verb());
        if (!client.belongsTo(caseworker.organisationId())) {
            throw new NotFoundException("client");
        }
        Referral referral = new Referral(caseworker, client, now);
        referral.record(caseworker, now, ReferralAction.CREATE, null, ReferralStatus.DRAFT, null);
        return referral;
    }


    /** Whether the actor may know this referral exists. */
    public boolean isVisibleTo(Actor actor) {
        return switch (actor.role()) {
            case CASEWORKER -> actor.belongsTo(referringOrganisationId);
            case SERVICE_STAFF -> status != ReferralStatus.DRAFT && service != null
                    && actor.belongsTo(service.organisation().id());
            case ADMIN -> false;
        };
    }

    /**
     * Whether the actor may see the person's contact details: the referring organisation always; the
     * service only while consent that shares them is in force (a safeguarding override shares all).
     */
    public boolean sharesContactDetailsWith(Actor actor) {
        return isVisibleTo(actor) && (actor.is(Role.CASEWORKER) || consent().map(Consent::shareContactDetails).orElse(false));
    }

    /** Whether the actor may see the case details (needs, crimes, concerns), on the same terms. */
    public boolean sharesCaseDetailsWith(Actor actor) {
        return isVisibleTo(actor) && (actor.is(Role.CASEWORKER) || consent().map(Consent::shareCaseDetails).orElse(false));
    }

    /**
     * What the actor may do to this referral now: the lifecycle's rules ({@link #require}), read
     * without acting. Acknowledging ({@link ReferralAction#OPEN}) is not among them: the pages do it
     * when the service looks. Someone who may not see the referral may do nothing.
     */
    public Set<ReferralAction> availableActions(Actor actor) {
        Set<ReferralAction> available = EnumSet.noneOf(ReferralAction.class);
        if (!isVisibleTo(actor)) {
            return available;
        }
        for (ReferralAction action : ReferralAction.values()) {
            if (action != ReferralAction.CREATE && action != ReferralAction.OPEN
                    && roleFor(action).map(actor::is).orElse(true) && allowedNow(action)) {
                available.add(action);
            }
        }
        return available;
    }

    /** Who may take the action: the referrer's caseworkers, the service's staff, or (empty) either. */
    private static Optional<Role> roleFor(ReferralAction action) {
        return switch (action) {
            case CREATE, UPDATE_DRAFT, SUBMIT, DISCARD, CANCEL, WITHDRAW_CONSENT, REDIRECT -> Optional.of(Role.CASEWORKER);
            case OPEN, ACCEPT, REJECT, START, HOLD, RESUME, COMPLETE, FAIL, SET_BUSINESS_STATUS ->
                    Optional.of(Role.SERVICE_STAFF);
            case MARK_ENTERED_IN_ERROR, SEND_MESSAGE -> Optional.empty();
        };
    }

    /** Whether the referral's state lets the action happen, whoever asks. */
    private boolean allowedNow(ReferralAction action) {
        return switch (action) {
            case CREATE -> false;
            case UPDATE_DRAFT, SUBMIT, DISCARD -> status == ReferralStatus.DRAFT;
            case OPEN -> status == ReferralStatus.REQUESTED;
            case ACCEPT, REJECT -> status == ReferralStatus.RECEIVED;
            case START -> status == ReferralStatus.ACCEPTED;
            case HOLD -> status == ReferralStatus.ACCEPTED || status == ReferralStatus.IN_PROGRESS;
            case RESUME -> status == ReferralStatus.ON_HOLD;
            case COMPLETE -> status == ReferralStatus.IN_PROGRESS;
            case FAIL -> status == ReferralStatus.IN_PROGRESS || status == ReferralStatus.ON_HOLD;
            case SET_BUSINESS_STATUS -> status == ReferralStatus.RECEIVED || status == ReferralStatus.ACCEPTED
                    || status == ReferralStatus.IN_PROGRESS || status == ReferralStatus.ON_HOLD;
            case CANCEL -> status == ReferralStatus.REQUESTED || status == ReferralStatus.RECEIVED
                    || status == ReferralStatus.ACCEPTED || status == ReferralStatus.ON_HOLD;
            case REDIRECT -> status == ReferralStatus.REJECTED;
            case MARK_ENTERED_IN_ERROR -> status != ReferralStatus.ENTERED_IN_ERROR;
            case SEND_MESSAGE -> status != ReferralStatus.DRAFT && status != ReferralStatus.ENTERED_IN_ERROR;
            case WITHDRAW_CONSENT -> consentBasis != null && consentWithdrawnAt == null;
        };
    }

    /**
     * The one check every change makes: the actor must see the referral (else it is not found), have
     * the role the action needs, and find the referral in a state that allows it.
     */
    private void require(Actor actor, ReferralAction action) {
        requireVisible(actor);
        roleFor(action).ifPresent(role -> actor.requireRole(role, action.verb()));
        if (!allowedNow(action)) {
            if (action == ReferralAction.WITHDRAW_CONSENT) {
                throw new ConflictException("error.referral.noConsent", "there is no consent to withdraw");
            }
            throw new IllegalTransitionException(status, action);
        }
    }

    private void requireVisible(Actor actor) {
        if (!isVisibleTo(actor)) {
            throw new NotFoundException("referral");
        }
    }


    public void updateDraft(Actor caseworker, SupportService newService, NeedsAssessment newNeeds, Instant now) {
        require(caseworker, ReferralAction.UPDATE_DRAFT);
        this.service = Objects.requireNonNull(newService, "a referral is to a service");
        applyNeeds(newNeeds);
        record(caseworker, now, ReferralAction.UPDATE_DRAFT, ReferralStatus.DRAFT, ReferralStatus.DRAFT, null);
    }

    /**
     * Records (or replaces) a draft's needs assessment, and where to look for services when that is not
     * the person's own postcode.
     */
    public void recordNeeds(Actor caseworker, NeedsAssessment newNeeds, Optional<String> area, Instant now) {
        require(caseworker, ReferralAction.UPDATE_DRAFT);
        applyNeeds(newNeeds);
        this.matchArea = area.map(String::strip).filter(a -> !a.isEmpty()).orElse(null);
        record(caseworker, now, ReferralAction.UPDATE_DRAFT, ReferralStatus.DRAFT, ReferralStatus.DRAFT, null);
    }

    /** Chooses (or changes) the service a draft will be sent to. */
    public void chooseService(Actor caseworker, SupportService newService, Instant now) {
        require(caseworker, ReferralAction.UPDATE_DRAFT);
        this.service = Objects.requireNonNull(newService, "a referral is to a service");
        record(caseworker, now, ReferralAction.UPDATE_DRAFT, ReferralStatus.DRAFT, ReferralStatus.DRAFT, null);
    }

    /**
     * The referrer gives up a draft that will not be sent. Only drafts: once submitted, a referral is
     * cancelled or marked entered in error, never forgotten. The caller deletes it.
     */
    public void discard(Actor caseworker) {
        require(caseworker, ReferralAction.DISCARD);
    }

    /** What a draft still lacks before it can be sent, in the order the questions are asked. */
    public List<DraftPart> missing() {
        List<DraftPart> missing = new ArrayList<>();
        if (riskLevel == null) {
            missing.add(DraftPart.NEEDS);
        }
        if (service == null) {
            missing.add(DraftPart.SERVICE);
        }
        if (consent().isEmpty()) {
            missing.add(DraftPart.CONSENT);
        }
        return missing;
    }

    /** Records (or replaces) the consent the referral rests on; only while it is a draft. */
    public void recordConsent(Actor caseworker, Consent consent, Instant now) {
        require(caseworker, ReferralAction.UPDATE_DRAFT);
        InvalidField.required(consent, "consent", "error.field.required", "consent is required");
        if (consent.basis() == ConsentBasis.GIVEN_BY_PARENT_OR_GUARDIAN && !client.isChildOn(now)) {
            throw new RuleViolation("error.consent.guardianForChild", "a parent or guardian consents only for a child");
        }
        this.consentBasis = consent.basis();
        this.consentShareContact = consent.shareContactDetails();
        this.consentShareCase = consent.shareCaseDetails();
        this.consentMethod = consent.method();
        this.consentGivenAt = consent.givenAt();
        this.consentRecordedBy = consent.recordedBy();
        this.consentJustification = consent.overrideJustification().orElse(null);
        this.consentApprovedBy = consent.overrideApprovedBy().orElse(null);
        this.consentWithdrawnAt = null;
        record(caseworker, now, ReferralAction.UPDATE_DRAFT, ReferralStatus.DRAFT, ReferralStatus.DRAFT, null);
    }

    /**
     * Sends the draft to the service. It needs consent, and explicit consent (or a safeguarding
     * override) when a sexual offence or domestic abuse is involved; a closed service takes none.
     * The reference is taken only once every check has passed.
     */
    public void submit(Actor caseworker, Supplier<ReferralReference> nextReference, WorkingCalendar calendar,
                       Instant now) {
        require(caseworker, ReferralAction.SUBMIT);
        if (riskLevel == null) {
            throw new ConflictException("error.referral.needsFirst", "record the needs before submitting");
        }
        if (service == null) {
            throw new ConflictException("error.referral.serviceFirst", "choose a service before submitting");
        }
        Consent consent = consent().orElseThrow(() -> new ConflictException("error.referral.consentFirst",
                "record consent before submitting"));
        if (needs().needsExplicitConsent() && consent.basis() == ConsentBasis.IMPLIED) {
            throw new ConflictException("error.referral.explicitConsent",
                    "sexual offences and domestic abuse need explicit consent or a safeguarding override");
        }
        if (service.capacity() == Capacity.CLOSED) {
            throw new ConflictException("error.referral.serviceClosed", "the service is not taking referrals");
        }
        this.reference = nextReference.get().value();
        this.submittedAt = now;
        int target = service.acknowledgementTargetWorkingDays();
        this.acknowledgeBy = calendar.endOfWorkingDaysAfter(now, urgency == Urgency.URGENT ? 1 : target);
        transition(caseworker, now, ReferralAction.SUBMIT, ReferralStatus.REQUESTED, null);
        pendingEvents.add(new ReferralEvents.Submitted(id, reference, service.id(), urgency, acknowledgeBy));
    }

    public void cancel(Actor caseworker, String reason, Instant now) {
        require(caseworker, ReferralAction.CANCEL);
        transition(caseworker, now, ReferralAction.CANCEL, ReferralStatus.CANCELLED, requireReason(reason));
    }

    /**
     * The person has withdrawn consent: an open referral is cancelled with that reason and the service
     * told; a draft keeps no consent and cannot be submitted until consent is recorded again.
     */
    public void withdrawConsent(Actor caseworker, String reason, Instant now) {
        require(caseworker, ReferralAction.WITHDRAW_CONSENT);
        String why = requireReason(reason);
        this.consentWithdrawnAt = now;
        if (status.isOpen()) {
            transition(caseworker, now, ReferralAction.WITHDRAW_CONSENT, ReferralStatus.CANCELLED, why);
            pendingEvents.add(new ReferralEvents.ConsentWithdrawn(id, reference, service.id()));
        } else {
            record(caseworker, now, ReferralAction.WITHDRAW_CONSENT, status, status, why);
        }
    }

    /**
     * An administrator erases the person on their request: an open referral is withdrawn as when consent
     * is withdrawn, and the service told the same way. Any other referral is left as it is.
     */
    public void withdrawForErasure(Actor admin, Instant now) {
        admin.requireRole(Role.ADMIN, "erase a person");
        if (status.isOpen()) {
            this.consentWithdrawnAt = now;
            transition(admin, now, ReferralAction.WITHDRAW_CONSENT, ReferralStatus.CANCELLED, ERASED);
            pendingEvents.add(new ReferralEvents.ConsentWithdrawn(id, reference, service.id()));
        }
    }

    /** After a rejection, a new draft to another service for the same person, linked to this one. */
    public Referral redirect(Actor caseworker, SupportService otherService, Instant now) {
        require(caseworker, ReferralAction.REDIRECT);
        Referral next = draft(caseworker, client, otherService, needs(), now);
        next.redirectedFrom = id;
        consent().filter(c -> consentWithdrawnAt == null).ifPresent(c -> next.recordConsent(caseworker, c, now));
        record(caseworker, now, ReferralAction.REDIRECT, status, status, null);
        return next;
    }


    /**
     * The service's staff look at the referral (the pages): the first look at a REQUESTED referral
     * acknowledges it ({@link #acknowledge}); later looks change nothing.
     */
    public void open(Actor staff, Instant now) {
        if (status == ReferralStatus.REQUESTED) {
            acknowledge(staff, now);
            return;
        }
        requireVisible(staff);
        staff.requireRole(Role.SERVICE_STAFF, ReferralAction.OPEN.verb());
    }

    /**
     * The service acknowledges a REQUESTED referral: it becomes RECEIVED, and its time is what the
     * service level is measured on. The API asks for it explicitly; the pages on the first look.
     * Either way the timeline records {@link ReferralAction#OPEN}.
     */
    public void acknowledge(Actor staff, Instant now) {
        require(staff, ReferralAction.OPEN);
        this.receivedAt = now;
        transition(staff, now, ReferralAction.OPEN, ReferralStatus.RECEIVED, null);
    }

    public void accept(Actor staff, Instant now) {
        serviceTransition(staff, now, ReferralAction.ACCEPT, ReferralStatus.ACCEPTED, null);
        this.acceptedAt = now;
    }

    /** Rejects with the reason in words and, for the reports, its code (none from a client that sends none). */
    public void reject(Actor staff, String reason, EndReason code, Instant now) {
        end(staff, now, ReferralAction.REJECT, ReferralStatus.REJECTED, reason, code);
    }

    public void start(Actor staff, Instant now) {
        serviceTransition(staff, now, ReferralAction.START, ReferralStatus.IN_PROGRESS, null);
    }

    public void hold(Actor staff, String reason, Instant now) {
        serviceTransition(staff, now, ReferralAction.HOLD, ReferralStatus.ON_HOLD, reason);
    }

    public void resume(Actor staff, Instant now) {
        serviceTransition(staff, now, ReferralAction.RESUME, ReferralStatus.IN_PROGRESS, null);
    }

    public void complete(Actor staff, Instant now) {
        serviceTransition(staff, now, ReferralAction.COMPLETE, ReferralStatus.COMPLETED, null);
    }

    /** Ends the work without an outcome, with the reason in words and, for the reports, its code. */
    public void fail(Actor staff, String reason, EndReason code, Instant now) {
        end(staff, now, ReferralAction.FAIL, ReferralStatus.FAILED, reason, code);
    }

    public void setBusinessStatus(Actor staff, BusinessStatus newStatus, Instant now) {
        require(staff, ReferralAction.SET_BUSINESS_STATUS);
        this.businessStatus = InvalidField.required(newStatus, "businessStatus", "error.field.required", "a business status is required");
        record(staff, now, ReferralAction.SET_BUSINESS_STATUS, status, status, newStatus.name());
    }

    private void serviceTransition(Actor staff, Instant now, ReferralAction action, ReferralStatus to, String reason) {
        require(staff, action);
        transition(staff, now, action, to, action.needsReason() ? requireReason(reason) : null);
    }

    private void end(Actor staff, Instant now, ReferralAction action, ReferralStatus to, String reason, EndReason code) {
        require(staff, action);
        if (code != null && !code.explains(action)) {
            throw new InvalidField("reasonCode", "error.referral.reasonCode",
                    "reasonCode " + code + " does not explain " + action.verb()
                    + "; one of " + EndReason.forAction(action) + " does", action.name());
        }
        transition(staff, now, action, to, requireReason(reason), code);
    }


    /** Either side, or nobody else: a referral made in error leaves every list. */
    public void markEnteredInError(Actor actor, String reason, Instant now) {
        require(actor, ReferralAction.MARK_ENTERED_IN_ERROR);
        transition(actor, now, ReferralAction.MARK_ENTERED_IN_ERROR, ReferralStatus.ENTERED_IN_ERROR, requireReason(reason));
    }

    /** A message between the referrer and the service, once the referral has been submitted. */
    public ReferralMessage sendMessage(Actor author, String body, Instant now) {
        require(author, ReferralAction.SEND_MESSAGE);
        ReferralMessage.Side side = author.is(Role.CASEWORKER) ? ReferralMessage.Side.REFERRER : ReferralMessage.Side.SERVICE;
        ReferralMessage message = new ReferralMessage(this, author, side, body, now, messages.size());
        messages.add(message);
        pendingEvents.add(new ReferralEvents.MessagePosted(id, reference, service.id(), referrerUserId, side));
        return message;
    }


    /**
     * Whether something the reports count is yet to be measured: a working time (acknowledged or
     * accepted since), or the facts of a referral made before the reports kept them.
     */
    public boolean unmeasured() {
        return (receivedAt != null && ackWorkingSeconds == null) || (acceptedAt != null && acceptWorkingSeconds == null)
                || !factsDerived;
    }

    /**
     * Measures what is yet to be measured: the working time to acknowledgement and to acceptance, and,
     * for a referral made before the reports kept them, its crime marks.
     */
    public void measure(WorkingCalendar calendar) {
        if (submittedAt != null && receivedAt != null && ackWorkingSeconds == null) {
            ackWorkingSeconds = seconds(calendar.workingTimeBetween(submittedAt, receivedAt));
        }
        if (submittedAt != null && acceptedAt != null && acceptWorkingSeconds == null) {
            acceptWorkingSeconds = seconds(calendar.workingTimeBetween(submittedAt, acceptedAt));
        }
        if (!factsDerived) {
            markCrimes();
            factsDerived = true;
        }
    }

    private void markCrimes() {
        Set<String> marks = CrimeMarks.of(crimeTypes);
        if (!crimeMarks.equals(marks)) {
            crimeMarks.clear();
            crimeMarks.addAll(marks);
        }
    }

    private static int seconds(java.time.Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toSeconds());
    }

    /** Whether the service had not acknowledged it by its due time at {@code now}. */
    public boolean isOverdue(Instant now) {
        return status == ReferralStatus.REQUESTED && acknowledgeBy != null && now.isAfter(acknowledgeBy);
    }

    private void transition(Actor actor, Instant now, ReferralAction action, ReferralStatus to, String reason) {
        transition(actor, now, action, to, reason, null);
    }

    private void transition(Actor actor, Instant now, ReferralAction action, ReferralStatus to, String reason,
                            EndReason code) {
        ReferralStatus from = status;
        status = to;
        record(actor, now, action, from, to, reason, code);
        if (from != ReferralStatus.DRAFT) {
            pendingEvents.add(new ReferralEvents.StatusChanged(id, reference, service.id(), referrerUserId, action, from, to, now,
                    actor.organisationId()));
        }
    }

    private void record(Actor actor, Instant now, ReferralAction action, ReferralStatus from, ReferralStatus to,
                        String reason) {
        record(actor, now, action, from, to, reason, null);
    }

    private void record(Actor actor, Instant now, ReferralAction action, ReferralStatus from, ReferralStatus to,
                        String reason, EndReason code) {
        timeline.add(new TimelineEvent(this, actor, now, action, from, to, reason, code, timeline.size()));
        updatedAt = now;
    }

    private void applyNeeds(NeedsAssessment assessment) {
        InvalidField.required(assessment, "needs", "error.field.required", "a needs assessment is required");
        needs.clear();
        needs.addAll(assessment.needs());
        crimeTypes = assessment.crimeTypes().isEmpty()
                ? EnumSet.noneOf(CrimeType.class) : EnumSet.copyOf(assessment.crimeTypes());
        markCrimes();
        riskLevel = assessment.riskLevel();
        urgency = assessment.urgency();
        reportedToPolice = assessment.reportedToPolice();
        crimeReference = assessment.crimeReference().orElse(null);
        safeguardingConcerns = assessment.safeguardingConcerns().orElse(null);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidField("reason", "error.reason.required", "a reason is required");
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON) {
            throw new InvalidField("reason", "error.field.tooLong",
                    "a reason is at most " + MAX_REASON + " characters", MAX_REASON);
        }
        return stripped;
    }

    /** The domain events raised since the last call, for the application service to publish. */
    public List<Object> pullEvents() {
        List<Object> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    public String id() {
        return id;
    }

    public Optional<ReferralReference> reference() {
        return Optional.ofNullable(reference).map(ReferralReference::new);
    }

    public Client client() {
        return client;
    }

    public String referrerUserId() {
        return referrerUserId;
    }

    public String referringOrganisationId() {
        return referringOrganisationId;
    }

    /** The service; every submitted referral has one, a draft once it is chosen ({@link #chosenService()}). */
    public SupportService service() {
        if (service == null) {
            throw new ConflictException("error.referral.serviceFirst", "no service chosen yet");
        }
        return service;
    }

    public Optional<SupportService> chosenService() {
        return Optional.ofNullable(service);
    }

    public ReferralStatus status() {
        return status;
    }

    public Optional<BusinessStatus> businessStatus() {
        return Optional.ofNullable(businessStatus);
    }

    /** The needs; every submitted referral has them, a draft once they are recorded ({@link #assessment()}). */
    public NeedsAssessment needs() {
        return assessment().orElseThrow(() -> new ConflictException("error.referral.needsFirst", "needs not recorded yet"));
    }

    public Optional<NeedsAssessment> assessment() {
        if (riskLevel == null) {
            return Optional.empty();
        }
        return Optional.of(new NeedsAssessment(needs, crimeTypes, riskLevel, urgency, reportedToPolice,
                Optional.ofNullable(crimeReference), Optional.ofNullable(safeguardingConcerns)));
    }

    public Optional<String> matchArea() {
        return Optional.ofNullable(matchArea);
    }

    /** The consent in force: none before it is recorded or after it is withdrawn. */
    public Optional<Consent> consent() {
        return consentWithdrawnAt != null ? Optional.empty() : consentRecorded();
    }

    /** The consent as it was recorded, withdrawn or not ({@link #consentWithdrawnAt()}): its history. */
    public Optional<Consent> consentRecorded() {
        if (consentBasis == null) {
            return Optional.empty();
        }
        return Optional.of(new Consent(consentBasis, consentShareContact, consentShareCase, consentMethod,
                consentGivenAt, consentRecordedBy, Optional.ofNullable(consentJustification),
                Optional.ofNullable(consentApprovedBy)));
    }

    public Optional<Instant> consentWithdrawnAt() {
        return Optional.ofNullable(consentWithdrawnAt);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> submittedAt() {
        return Optional.ofNullable(submittedAt);
    }

    public Optional<Instant> acknowledgeBy() {
        return Optional.ofNullable(acknowledgeBy);
    }

    public Optional<Instant> receivedAt() {
        return Optional.ofNullable(receivedAt);
    }

    public Optional<Instant> acceptedAt() {
        return Optional.ofNullable(acceptedAt);
    }

    /** When the referral last changed: the time of its latest timeline entry. */
    public Instant updatedAt() {
        return updatedAt == null ? createdAt : updatedAt;
    }

    public Optional<String> redirectedFrom() {
        return Optional.ofNullable(redirectedFrom);
    }

    public List<TimelineEvent> timeline() {
        return timeline.stream().sorted(TimelineEvent.ORDER).toList();
    }

    public List<ReferralMessage> messages() {
        return List.copyOf(messages);
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "Referral[" + id + "]";
    }
}
