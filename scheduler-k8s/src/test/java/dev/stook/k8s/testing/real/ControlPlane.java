package dev.stook.k8s.testing.real;

import dev.stook.k8s.tls.ClientTrust;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A real Kubernetes control plane on loopback: etcd and kube-apiserver, and on request
 * kube-controller-manager and the stock kube-scheduler, from the binaries in {@code KUBEBUILDER_ASSETS}.
 * Each one runs in its own temporary folder on free ports with its own credentials, so several can run at
 * once; closing it stops its processes by pid and removes the folder.
 *
 * <p>There is no kubelet: bound pods stay Pending, and a bound pod is only gone once deleted with grace
 * period 0. Nodes are not tainted for missing heartbeats (no TaintNodesByCondition admission, no node
 * lifecycle controller). Without the controller manager, ServiceAccount admission is off, since nothing
 * would make the namespaces' default ServiceAccounts.
 */
public final class ControlPlane implements AutoCloseable {
    /** What to run besides etcd and kube-apiserver; the stock scheduler's client limits as its flags say. */
    public record Options(boolean controllerManager, boolean kubeScheduler, int kubeSchedulerQps) {
        public static final Options API_ONLY = new Options(false, false, 0);
        /** The stock kube-scheduler beside Stook as a reference, its client allowed 100 requests/s. */
        public static final Options WITH_KUBE_SCHEDULER = new Options(false, true, 100);
        /** The controllers too (PersistentVolumes, Jobs, ReplicaSets, garbage collection, ...). */
        public static final Options FULL = new Options(true, true, 100);
    }

    private static final Duration START_PATIENCE = Duration.ofSeconds(90);
    private static final String SERVICE_CIDR = "10.0.0.0/24";

