package com.ja4.workstation.data.warehouse;

/** A query that failed, with a message an analyst can act on. */
public class WarehouseException extends Exception {
    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }

    public WarehouseException(String message) {
        super(message);
    }
}
