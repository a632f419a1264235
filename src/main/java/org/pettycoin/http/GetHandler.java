package org.pettycoin.http;

import java.io.IOException;

/**
 * Answers a GET of one path, on one of the endpoint's threads. An IOException becomes a 503 (the
 * node did not answer in time, or has stopped); anything else thrown is a 500.
 */
@FunctionalInterface
public interface GetHandler {
    Reply get() throws IOException;
}
