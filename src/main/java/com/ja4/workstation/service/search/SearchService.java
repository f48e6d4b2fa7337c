package com.ja4.workstation.service.search;

import com.ja4.workstation.data.ip.IpQueries;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.SearchInput;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.query.QueryScope;
import java.util.concurrent.CompletableFuture;

/**
 * What a string typed in the global search box means: an IP opens its drill-down, a JA4 opens
 * Detections filtered on it, other text opens Detections on the ASN organisation when it is one
 * with detections in the window, else on the free-text search (host). Something that looks like
 * an IP but is malformed is refused without a query.
 */
public final class SearchService {

    private final IpQueries queries;

    public SearchService(Warehouse warehouse) {
        this.queries = new IpQueries(warehouse);
    }

    /** Where the text leads without asking the database, or empty when it takes a query ({@link #resolve}). */
    public static java.util.Optional<SearchTarget> immediate(String text) {
        SearchInput in = SearchInput.parse(text);
        return switch (in.kind()) {
            case EMPTY -> java.util.Optional.of(new SearchTarget.Nothing());
            case INVALID_IP -> java.util.Optional.of(new SearchTarget.Refused(in.problem()));
            case IP -> java.util.Optional.of(new SearchTarget.OpenIp(in.ip().orElseThrow()));
            case JA4 -> java.util.Optional.of(new SearchTarget.OpenDetections(TableFilter.of(TableFilter.JA4, in.text())));
            case TEXT -> java.util.Optional.empty();
        };
    }

    /** Where the text leads in this window; free text takes one query (is it a known ASN organisation?). */
    public CompletableFuture<SearchTarget> resolve(String text, TimeWindow w, QueryScope scope) {
        var now = immediate(text);
        if (now.isPresent()) return CompletableFuture.completedFuture(now.get());
        String t = SearchInput.parse(text).text();
        return scope.submit(ctx -> queries.isKnownAsnOrg(t, w, ctx)
                ? new SearchTarget.OpenDetections(TableFilter.of(TableFilter.ASN_ORG, t))
                : new SearchTarget.OpenDetections(TableFilter.of(TableFilter.SEARCH, t)));
    }
}
