package com.ja4.workstation.ui.shell;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.table.TableFilter;

/** What one view (or the search, or render) asks another to show: a filter, a JA4's profile, an IP's tab. */
public sealed interface ViewRequest {

    /** An analyst table filtered on this (Detections from an Overview bar, Scores from a Browsers row). */
    record Filter(TableFilter filter) implements ViewRequest {
    }

    /** A JA4's profile in Fingerprints ("Look up JA4"). */
    record Ja4(String ja4) implements ViewRequest {
    }

    /** An IP's tab in the drill-down. */
    record Ip(ClientIp ip) implements ViewRequest {
    }
}
