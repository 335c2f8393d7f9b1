package org.linfenatlas.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * Request lines queued by the request threads and written by one thread, every line waiting at
 * that moment in one write, a few dozen times a second. Jetty's AsyncRequestLogWriter writes and flushes line by line: a
 * system call per request, which under load cost about 5 % of the server's CPU. When the queue is
 * full a line is dropped rather than making a request wait, and the count of dropped lines is written.
 */
final class BatchingLogWriter extends AbstractLifeCycle implements RequestLog.Writer {
    private static final int MAX_BATCH = 4096;
    static final long PAUSE_MILLIS = 20;

    private final BlockingQueue<String> queue;
    private final OutputStream out;
    private final AtomicLong dropped = new AtomicLong();
    private volatile Thread thread;

    BatchingLogWriter(OutputStream out, int capacity) {
        this.out = out;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void write(String line) {
        if (!queue.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    @Override
    protected void doStart() {
        thread = new Thread(this::run, "request-log");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        Thread writer = thread;
        writer.interrupt();
        writer.join(2000);
        writeWaiting(new ArrayList<>()); // what came in while it stopped
    }

    /**
     * Writes what is waiting, then sleeps: the request threads never wake this thread (a wake-up per
     * line cost as much as the write it saved), and a line reaches the stream within {@link #PAUSE_MILLIS}.
     */
    private void run() {
        List<String> batch = new ArrayList<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                writeWaiting(batch);
                Thread.sleep(PAUSE_MILLIS);
            }
        } catch (InterruptedException e) {
            writeWaiting(batch);
        }
    }

    private void writeWaiting(List<String> batch) {
        while (queue.drainTo(batch, MAX_BATCH) > 0 || dropped.get() > 0) {
            StringBuilder text = new StringBuilder(batch.size() * 80);
            batch.forEach(line -> text.append(line).append('\n'));
            batch.clear();
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                text.append("[request log: ").append(lost).append(" lines dropped, the queue was full]\n");
            }
            try {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                return; // standard error is gone: there is nowhere left to say so
            }
        }
    }
}
