package com.ja4.workstation.data.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What a snapshot file says about itself (DESIGN section 5), stored as key/value rows in the
 * {@value SnapshotFormat#MANIFEST_TABLE} table.
 *
 * @param source     where the rows came from ("demo seed 42", "clickhouse prod-eu", ...)
 * @param asOf       end of the captured window
 * @param window     length of the captured window
 * @param filters    human-readable filters applied at capture ("" for none)
 * @param rowCounts  rows per table
 * @param appVersion version of the workstation that wrote it
 * @param checksum   content checksum (see {@link SnapshotFormat#checksum})
 */
public record SnapshotManifest(String source, Instant asOf, Duration window, String filters,
                               Map<String, Long> rowCounts, String appVersion, String checksum) {
}
