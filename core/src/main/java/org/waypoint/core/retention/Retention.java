package org.waypoint.core.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.referral.ReferralRepository;
import org.waypoint.core.referral.ReferralService;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.JobLease;
import org.waypoint.core.shared.NotFoundException;

/**
 * Retention by policy (docs/adr/0014-retention-anonymises-in-place.md): the scheduled run that
 * anonymises the people who are due, a batch a transaction; the administrator's dry run of it; legal
 * holds; and erasure on request. Anonymising keeps every row the reports count (referrals, their
 * states and times, needs, crime-type marks, timeline steps) and removes what describes the person.
 */
@ApplicationScoped
public class Retention {

    public static final String JOB = "retention";
    /** Who the scheduled run is in the audit trail. */
    public static final Actor SYSTEM = new Actor("retention", "system", Role.ADMIN);
    /** How long a run holds its lease without renewing it; each batch renews it. */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** The references a dry run lists at most; the counts cover everyone. */
    static final int LISTED = 500;

    private final RetentionStore store;
    private final LegalHolds holds;
    private final RetentionPolicy policy;
    private final JobLease lease;
    private final ReferralService referrals;
    private final ReferralRepository referralRecords;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public Retention(RetentionStore store, LegalHolds holds, RetentionPolicy policy, JobLease lease,
                     ReferralService referrals, ReferralRepository referralRecords, AuditTrail audit, Clock clock) {
        this.store = store;
        this.holds = holds;
        this.policy = policy;
        this.lease = lease;
        this.referrals = referrals;
        this.referralRecords = referralRecords;
        this.audit = audit;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected Retention() {
        this(null, null, null, null, null, null, null, null);
    }

    /**
     * Runs the whole retention pass once, unless another instance holds the job: each step in a
     * transaction of its own through {@code transactions} (in the server, calls through the CDI proxy).
     *
     * @return what was anonymised; empty when another instance is running it
     */
    public static Optional<RetentionStore.Counts> runOnce(Transactions transactions, String owner, int batchSize,
                                                         Duration pause) {
        if (!transactions.apply(r -> r.claim(owner))) {
            return Optional.empty();
        }
        RetentionStore.Counts total = RetentionStore.Counts.NONE;
        try {
            Optional<String> after = Optional.empty();
            Batch batch;
            do {
                Optional<String> from = after;
                batch = transactions.apply(r -> r.anonymiseNext(owner, from, batchSize));
                total = total.plus(batch.counts());
                after = batch.last();
            } while (batch.more() && rested(pause));
        } finally {
            RetentionStore.Counts done = total;
            transactions.apply(r -> r.finish(owner, done));
        }
        return Optional.of(total);
    }

    /**
     * The throttle between batches, outside any transaction: the requests of the people at work get the
     * database and the processors in between. An interrupt (the server stopping) ends the run, and is
     * kept for the caller; the next run carries on where this one stopped.
     */
    private static boolean rested(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a step of {@link #runOnce} on a {@link Retention} in a transaction of its own. */
    public interface Transactions {
        <T> T apply(Function<Retention, T> step);
    }

    @Transactional
    public boolean claim(String owner) {
        Instant now = clock.instant();
        return lease.claim(JOB, owner, now.plus(LEASE), now);
    }

    /**
     * The next batch: the people due after {@code after} in id order anonymised, with the lease renewed
     * first. A batch looks at {@code size} candidates; those the age rule keeps are passed over.
     */
    @Transactional
    public Batch anonymiseNext(String owner, Optional<String> after, int size) {
        Instant now = clock.instant();
        if (!lease.claim(JOB, owner, now.plus(LEASE), now)) {
            throw new IllegalStateException("the retention run lost its lease");
        }
        RetentionPolicy.Cutoffs cutoffs = policy.cutoffs(now);
        List<RetentionStore.Candidate> candidates = store.candidates(cutoffs, after, size);
        List<String> due = candidates.stream()
                .filter(c -> policy.ageAllows(c.dateOfBirth(), c.recordedAt(), now))
                .map(RetentionStore.Candidate::clientId)
                .toList();
        RetentionStore.Counts counts = store.anonymise(due, now, Optional.of(cutoffs), Optional.empty());
        Optional<String> last = candidates.isEmpty() ? after
                : Optional.of(candidates.get(candidates.size() - 1).clientId());
        return new Batch(counts, last, candidates.size() == size);
    }

    /** Ends a run: audited with its counts, and the lease given back. */
    @Transactional
    public Void finish(String owner, RetentionStore.Counts counts) {
        audit.success(SYSTEM, AuditTrail.RETENTION, "run", AuditEvent.Action.DELETE,
                "anonymised " + counts.people() + " people, " + counts.referrals() + " referrals");
        lease.release(JOB, owner);
        return null;
    }

    /**
     * What the next run would anonymise if it ran now: people and their referrals counted by the rule
     * that makes each due, the referrals' references (never a name), and how many people the age rule
     * keeps for now. Audited with the counts.
     */
    @Transactional
    public DryRun preview(Actor admin) {
        admin.requireRole(Role.ADMIN, "preview retention");
        Instant now = clock.instant();
        RetentionPolicy.Cutoffs cutoffs = policy.cutoffs(now);
        Map<Rule, Integer> byRule = new EnumMap<>(Rule.class);
        List<String> references = new ArrayList<>();
        int people = 0;
        int keptForAge = 0;
        Optional<String> after = Optional.empty();
        List<RetentionStore.Candidate> candidates;
        do {
            candidates = store.candidates(cutoffs, after, 1000);
            List<String> due = new ArrayList<>();
            for (RetentionStore.Candidate candidate : candidates) {
                if (policy.ageAllows(candidate.dateOfBirth(), candidate.recordedAt(), now)) {
                    due.add(candidate.clientId());
                } else {
                    keptForAge++;
                }
            }
            people += due.size();
            for (RetentionStore.ReferralOf referral : store.referralsOf(due)) {
                byRule.merge(Rule.of(referral.status()), 1, Integer::sum);
                referral.reference().filter(r -> references.size() < LISTED).ifPresent(references::add);
            }
            if (!candidates.isEmpty()) {
                after = Optional.of(candidates.get(candidates.size() - 1).clientId());
            }
        } while (candidates.size() == 1000);
        audit.success(admin, AuditTrail.RETENTION, "dry-run", AuditEvent.Action.READ, "would anonymise " + people + " people");
        return new DryRun(now, people, byRule, keptForAge, references);
    }

    /**
     * The person behind a referral, found by its reference as an administrator finds them:
     * their referrals' references and states, whether anonymised, and the holds on them. The reading
     * is audited against the person.
     */
    @Transactional
    public PersonRecord find(Actor admin, String reference) {
        admin.requireRole(Role.ADMIN, "look up a person's retention");
        String asked = reference.strip();
        String clientId = Optional.of(asked).filter(ReferralReference::isWellFormed).map(ReferralReference::new)
                .flatMap(referralRecords::findByReference).map(r -> r.client().id())
                .orElseThrow(() -> new NotFoundException("referral"));
        audit.success(admin, AuditTrail.CLIENT, clientId, AuditEvent.Action.READ, "retention record");
        return new PersonRecord(clientId, store.anonymisedAt(clientId), store.referralsOf(List.of(clientId)),
                holds.forClient(clientId));
    }

    /** An administrator puts the person, or one referral of theirs, under a legal hold. */
    @Transactional
    public LegalHold hold(Actor admin, String clientId, Optional<String> referralId, String reason) {
        admin.requireRole(Role.ADMIN, "set a legal hold");
        if (!store.exists(clientId)) {
            throw new NotFoundException("client");
        }
        referralId.ifPresent(id -> {
            if (store.referralsOf(List.of(clientId)).stream().noneMatch(r -> r.referralId().equals(id))) {
                throw new NotFoundException("referral");
            }
        });
        LegalHold hold = new LegalHold(admin, clientId, referralId, reason, clock.instant());
        holds.add(hold);
        audit.success(admin, referralId.isPresent() ? AuditTrail.REFERRAL : AuditTrail.CLIENT,
                referralId.orElse(clientId), AuditEvent.Action.UPDATE, "legal hold set");
        return hold;
    }

    @Transactional
    public LegalHold lift(Actor admin, String holdId, String reason) {
        admin.requireRole(Role.ADMIN, "lift a legal hold");
        LegalHold hold = holds.find(holdId).orElseThrow(() -> new NotFoundException("legal hold"));
        hold.lift(admin, reason, clock.instant());
        audit.success(admin, hold.referralId().isPresent() ? AuditTrail.REFERRAL : AuditTrail.CLIENT,
                hold.referralId().orElse(hold.clientId()), AuditEvent.Action.UPDATE, "legal hold lifted");
        return hold;
    }

    /**
     * An administrator erases the person on their request: open referrals are withdrawn and their
     * services told, then the person is anonymised as retention does, at once. Refused while a legal
     * hold stands on them or any referral of theirs.
     */
    @Transactional(dontRollbackOn = HeldException.class)
    public RetentionStore.Counts erase(Actor admin, String clientId, String reason) {
        admin.requireRole(Role.ADMIN, "erase a person");
        String why = LegalHold.requireReason(reason);
        if (!store.exists(clientId)) {
            throw new NotFoundException("client");
        }
        if (holds.forClient(clientId).stream().anyMatch(LegalHold::isActive)) {
            audit.record(admin, AuditTrail.CLIENT, clientId, AuditEvent.Action.DELETE, "erasure refused: legal hold",
                    AuditEvent.Outcome.REFUSED);
            throw new HeldException();
        }
        if (store.anonymisedAt(clientId).isPresent()) {
            throw new ConflictException("error.retention.anonymised", "the person's record is anonymised already");
        }
        referrals.withdrawForErasure(admin, clientId);
        RetentionStore.Counts counts = store.anonymise(List.of(clientId), clock.instant(), Optional.empty(), Optional.of(why));
        audit.success(admin, AuditTrail.CLIENT, clientId, AuditEvent.Action.DELETE, "erased on request");
        return counts;
    }

    /** Refused: a legal hold stands on the person or one of their referrals. */
    public static class HeldException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public HeldException() {
            super("error.retention.held", "a legal hold stands on the person or one of their referrals");
        }
    }

    /** One batch of a run: what it anonymised, the last person it looked at, and whether more may follow. */
    public record Batch(RetentionStore.Counts counts, Optional<String> last, boolean more) {

        @Override
        public String toString() {
            return "Batch[" + counts + "]";
        }
    }

    /** Which rule makes a referral due. */
    public enum Rule {
        DRAFT_NEVER_SENT,
        ENDED_WITHOUT_SERVICE,
        SERVICE_ENDED;

        static Rule of(ReferralStatus status) {
            return switch (status) {
                case DRAFT -> DRAFT_NEVER_SENT;
                case REJECTED, CANCELLED, ENTERED_IN_ERROR -> ENDED_WITHOUT_SERVICE;
                default -> SERVICE_ENDED;
            };
        }
    }

    public record DryRun(Instant asOf, int people, Map<Rule, Integer> referralsByRule, int keptUntilAdult,
                         List<String> references) {
    }

    public record PersonRecord(String clientId, Optional<Instant> anonymisedAt, List<RetentionStore.ReferralOf> referrals,
                               List<LegalHold> holds) {

        public boolean held() {
            return holds.stream().anyMatch(LegalHold::isActive);
        }

        @Override
        public String toString() {
            return "PersonRecord[" + clientId + "]";
        }
    }
}
