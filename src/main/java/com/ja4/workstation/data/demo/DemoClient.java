package com.ja4.workstation.data.demo;

import com.ja4.workstation.domain.ClientIp;
import java.util.List;

/**
 * One simulated client IP and everything fixed about it for the day.
 *
 * @param ip            the address
 * @param population    ground truth
 * @param agents        client programs it runs (several when it rotates UAs or TLS stacks)
 * @param agentsPerHour how many of them it uses in one hour
 * @param asn           the network it comes from
 * @param stack         its SYN as observed at the sensor
 * @param profile       its behaviour
 * @param hosts         sites it visits, the first being its main target
 * @param activeHours   indices of its active hours in the window, ascending
 * @param campaignId    campaign the detection pipeline attached it to ("" when none)
 * @param daysBack      days between its first sighting and the as-of time
 * @param firstPort     lowest ephemeral source port of its OS
 * @param portCount     size of its OS's ephemeral port range
 */
record DemoClient(ClientIp ip, DemoPopulation population, List<Agent> agents, int agentsPerHour, Asn asn,
                  TcpStack stack, Profile profile, List<String> hosts, int[] activeHours, String campaignId,
                  int daysBack, int firstPort, int portCount) {
}
