package com.ja4.workstation.data.warehouse;

public class QueryCancelledException extends WarehouseException {
    public QueryCancelledException() {
        super("Cancelled");
    }
}
