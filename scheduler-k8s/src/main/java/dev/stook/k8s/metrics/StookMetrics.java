package dev.stook.k8s.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import com.sun.net.httpserver.HttpHandler;
import dev.stook.core.model.PodId;
import dev.stook.k8s.evict.EvictionFeedback;
import dev.stook.k8s.version.BuildInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.function.BooleanSupplier;

/**
 * Every metric Stook exports (DESIGN.md §4), JVM and process metrics beside them, in one Prometheus registry.
 * {@code stook run} and {@code stook simulate --metrics-port} both build one of these. {@code stook_build_info}
 * is always 1, labelled with the build's version, commit, build time and Java version, so a dashboard or an
 * alert can tell which build each instance runs.
 */
public final class StookMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final CycleMetrics cycles;
    private final BindingMetrics bindings;
    private final Counter reloadsApplied;
    private final Counter reloadsRejected;
    private final Counter evictionsRefused;

    public StookMetrics(BuildInfo build) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        cycles = new CycleMetrics(registry);
        bindings = new BindingMetrics(registry);
        reloadsApplied = reloads("success");
        reloadsRejected = reloads("error");
        evictionsRefused = Counter.builder("stook.evictions.refused")
                .description("Evictions the API server refused because a PodDisruptionBudget allowed no disruption")
                .register(registry);
        Gauge.builder("stook.build.info", () -> 1).description("The running build: version, commit, build time, Java")
                .tags(build.fields().entrySet().stream().map(field -> Tag.of(field.getKey(), field.getValue())).toList())
                .register(registry);
    }

    private Counter reloads(String result) {
        return Counter.builder("stook.config.reload").description("Queue config changes seen, by result")
                .tag("result", result).register(registry);
    }

    public CycleMetrics cycles() {
        return cycles;
    }

    public BindingMetrics bindings() {
        return bindings;
    }

    /** {@code stook_leader}: 1 while this instance holds the lease and schedules, else 0. */
    public void leader(BooleanSupplier leading) {
        Gauge.builder("stook.leader", leading, l -> l.getAsBoolean() ? 1 : 0)
                .description("1 while this instance leads and schedules").strongReference(true).register(registry);
    }

    /** Statistics of the bounded cache of learned chunk locations, as {@code cache_*{cache="learned_locality"}}. */
    public void learnedLocality(Cache<?, ?> cache) {
        CaffeineCacheMetrics.monitor(registry, cache, "learned_locality");
    }

    /** A changed queue config was validated: applied, or rejected with the last good one kept. */
    public void queueConfigReloaded(boolean applied) {
        (applied ? reloadsApplied : reloadsRejected).increment();
    }

    /** {@code stook_evictions_refused_total} counts each refusal, then {@code next} hears of it. */
    public EvictionFeedback countingRefusals(EvictionFeedback next) {
        return new EvictionFeedback() {
            @Override
            public void refused(PodId victim, String why) {
                evictionsRefused.increment();
                next.refused(victim, why);
            }

            @Override
            public void abandoned(PodId victim) {
                next.abandoned(victim);
            }
        };
    }

    /** Serves the registry in Prometheus' text format. */
    public HttpHandler scrapeHandler() {
        return new ScrapeHandler(registry);
    }

    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
