package com.ja4.workstation.service.analytics;

import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.analytics.Ja4Source;
import java.util.Map;

/** The analytics views' services (issue 4) bound to one warehouse, and the JA4 profile ("Look up JA4"). */
public record Analytics(FeaturesService features, GeoService geo, FingerprintsService fingerprints, BrowsersService browsers,
                        Ja4ProfileService ja4Profile) {

    public static Analytics of(Warehouse warehouse) {
        return of(warehouse, Map.of());
    }

    /** {@code unavailableJa4Sources}: tables the live server cannot serve to the JA4 profile, with the reason. */
    public static Analytics of(Warehouse warehouse, Map<Ja4Source, String> unavailableJa4Sources) {
        return new Analytics(new FeaturesService(warehouse), new GeoService(warehouse), new FingerprintsService(warehouse),
                new BrowsersService(warehouse), new Ja4ProfileService(warehouse, unavailableJa4Sources));
    }
}
