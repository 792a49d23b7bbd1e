package org.waypoint.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.RuleViolation;

class UserAccountTest {

    private final Organisation police = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);
    private final Organisation charity = new Organisation("Harbour Support Trust", OrganisationKind.PROVIDER);
    private final EmailAddress email = new EmailAddress("casey@example.org");

    @Test
    void aCaseworkerBelongsToAReferringOrganisation() {
        assertThat(new UserAccount(email, "Casey", Role.CASEWORKER, police, "hash").enabled()).isTrue();
        assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> new UserAccount(email, "Casey", Role.CASEWORKER, charity, "hash"));
    }

    @Test
    void serviceStaffBelongToAProvidingOrganisation() {
        assertThat(new UserAccount(email, "Sam", Role.SERVICE_STAFF, charity, "hash").role()).isEqualTo(Role.SERVICE_STAFF);
        assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> new UserAccount(email, "Sam", Role.SERVICE_STAFF, police, "hash"));
    }

    @Test
    void aDisabledAccountStaysButCannotSignIn() {
        UserAccount account = new UserAccount(email, "Casey", Role.CASEWORKER, police, "hash");

        account.disable();

        assertThat(account.enabled()).isFalse();
    }

    @Test
    void printsNeitherNameNorAddress() {
        UserAccount account = new UserAccount(email, "Casey Worker", Role.CASEWORKER, police, "hash");

        assertThat(account.toString()).doesNotContain("Casey", "example.org").contains(account.id());
    }
}
