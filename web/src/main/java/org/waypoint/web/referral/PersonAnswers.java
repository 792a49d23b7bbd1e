package org.waypoint.web.referral;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.Guardian;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.Postcode;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;

/**
 * The person's questions, shared by the new referral and the correction of a record: what is typed
 * becomes {@link ClientDetails}, checked by the domain's own rules, and a saved record fills the
 * questions in again.
 */
final class PersonAnswers {

    private PersonAnswers() {
    }

    /** The date of birth typed, or null with the error recorded. */
    static LocalDate dateOfBirth(NewReferralForm form, FormErrors errors, Clock clock) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(form.getYear().strip()), Integer.parseInt(form.getMonth().strip()),
                    Integer.parseInt(form.getDay().strip()));
            if (date.isAfter(LocalDate.now(clock)) || date.getYear() < 1900) {
                errors.add("dob-day", Messages.text("new.error.dobPast"));
                return null;
            }
            return date;
        } catch (NullPointerException | NumberFormatException | DateTimeException notADate) {
            errors.add("dob-day", Messages.text("new.error.dob"));
            return null;
        }
    }

    /**
     * The person's details from the form, with the guardian kept as recorded (the questions do not
     * ask for one); null, with the errors recorded, when they fail.
     */
    static ClientDetails details(NewReferralForm form, FormErrors errors, Clock clock, Optional<Guardian> guardian) {
        if (Pages.trimmed(form.getGivenName()) == null) {
            errors.add("givenName", Messages.text("new.error.givenName"));
        }
        if (Pages.trimmed(form.getFamilyName()) == null) {
            errors.add("familyName", Messages.text("new.error.familyName"));
        }
        LocalDate dateOfBirth = dateOfBirth(form, errors, clock);
        Gender chosenGender = Form.choice("gender", Gender.class);
        form.setGender(chosenGender == null ? null : chosenGender.name());
        form.setVoicemailAllowed(Form.value("voicemailAllowed"));
        form.setServiceMayIdentifyItself(Form.value("serviceMayIdentifyItself"));
        if (chosenGender == null) {
            errors.add("gender", Messages.text("new.error.gender"));
        }
        String language = form.getLanguage();
        String lang = Pages.trimmed(language) == null ? null : language.strip().toLowerCase(Locale.ROOT);
        if (lang == null || !lang.matches("[a-z]{2}")) {
            errors.add("language", Messages.text("new.error.language"));
        }
        Optional<String> code = check(errors, "postcode", form.getPostcode(), value -> new Postcode(value.toUpperCase(Locale.ROOT)));
        Optional<String> phoneNumber = check(errors, "phone", form.getPhone(), value -> new ContactDetails(Optional.of(value), Optional.empty(), Optional.empty()));
        Optional<String> mail = check(errors, "email", form.getEmail(), value -> new ContactDetails(Optional.empty(), Optional.of(value), Optional.empty()));
        Optional<String> home = check(errors, "address", form.getAddress(), value -> new ContactDetails(Optional.empty(), Optional.empty(), Optional.of(value)));
        Optional<String> safe = check(errors, "safeNumber", form.getSafeNumber(), value -> new SafeContact(Optional.of(value), Optional.empty(), false, false, Optional.empty()));
        Optional<String> times = check(errors, "safeTimes", form.getSafeTimes(), value -> new SafeContact(Optional.empty(), Optional.of(value), false, false, Optional.empty()));
        Boolean voicemail = Form.yesNo("voicemailAllowed");
        if (voicemail == null) {
            errors.add("voicemailAllowed", Messages.text("new.error.voicemail"));
        }
        Boolean identify = Form.yesNo("serviceMayIdentifyItself");
        if (identify == null) {
            errors.add("serviceMayIdentifyItself", Messages.text("new.error.identify"));
        }
        Optional<String> cover = check(errors, "coverStory", form.getCoverStory(), value -> new SafeContact(Optional.empty(), Optional.empty(), false, false, Optional.of(value)));
        Optional<String> access = Optional.ofNullable(Pages.trimmed(form.getAccessNeeds()));
        if (!errors.isEmpty()) {
            return null;
        }
        return new ClientDetails(form.getGivenName().strip(), form.getFamilyName().strip(), dateOfBirth, chosenGender, lang,
                form.isInterpreterNeeded(), access, code, new ContactDetails(phoneNumber, mail, home),
                new SafeContact(safe, times, voicemail, identify, cover), guardian);
    }

    /** A field's value checked by the domain's own rule, the rule's words shown beside the field when it fails. */
    private static Optional<String> check(FormErrors errors, String field, String value, Consumer<String> rule) {
        String trimmed = Pages.trimmed(value);
        if (trimmed == null) {
            return Optional.empty();
        }
        try {
            rule.accept(trimmed);
            return Optional.of(trimmed);
        } catch (InvalidField invalid) {
            errors.add(field, Messages.text("new.error." + field));
            return Optional.empty();
        }
    }

    /** The questions filled in from a saved record. */
    static void fill(NewReferralForm form, ClientDetails details) {
        form.setGivenName(details.givenName());
        form.setFamilyName(details.familyName());
        form.setDay(String.valueOf(details.dateOfBirth().getDayOfMonth()));
        form.setMonth(String.valueOf(details.dateOfBirth().getMonthValue()));
        form.setYear(String.valueOf(details.dateOfBirth().getYear()));
        form.setGender(details.gender().name());
        form.setLanguage(details.preferredLanguage());
        form.setInterpreterNeeded(details.interpreterNeeded());
        form.setPostcode(details.postcode().orElse(null));
        form.setPhone(details.contact().phone().orElse(null));
        form.setEmail(details.contact().email().orElse(null));
        form.setAddress(details.contact().address().orElse(null));
        form.setAccessNeeds(details.accessNeeds().orElse(null));
        form.setSafeNumber(details.safeContact().safeNumber().orElse(null));
        form.setSafeTimes(details.safeContact().safeTimes().orElse(null));
        form.setVoicemailAllowed(details.safeContact().voicemailAllowed() ? "yes" : "no");
        form.setServiceMayIdentifyItself(details.safeContact().serviceMayIdentifyItself() ? "yes" : "no");
        form.setCoverStory(details.safeContact().coverStory().orElse(null));
    }
}
