package com.ja4.workstation.service.analytics;

import com.ja4.workstation.data.warehouse.Warehouse;

/** The four analytics views' services (issue 4) bound to one warehouse. */
public record Analytics(FeaturesService features, GeoService geo, FingerprintsService fingerprints, BrowsersService browsers) {

    public static Analytics of(Warehouse warehouse) {
        return new Analytics(new FeaturesService(warehouse), new GeoService(warehouse), new FingerprintsService(warehouse),
                new BrowsersService(warehouse));
    }
}
