package com.ja4.workstation.data.demo;

import java.util.List;

/**
 * One (client, JA4, host, hour) window: the unit of the 1h feature views, of
 * agg_host_ip_ja4_1h and of model scoring.
 *
 * @param hour           index of the hour in the snapshot window
 * @param agents         the client programs seen with this JA4 in this hour (first = first request's UA)
 * @param detectedOffset seconds after the window start at which the models scored it
 */
record Window(int hour, String host, List<Agent> agents, Traffic traffic, BehaviourFeatures features,
              ModelVerdict verdict, int detectedOffset) {
}