    private final Path folder;
    private final Credentials credentials;
    private final List<LocalProcess> processes = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopProcesses, "control-plane-shutdown");
    private URI apiServer;
    private Config adminConfig;

    private ControlPlane(Path folder) throws IOException {
        this.folder = folder;
        this.credentials = new Credentials(folder);
    }

    public static ControlPlane start(Options options) {
        Path base = baseFolder();
        OrphanReaper.reapUnder(base);
        ControlPlane plane;
        try {
            Path folder = Files.createTempDirectory(base, OrphanReaper.FOLDER_PREFIX);
            Files.writeString(folder.resolve(OrphanReaper.OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            plane = new ControlPlane(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(plane.shutdownHook);
        try {
            plane.startEtcdAndApiServer(options);
            if (options.controllerManager()) {
                plane.startControllerManager();
            }
            if (options.kubeScheduler()) {
                plane.startKubeScheduler(options.kubeSchedulerQps());
            }
            return plane;
        } catch (IOException | RuntimeException e) {
            plane.close();
            throw new IllegalStateException("control plane did not start: " + e.getMessage(), e);
        }
    }

    /** tmpfs where there is one: etcd's fsyncs cost nothing there, and a test's data need not survive it. */
    static Path baseFolder() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    public URI apiServer() {
        return apiServer;
    }

    public String adminToken() {
        return credentials.adminToken;
    }

    /** The user {@code reader}, who may do nothing until a test grants it RBAC. */
    public Person reader() {
        return new Person(Credentials.READER_USER, credentials.readerToken);
    }

    /** The user {@code outsider}, whom no test grants anything. */
    public Person outsider() {
        return new Person(Credentials.OUTSIDER_USER, credentials.outsiderToken);
    }

    /** A person's kubeconfig file, as they would pass it to a command. */
    public Path kubeconfigOf(Person person) {
        try {
            return writeKubeconfig(person.name(), person.token());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user of the cluster known by the API server's static token file. */
    public record Person(String name, String token) {
    }

    /** A fabric8 configuration for the cluster's admin (group system:masters), verifying the server's certificate. */
    public Config adminConfig() {
        return new ConfigBuilder(adminConfig).build();
    }

    /**
     * A configuration with the identity of Stook's ServiceAccount in {@code deploy/}: it may do what the
     * RBAC there grants, once that is applied.
     */
    public Config stookConfig() {
        return new ConfigBuilder(adminConfig).withOauthToken(credentials.stookToken).build();
    }

    public KubernetesClient adminClient() {
        return new KubernetesClientBuilder().withConfig(adminConfig()).build();
    }

    /** A kubeconfig file for the cluster's admin, as a user would pass to a command. */
    public Path adminKubeconfig() {
        try {
            return writeKubeconfig("admin", adminToken());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A kubeconfig file with the identity of {@link #stookConfig()}, for {@code stook run --kubeconfig}. */
    public Path stookKubeconfig() {
        try {
            return writeKubeconfig("stook", credentials.stookToken);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API server's serving certificate and its issuer, as a client's trusted authority. */
    public Path certificateAuthority() {
        return folder.resolve("apiserver-certs").resolve("apiserver.crt");
    }

    private void startEtcdAndApiServer(Options options) throws IOException {
        int clientPort = freePort();
        int peerPort = freePort();
        String etcdUrl = "http://127.0.0.1:" + clientPort;
        String peerUrl = "http://127.0.0.1:" + peerPort;
        LocalProcess etcd = launch("etcd", List.of(KubeAssets.binary("etcd").toString(),
                "--name", "stook-test", "--data-dir", folder.resolve("etcd").toString(),
                "--listen-client-urls", etcdUrl, "--advertise-client-urls", etcdUrl,
                "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                "--initial-cluster", "stook-test=" + peerUrl, "--initial-cluster-state", "new"));
        HttpClient plain = HttpClient.newHttpClient();
        waitUntil(etcd, () -> answersOk(plain, URI.create(etcdUrl + "/health"), null, "\"health\":\"true\""));

        int apiPort = freePort();
        String disabledAdmission = options.controllerManager() ? "TaintNodesByCondition"
                : "TaintNodesByCondition,ServiceAccount";
        LocalProcess apiServerProcess = launch("kube-apiserver", List.of(KubeAssets.binary("kube-apiserver").toString(),
                "--etcd-servers=" + etcdUrl,
                "--bind-address=127.0.0.1", "--secure-port=" + apiPort, "--insecure-port=0",
                "--advertise-address=127.0.0.1",
                "--cert-dir=" + folder.resolve("apiserver-certs"),
                "--token-auth-file=" + credentials.tokenFile,
                "--authorization-mode=RBAC",
                "--service-cluster-ip-range=" + SERVICE_CIDR, "--allow-privileged=true",
                "--service-account-key-file=" + credentials.serviceAccountPublicKey,
                "--service-account-signing-key-file=" + credentials.serviceAccountPrivateKey,
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                "--endpoint-reconciler-type=none",
                "--disable-admission-plugins=" + disabledAdmission));
        apiServer = URI.create("https://127.0.0.1:" + apiPort);
        HttpClient insecure = HttpClient.newBuilder().sslContext(ClientTrust.anyone()).build();
        waitUntil(apiServerProcess, () -> answersOk(insecure, apiServer.resolve("/readyz"), adminToken(), "ok"));
        adminConfig = new ConfigBuilder(Config.empty()).withMasterUrl(apiServer.toString())
                .withOauthToken(adminToken()).withCaCertFile(certificateAuthority().toString())
                .withRequestTimeout(30_000).build();
    }

    private void startControllerManager() throws IOException {
        Path kubeconfig = writeKubeconfig("kube-controller-manager", credentials.controllerManagerToken);
        LocalProcess manager = launch("kube-controller-manager", List.of(
                KubeAssets.binary("kube-controller-manager").toString(),
                "--kubeconfig=" + kubeconfig, "--bind-address=127.0.0.1", "--secure-port=" + freePort(), "--port=0",
                "--cert-dir=" + folder.resolve("kcm-certs"),
                "--controllers=*,-nodelifecycle", "--leader-elect=false",
                "--use-service-account-credentials=true",
                "--service-account-private-key-file=" + credentials.serviceAccountPrivateKey,
                "--root-ca-file=" + certificateAuthority(),
                "--service-cluster-ip-range=" + SERVICE_CIDR, "--allocate-node-cidrs=false",
                // A claim the PV controller cannot bind at once is otherwise tried again only every 15 s.
                "--pvclaimbinder-sync-period=1s"));
        try (KubernetesClient admin = adminClient()) {
            waitUntil(manager, () -> {
                var account = admin.serviceAccounts().inNamespace("default").withName("default").get();
                return account != null && account.getSecrets() != null && !account.getSecrets().isEmpty();
            });
        }
    }

    /**
     * Starts the stock kube-scheduler now (a benchmark starts it once the pods exist), its client limited
     * to {@code qps} requests per second with the same burst; returns once it answers its health check.
     */
    public void startKubeScheduler(int qps) throws IOException {
        Path kubeconfig = writeKubeconfig("kube-scheduler", credentials.schedulerToken);
        int port = freePort();
        LocalProcess scheduler = launch("kube-scheduler", List.of(KubeAssets.binary("kube-scheduler").toString(),
                "--kubeconfig=" + kubeconfig, "--leader-elect=false",
                "--bind-address=127.0.0.1", "--secure-port=" + port, "--port=0",
                "--kube-api-qps=" + qps, "--kube-api-burst=" + qps));
        HttpClient insecure = HttpClient.newBuilder().sslContext(ClientTrust.anyone()).build();
        waitUntil(scheduler, () -> answersOk(insecure, URI.create("https://127.0.0.1:" + port + "/healthz"), null, "ok"));
    }

    /** The pids of its processes, to check that closing it stopped them. */
    List<Long> pids() {
        synchronized (processes) {
            return processes.stream().map(LocalProcess::pid).toList();
        }
    }

    Path folder() {
        return folder;
    }

    private Path writeKubeconfig(String user, String token) throws IOException {
        Path file = folder.resolve(user + ".kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: test
                  cluster:
                    server: %s
                    certificate-authority: %s
                users:
                - name: %s
                  user:
                    token: %s
                contexts:
                - name: test
                  context: {cluster: test, user: %s}
                current-context: test
                """.formatted(apiServer, certificateAuthority(), user, token, user));
        return file;
    }

    private LocalProcess launch(String name, List<String> command) throws IOException {
        LocalProcess process = LocalProcess.start(name, folder, command);
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    private static void waitUntil(LocalProcess process, BooleanSupplier ready) {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited:\n" + process.logTail(20));
            }
            try {
                if (ready.getAsBoolean()) {
                    return;
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + process.name(), e);
            } catch (RuntimeException notYet) {
                // not answering yet
            }
        }
        throw new IllegalStateException(process.name() + " not ready after " + START_PATIENCE.toSeconds() + " s:\n"
                + process.logTail(20));
    }

    private static boolean answersOk(HttpClient http, URI uri, String token, String expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains(expected);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void stopProcesses() {
        List<LocalProcess> running;
        synchronized (processes) {
            running = new ArrayList<>(processes);
            processes.clear();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Override
    public void close() {
        stopProcesses();
        OrphanReaper.deleteTree(folder);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
