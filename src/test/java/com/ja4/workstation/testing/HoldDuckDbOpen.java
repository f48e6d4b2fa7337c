package com.ja4.workstation.testing;

import java.sql.Connection;
import java.sql.DriverManager;

/** Test helper run in its own JVM: holds a DuckDB file open for writing (DuckDB locks it) until its standard input closes. */
public final class HoldDuckDbOpen {

    private HoldDuckDbOpen() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            System.out.println("LOCKED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our input
            }
        }
    }
}
