package dev.stook.k8s.testing.real;

import dev.stook.k8s.testing.FaultProxy;
import dev.stook.k8s.testing.FaultyApi;
import dev.stook.k8s.testing.TestCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;


/**
 * A real kube-apiserver for a test, registered with {@code @RegisterExtension}. One control plane per set
 * of {@link ControlPlane.Options} is shared by the tests of a JVM and emptied before each test; JUnit
 * stops it when the run ends. Schedulers connect as Stook's ServiceAccount with the RBAC of
 * {@code deploy/scheduler/rbac.yaml}, so a permission missing there fails here, and through a
 * {@link FaultProxy} that counts their bindings and injects the faults a test asks for.
 *
 * <p>Without {@code KUBEBUILDER_ASSETS} the test is skipped or fails, as {@link RealServerAssumption} says.
 */
public final class RealCluster extends TestCluster implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(RealCluster.class);

    private final ControlPlane.Options options;
    private ControlPlane plane;
    private KubernetesClient client;
    private FaultProxy proxy;

    public RealCluster() {
        this(ControlPlane.Options.API_ONLY);
    }

    public RealCluster(ControlPlane.Options options) {
        this.options = options;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        RealServerAssumption.check(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName());
        plane = context.getRoot().getStore(STORE).getOrComputeIfAbsent(options, o -> prepared(ControlPlane.start(o)),
                ControlPlane.class);
        client = plane.adminClient();
        ClusterReset.clear(client);
        proxy = new FaultProxy(plane.apiServer());
    }

    private static ControlPlane prepared(ControlPlane plane) {
        StookAccess.grant(plane);
        return plane;
    }

    public ControlPlane controlPlane() {
        return plane;
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    /** The proxy every scheduler's requests go through. */
    @Override
    public FaultyApi api() {
        return proxy;
    }

    @Override
    protected Config schedulerClientConfig() {
        return new ConfigBuilder(plane.stookConfig()).withMasterUrl(proxy.url().toString()).build();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    protected void shutDown() {
        if (proxy != null) {
            proxy.close();
        }
        if (client != null) {
            client.close();
        }
    }
}
