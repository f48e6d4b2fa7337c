package com.ja4.workstation.domain.overview;

import java.time.Instant;

public record HourCount(Instant hour, long count) {
}
