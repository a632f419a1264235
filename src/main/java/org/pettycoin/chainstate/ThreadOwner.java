package org.pettycoin.chainstate;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The one thread allowed to use an object: the rule "only the node thread touches chain state",
 * checked in code at the entry points (a thread identity compare). An owner is either named at once
 * ({@link #of}: the node names its thread, so nothing else can ever bind) or is the first thread that
 * checks ({@link #firstUser}: a unit test that builds and drives a chain state on its own thread, or
 * hands it to a single test executor, needs no ceremony). Either way a second thread is refused.
 */
public final class ThreadOwner {
    private final AtomicReference<Thread> owner;

    private ThreadOwner(Thread t) {
        this.owner = new AtomicReference<>(t);
    }

    /** Owned by {@code thread} from the start. */
    public static ThreadOwner of(Thread thread) {
        return new ThreadOwner(java.util.Objects.requireNonNull(thread));
    }

    /** Owned by the first thread that calls {@link #check} or {@link #bind}. */
    public static ThreadOwner firstUser() {
        return new ThreadOwner(null);
    }

    /**
     * Makes {@code thread} the owner, which must not yet be another thread.
     *
     * @throws IllegalStateException if another thread owns it already
     */
    public void bind(Thread thread) {
        if (!owner.compareAndSet(null, thread) && owner.get() != thread) {
            throw new IllegalStateException("owned by thread " + owner.get().getName() + ", not " + thread.getName());
        }
    }

    /**
     * Returns if the calling thread is the owner (binding it if there is none yet).
     *
     * @throws IllegalStateException on any other thread
     */
    public void check() {
        Thread me = Thread.currentThread();
        Thread o = owner.get();
        if (o == me || (o == null && owner.compareAndSet(null, me))) {
            return;
        }
        throw new IllegalStateException("called on thread " + me.getName() + "; only thread "
                + owner.get().getName() + " may");
    }
}
