package com.ja4.workstation.service.profile;

import java.util.Map;

/**
 * What a workspace over a live ClickHouse knows about its server: the profile it was opened with
 * and the schema check made when connecting.
 */
public record LiveSource(ConnectionProfile profile, SchemaReport schema, String serverVersion) {

    /** View family -> reason it cannot be used on this server (see {@link SchemaReport#unavailableViews()}). */
    public Map<String, String> unavailableViews() {
        return schema.unavailableViews();
    }

    /** Short label for the source indicator: profile name and host. */
    public String label() {
        return profile.name() + " (" + profile.host() + ":" + profile.port() + ")";
    }
}
