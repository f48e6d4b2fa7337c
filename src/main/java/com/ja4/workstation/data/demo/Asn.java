package com.ja4.workstation.data.demo;

import java.util.List;

/**
 * An autonomous system clients come from.
 *
 * @param label     the pipeline's ASN label (human, isp, mobile, datacenter, hosting)
 * @param org       organisation name as the ASN database spells it
 * @param country   ISO country code
 * @param v4Prefixes first two or three octets of the IPv4 ranges it announces ("90.12", "66.249.66")
 * @param v6Prefix  first groups of an IPv6 range it announces, or "" when its clients are IPv4-only here
 */
record Asn(String label, String org, String country, List<String> v4Prefixes, String v6Prefix) {

    boolean residential() {
        return label.equals("human") || label.equals("isp") || label.equals("mobile");
    }
}
