package com.ja4.workstation.service.analytics;

import com.ja4.workstation.data.analytics.GeoQueries;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.AsnRow;
import com.ja4.workstation.domain.analytics.CountryLabel;
import com.ja4.workstation.service.query.QueryScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/** Geo view: countries by ASN label (top N + others) and the top ASNs; both queries in parallel. */
public final class GeoService {

    public static final int TOP_COUNTRIES = 12;
    public static final int TOP_ASNS = 50;
    /** Category of the countries after the top N. */
    public static final String OTHERS = "Others";

    private final GeoQueries queries;

    public GeoService(Warehouse warehouse) {
        this.queries = new GeoQueries(warehouse);
    }

    public CompletableFuture<CountryBreakdown> countries(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> breakdown(queries.countriesByLabel(w, ctx), TOP_COUNTRIES));
    }

    public CompletableFuture<List<AsnRow>> topAsns(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.topAsns(w, TOP_ASNS, ctx));
    }

    /** Keeps the {@code top} countries with most sessions and sums the rest, per label, into {@link #OTHERS}. */
    static CountryBreakdown breakdown(List<CountryLabel> rows, int top) {
        Map<String, Long> perCountry = new HashMap<>();
        rows.forEach(r -> perCountry.merge(r.countryCode(), r.sessions(), Long::sum));
        List<String> order = perCountry.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        List<String> shown = new ArrayList<>(order.subList(0, Math.min(top, order.size())));
        var kept = new java.util.HashSet<>(shown);
        Map<String, CountryLabel> cells = new LinkedHashMap<>();
        TreeSet<String> labels = new TreeSet<>();
        for (CountryLabel r : rows) {
            String country = kept.contains(r.countryCode()) ? r.countryCode() : OTHERS;
            labels.add(r.asnLabel());
            cells.merge(country + "\u0000" + r.asnLabel(), new CountryLabel(country, r.asnLabel(), r.sessions(), r.hits()),
                    (a, b) -> new CountryLabel(country, a.asnLabel(), a.sessions() + b.sessions(), a.hits() + b.hits()));
        }
        if (order.size() > top) shown.add(OTHERS);
        List<CountryLabel> list = new ArrayList<>(cells.values());
        list.sort(Comparator.comparingInt((CountryLabel c) -> shown.indexOf(c.countryCode())).thenComparing(CountryLabel::asnLabel));
        return new CountryBreakdown(List.copyOf(shown), List.copyOf(labels), list, order.size());
    }

    /**
     * Countries in chart order (most sessions first, then {@link #OTHERS} if any), the ASN labels
     * present, one cell per shown country and label, and how many countries there were in all.
     */
    public record CountryBreakdown(List<String> countries, List<String> labels, List<CountryLabel> cells, int countryCount) {
        public boolean isEmpty() {
            return cells.isEmpty();
        }
    }
}
