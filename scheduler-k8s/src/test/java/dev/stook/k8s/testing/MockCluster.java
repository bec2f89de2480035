package dev.stook.k8s.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.HashMap;

/**
 * A fabric8 CRUD mock API server with binding support. The tests run on a real API server
 * ({@link dev.stook.k8s.testing.real.RealCluster}), whose {@link FaultProxy} injects the faults the dispatcher
 * injects here; only the binding throughput benchmark, which measures against the mock, still uses this.
 */
public final class MockCluster extends TestCluster implements AfterEachCallback {
    public final MockApiDispatcher dispatcher = new MockApiDispatcher();
    public final KubernetesMockServer server;
    private final KubernetesClient client;

    public MockCluster() {
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), new HashMap<>(),
                dispatcher, false);
        server.init();
        client = server.createClient();
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public FaultyApi api() {
        return dispatcher;
    }

    @Override
    protected Config schedulerClientConfig() {
        return client.getConfiguration();
    }

    /** Registered with {@code @RegisterExtension}, the cluster is closed after each test. */
    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    protected void shutDown() {
        client.close();
        server.destroy();
    }
}
