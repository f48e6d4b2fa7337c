package com.ja4.workstation.service.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the source indicator says about the opened source.
 *
 * @param live        a live ClickHouse (writes go to the server; snapshot export and outbox sync apply)
 * @param snapshot    a read-only snapshot file, reviewed as of its capture
 * @param description the source as the status bar names it (file or server)
 * @param label       short label: the profile name and host of a live source, else the description
 * @param details     the indicator's tooltip lines (capture of a snapshot; profile, server version and schema check of a server)
 * @param capturedAsOf a snapshot's as-of time
 * @param captureWindow a snapshot's window length
 */
public record SourceDescription(boolean live, boolean snapshot, String description, String label, String details,
                                Optional<Instant> capturedAsOf, Optional<Duration> captureWindow) {
}
