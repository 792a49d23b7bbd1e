package org.waypoint.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.waypoint.core.audit.AuditChainReport;
import org.waypoint.core.audit.AuditEvent;

class AdminTextTest {

    /**
     * The audit log shows every action, outcome and chain break in words: an enum value without its
     * words fails the whole page (as the retention run's DELETE did, once a run had been audited).
     */
    @Test
    void everyAuditActionOutcomeAndChainBreakHasItsWords() {
        Stream.of(AuditEvent.Action.values()).forEach(a -> assertThat(AdminText.text("audit.action." + a.name())).isNotBlank());
        Stream.of(AuditEvent.Outcome.values()).forEach(o -> assertThat(AdminText.text("audit.outcome." + o.name())).isNotBlank());
        Stream.of(AuditChainReport.Reason.values())
                .forEach(r -> assertThat(AdminText.text("audit.chain.reason." + r.name())).isNotBlank());
    }
}
