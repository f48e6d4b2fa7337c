package com.ja4.workstation.analysis.cluster;

/** Squared Euclidean distance, the one k-means, seeding and assignment share. */
final class Distances {

    private Distances() {
    }

    static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }
}
