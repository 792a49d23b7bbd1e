package org.waypoint.web.referral;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;
import org.waypoint.core.referral.Referral;

/**
 * What is typed into the new-referral questions, for one request only: it is saved (the person's
 * record, the draft) or shown back with its errors, and never kept in the session, which holds the
 * wizard's ids alone ({@link NewReferralPage}).
 */
@Named
@RequestScoped
public class NewReferralForm {

    private String givenName;
    private String familyName;
    private String day;
    private String month;
    private String year;
    private String gender;
    private String language = "en";
    private boolean interpreterNeeded;
    private String postcode;
    private String phone;
    private String email;
    private String address;
    private String accessNeeds;
    private String safeNumber;
    private String safeTimes;
    private String voicemailAllowed;
    private String serviceMayIdentifyItself;
    private String coverStory;

    private Set<String> needs = Set.of();
    private Set<String> crimeTypes = Set.of();
    private String riskLevel;
    private String urgency;
    private String reportedToPolice;
    private String crimeReference;
    private String safeguardingConcerns;
    private String area;

    // Read once a request: the draft, the possible duplicates shown, the matched services. Reached
    // through methods, as this bean is injected as a proxy.
    private Referral referral;
    private List<NewReferralPage.Candidate> candidates;
    private NewReferralPage.Matching matching;

    public Referral referral() { return referral; }
    public void referral(Referral v) { referral = v; }
    public List<NewReferralPage.Candidate> candidates() { return candidates; }
    public void candidates(List<NewReferralPage.Candidate> v) { candidates = v; }
    public NewReferralPage.Matching matching() { return matching; }
    public void matching(NewReferralPage.Matching v) { matching = v; }

    public String getGivenName() { return givenName; }
    public void setGivenName(String v) { givenName = v; }
    public String getFamilyName() { return familyName; }
    public void setFamilyName(String v) { familyName = v; }
    public String getDay() { return day; }
    public void setDay(String v) { day = v; }
    public String getMonth() { return month; }
    public void setMonth(String v) { month = v; }
    public String getYear() { return year; }
    public void setYear(String v) { year = v; }
    public String getGender() { return gender; }
    public void setGender(String v) { gender = v; }
    public String getLanguage() { return language; }
    public void setLanguage(String v) { language = v; }
    public boolean isInterpreterNeeded() { return interpreterNeeded; }
    public void setInterpreterNeeded(boolean v) { interpreterNeeded = v; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String v) { postcode = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getAccessNeeds() { return accessNeeds; }
    public void setAccessNeeds(String v) { accessNeeds = v; }
    public String getSafeNumber() { return safeNumber; }
    public void setSafeNumber(String v) { safeNumber = v; }
    public String getSafeTimes() { return safeTimes; }
    public void setSafeTimes(String v) { safeTimes = v; }
    public String getVoicemailAllowed() { return voicemailAllowed; }
    public void setVoicemailAllowed(String v) { voicemailAllowed = v; }
    public String getServiceMayIdentifyItself() { return serviceMayIdentifyItself; }
    public void setServiceMayIdentifyItself(String v) { serviceMayIdentifyItself = v; }
    public String getCoverStory() { return coverStory; }
    public void setCoverStory(String v) { coverStory = v; }
    public Set<String> getNeeds() { return needs; }
    public void setNeeds(Set<String> v) { needs = v; }
    public Set<String> getCrimeTypes() { return crimeTypes; }
    public void setCrimeTypes(Set<String> v) { crimeTypes = v; }
    public String getRiskLevel() { return riskLevel; }
    public void setRiskLevel(String v) { riskLevel = v; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String v) { urgency = v; }
    public String getReportedToPolice() { return reportedToPolice; }
    public void setReportedToPolice(String v) { reportedToPolice = v; }
    public String getCrimeReference() { return crimeReference; }
    public void setCrimeReference(String v) { crimeReference = v; }
    public String getSafeguardingConcerns() { return safeguardingConcerns; }
    public void setSafeguardingConcerns(String v) { safeguardingConcerns = v; }
    public String getArea() { return area; }
    public void setArea(String v) { area = v; }
}
