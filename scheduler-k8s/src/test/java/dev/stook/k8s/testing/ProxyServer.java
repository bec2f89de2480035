package dev.stook.k8s.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The proxy's listening side: accepts client connections on a loopback port, reads each one's request on a
 * thread of its own and hands it on. It keeps every open socket, the API server's too, so closing cuts them all.
 */
final class ProxyServer {
    private static final int MAX_THREADS = 512;
    private static final int REQUEST_READ_TIMEOUT_MILLIS = 30_000;

    /** What is done with a request once it has been read. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final ThreadPoolExecutor threads;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    /** Set before the acceptor starts. */
    private Handler handler;
    private volatile boolean closed;

    ProxyServer() {
        try {
            this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String threadPrefix = threadPrefix();
        AtomicInteger threadCount = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, MAX_THREADS, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, threadPrefix + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::acceptLoop, threadPrefix + "accept");
        acceptor.setDaemon(true);
    }

    /** Starts accepting clients, each request going to {@code handler}. */
    void start(Handler handler) {
        this.handler = handler;
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** How this server's threads are named: the prefix, then a number or {@code accept}. */
    String threadPrefix() {
        return "fault-proxy-" + port() + "-";
    }

    boolean isClosed() {
        return closed;
    }

    /** Runs {@code task} on a thread of its own; {@link RejectedExecutionException} if none is left. */
    void execute(Runnable task) {
        threads.execute(task);
    }

    /** Keeps {@code socket} to be cut when the server closes; false, and the socket closed, if it has already. */
    boolean track(Socket socket) {
        openSockets.add(socket);
        if (closed) {
            close(socket);
            return false;
        }
        return true;
    }

    void close(Socket socket) {
        closeQuietly(socket);
        openSockets.remove(socket);
    }

    /** Stops accepting and cuts every open connection; the threads serving them are left to end. */
    void close() {
        closed = true;
        closeQuietly(server);
        openSockets.forEach(ProxyServer::closeQuietly);
    }

    /** Interrupts the threads still running and waits a little for them to end. */
    void stopThreads() {
        threads.shutdownNow();
        try {
            acceptor.join(1_000);
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            openSockets.add(client);
            try {
                threads.execute(() -> serve(client));
            } catch (RejectedExecutionException e) {
                close(client);
            }
        }
    }

    private void serve(Socket client) {
        Exchange exchange = null;
        try {
            client.setTcpNoDelay(true);
            client.setSoTimeout(REQUEST_READ_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            HttpHead request = HttpHead.read(in);
            if (request == null) {
                return;
            }
            byte[] body = request.readBody(in);
            client.setSoTimeout(0);
            exchange = new Exchange(client, in, out, request, body);
            handler.handle(exchange);
        } catch (IOException e) {
            // a client or the API server hung up: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (exchange != null && exchange.connection != null) {
                close(exchange.connection);
            }
            close(client);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
