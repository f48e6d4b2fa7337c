package com.ja4.workstation.data.demo;

import java.util.SplittableRandom;

/**
 * A client's history as view_ip_recurrence sums it up. Today's part comes from the simulated
 * windows; earlier days (the client may have been seen weeks ago) are drawn, before the window.
 */
record ClientHistory(long recurrence, long firstSeen, long lastSeen, long daysActive, long distinctHosts) {

    static ClientHistory of(DemoClient client, int windowsToday, long firstToday, long lastToday, int hostsToday,
                         long asOf, SplittableRandom rng) {
        int back = client.daysBack();
        if (back == 0) return new ClientHistory(windowsToday, firstToday, lastToday, 1, hostsToday);
        long firstSeen = asOf - back * 86_400L - rng.nextLong(0, 86_400);
        // the day of the first sighting counts as an active day
        int earlierDays = rng.nextInt(1, Math.min(back, 29) + 1);
        long earlierWindows = 0;
        for (int d = 0; d < earlierDays; d++) earlierWindows += rng.nextInt(1, windowsToday + 2);
        return new ClientHistory(windowsToday + earlierWindows, firstSeen, lastToday, 1L + earlierDays, hostsToday);
    }
}
