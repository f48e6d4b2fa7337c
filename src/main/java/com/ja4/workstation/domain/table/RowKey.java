package com.ja4.workstation.domain.table;

import java.time.Instant;

/**
 * What identifies one detection or scored window: the time it was scored, the client, its JA4,
 * host and model, and for a scored window the hour it covers ({@code windowStart}, null for a
 * detection). The detail pane reads the row's every column by this key.
 */
public record RowKey(Instant detectedAt, String ip, String ja4, String host, String modelName, Instant windowStart) {

    public static RowKey of(Detection d) {
        return new RowKey(d.detectedAt(), d.ip(), d.ja4(), d.host(), d.modelName(), null);
    }

    public static RowKey of(Score s) {
        return new RowKey(s.detectedAt(), s.ip(), s.ja4(), s.host(), s.modelName(), s.windowStart());
    }
}
