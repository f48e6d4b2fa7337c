package com.ja4.workstation.service.ip;

/**
 * One radar axis: the raw values of the IP and of the two baselines, and the bound they are
 * divided by so the three polygons share one scale (0-1).
 *
 * @param bound the largest of the three raw values (1 when all are 0), so the largest reaches the rim
 */
public record RadarAxis(String feature, double ip, double human, double datacenter, double bound) {

    public double ipScaled() {
        return ip / bound;
    }

    public double humanScaled() {
        return human / bound;
    }

    public double datacenterScaled() {
        return datacenter / bound;
    }
}
