package org.waypoint.core.subjectaccess;

import java.util.Collection;
import java.util.List;

/** The outbound messages kept about referrals, as the module that sends them records them. */
public interface SentMailRecords {

    /** The messages queued about any of these referrals, oldest first. */
    List<SentMail> about(Collection<String> referralIds);
}
