package org.waypoint.web.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The list's other pages keep every filter of the address, the urgency and the order among them. */
class ReferralListPageTest {

    @Test
    void aPageLinkKeepsTheUrgencyAndTheOrder() {
        ReferralListPage list = new ReferralListPage();
        list.setUrgency("URGENT");
        list.setSort("-createdAt");
        list.setOverdue("true");
        list.setReference(" ");

        assertThat(list.pageLink(2)).isEqualTo("?page=2&overdue=true&urgency=URGENT&sort=-createdAt");
    }
}
