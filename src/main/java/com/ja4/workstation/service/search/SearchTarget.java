package com.ja4.workstation.service.search;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.table.TableFilter;

/** Where the global search takes the analyst. */
public sealed interface SearchTarget {

    /** Nothing typed: nothing to do. */
    record Nothing() implements SearchTarget {
    }

    /** Refused at the box, with the reason (an IP that is not one); no query ran. */
    record Refused(String reason) implements SearchTarget {
    }

    /** The IP drill-down of this client. */
    record OpenIp(ClientIp ip) implements SearchTarget {
    }

    /** Detections filtered on this. */
    record OpenDetections(TableFilter filter) implements SearchTarget {
    }
}
