package com.ja4.workstation.data.snapshot;

import com.ja4.workstation.data.warehouse.WarehouseException;

/** A snapshot file that cannot be opened, with the reason in the analyst's words. */
public class SnapshotException extends WarehouseException {
    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }

    public SnapshotException(String message) {
        super(message);
    }
}
