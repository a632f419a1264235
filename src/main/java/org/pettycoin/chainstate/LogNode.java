package org.pettycoin.chainstate;

import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.slf4j.MDC;

/**
 * Which node a log line is about, when one JVM runs several (a devnet): the name sits in the
 * logging context ({@link #MDC_KEY}) of every thread that node made. Logging context is per thread
 * and not inherited, so a node's threads are started through {@link #inherit}, which takes the
 * name of the thread building the component and sets it on each thread it starts.
 */
public final class LogNode {
    /** The MDC key a log pattern reads ({@code %X{node}}) and the in-memory log sorts by. */
    public static final String MDC_KEY = "node";

    private LogNode() {}

    /** The node the current thread works for, if it was named. */
    public static Optional<String> current() {
        String name = MDC.get(MDC_KEY);
        return name == null || name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** Names the current thread's node (empty: no name). */
    public static void set(Optional<String> name) {
        name.ifPresentOrElse(n -> MDC.put(MDC_KEY, n), () -> MDC.remove(MDC_KEY));
    }

    /** {@code task}, run under the current thread's node name wherever it runs. */
    public static Runnable inherit(Runnable task) {
        Optional<String> name = current();
        if (name.isEmpty()) {
            return task;
        }
        return () -> {
            set(name);
            task.run();
        };
    }

    /** {@code factory}, whose threads run under the current thread's node name. */
    public static ThreadFactory inherit(ThreadFactory factory) {
        Optional<String> name = current();
        if (name.isEmpty()) {
            return factory;
        }
        return r -> factory.newThread(() -> {
            set(name);
            r.run();
        });
    }
}
