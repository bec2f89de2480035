#!/usr/bin/env python3
"""Offline checks of deploy/: every manifest parses as YAML and has apiVersion, kind and a name; every
kustomization lists only files and directories that exist; the RBAC grants what `stook run` calls; the
workload examples are handed to Stook. With kubectl on the PATH, also renders each kustomization."""
import glob
import os
import shutil
import subprocess
import sys

import yaml

DEPLOY = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KUSTOMIZATIONS = ["", "scheduler", "monitoring", "grafana"]

# (namespaced?, apiGroup, resource, verb) that stook run needs.
REQUIRED = [
    (False, "", "pods", v) for v in ("get", "list", "watch")
] + [
    (False, "", "pods/binding", "create"), (False, "", "pods/eviction", "create"), (False, "", "pods/status", "patch"),
    (False, "", "events", "create"), (False, "events.k8s.io", "events", "create"),
    (False, "authentication.k8s.io", "tokenreviews", "create"),
    (False, "authorization.k8s.io", "subjectaccessreviews", "create"),
] + [(False, "", "nodes", v) for v in ("get", "list", "watch")] + [
    (False, "", "namespaces", v) for v in ("list", "watch")
] + [
    (False, "", r, v) for r in ("services", "replicationcontrollers") for v in ("list", "watch")
] + [
    (False, "apps", r, v) for r in ("replicasets", "statefulsets") for v in ("list", "watch")
] + [
    (False, "", r, v) for r in ("persistentvolumeclaims", "persistentvolumes") for v in ("get", "list", "watch", "update")
] + [
    (False, "storage.k8s.io", r, v) for r in ("storageclasses", "csinodes") for v in ("list", "watch")
] + [
    (False, g, r, v) for g, r in (("batch", "jobs"), ("scheduling.volcano.sh", "podgroups"),
                                  ("scheduling.x-k8s.io", "podgroups"), ("scheduling.k8s.io", "podgroups"),
                                  ("scheduling.k8s.io", "workloads")) for v in ("list", "watch")
] + [
    (True, "", "configmaps", v) for v in ("get", "list", "watch", "create", "update")
] + [(True, "coordination.k8s.io", "leases", v) for v in ("get", "create", "update", "patch")] + [
    (True, "", "secrets", v) for v in ("get", "create")
]

failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def documents(path):
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]


def check_manifests():
    count = 0
    for path in sorted(glob.glob(os.path.join(DEPLOY, "**", "*.yaml"), recursive=True)):
        rel = os.path.relpath(path, DEPLOY)
        try:
            docs = documents(path)
        except yaml.YAMLError as e:
            fail(f"{rel}: not YAML: {e}")
            continue
        if os.path.basename(path) == "kustomization.yaml" or rel.startswith("kind/cluster"):
            continue
        for doc in docs:
            count += 1
            if not doc.get("apiVersion") or not doc.get("kind") or not doc.get("metadata", {}).get("name"):
                fail(f"{rel}: a document lacks apiVersion, kind or metadata.name")
            if doc.get("kind") == "ConfigMap" and "queues.yaml" in doc.get("data", {}):
                yaml.safe_load(doc["data"]["queues.yaml"])
    print(f"manifests: {count} documents parsed")


def check_kustomizations():
    for name in KUSTOMIZATIONS:
        directory = os.path.join(DEPLOY, name)
        k = documents(os.path.join(directory, "kustomization.yaml"))[0]
        referenced = list(k.get("resources", []))
        for generator in k.get("configMapGenerator", []):
            referenced += [f.split("=", 1)[-1] for f in generator.get("files", [])]
        for ref in referenced:
            target = os.path.normpath(os.path.join(directory, ref))
            if os.path.isdir(target):
                if not os.path.isfile(os.path.join(target, "kustomization.yaml")):
                    fail(f"{name or '.'}/kustomization.yaml: {ref} is a directory without kustomization.yaml")
            elif not os.path.isfile(target):
                fail(f"{name or '.'}/kustomization.yaml: {ref} does not exist")
    print(f"kustomizations: {len(KUSTOMIZATIONS)} checked")


def check_rbac():
    docs = documents(os.path.join(DEPLOY, "scheduler", "rbac.yaml"))
    by_kind = {d["kind"]: d for d in docs}
    for namespaced, group, resource, verb in REQUIRED:
        role = by_kind["Role" if namespaced else "ClusterRole"]
        if not any(group in r.get("apiGroups", []) and resource in r.get("resources", [])
                   and verb in r.get("verbs", []) for r in role["rules"]):
            fail(f"rbac: {role['kind']} does not grant {verb} on {group or 'core'}/{resource}")
    granted = sum(len(r["verbs"]) * len(r["resources"]) for kind in ("Role", "ClusterRole")
                  for r in by_kind[kind]["rules"])
    if granted != len(REQUIRED):
        fail(f"rbac: grants {granted} (resource, verb) pairs, stook run needs exactly {len(REQUIRED)}")
    reader = documents(os.path.join(DEPLOY, "scheduler", "metrics-reader.yaml"))[0]
    if reader["rules"] != [{"nonResourceURLs": ["/metrics"], "verbs": ["get"]}]:
        fail("rbac: stook-metrics-reader must grant exactly get on the non-resource URL /metrics")
    binding = documents(os.path.join(DEPLOY, "monitoring", "metrics-reader-binding.yaml"))[0]
    if binding["roleRef"]["name"] != reader["metadata"]["name"]:
        fail("rbac: the monitoring binding does not bind stook-metrics-reader")
    deployment = documents(os.path.join(DEPLOY, "scheduler", "deployment.yaml"))[0]
    if deployment["spec"]["template"]["spec"]["serviceAccountName"] != by_kind["ServiceAccount"]["metadata"]["name"]:
        fail("deployment: does not run as the ServiceAccount the roles are bound to")
    print(f"rbac: {len(REQUIRED)} required permissions checked")


def check_flow_control():
    """Stook's requests have a priority level of their own, matched by the ServiceAccount it runs as."""
    docs = documents(os.path.join(DEPLOY, "scheduler", "flowcontrol.yaml"))
    levels = {d["metadata"]["name"] for d in docs if d["kind"] == "PriorityLevelConfiguration"}
    account = next(d for d in documents(os.path.join(DEPLOY, "scheduler", "rbac.yaml")) if d["kind"] == "ServiceAccount")
    expected = {"name": account["metadata"]["name"], "namespace": account["metadata"]["namespace"]}
    schemas = [d for d in docs if d["kind"] == "FlowSchema"]
    if not schemas:
        fail("flowcontrol: no FlowSchema")
    for schema in schemas:
        name = schema["metadata"]["name"]
        if schema["spec"]["priorityLevelConfiguration"]["name"] not in levels:
            fail(f"flowcontrol: FlowSchema {name} names a priority level not shipped")
        if not 0 < schema["spec"]["matchingPrecedence"] < 9000:
            fail(f"flowcontrol: FlowSchema {name} must match before the built-in service-accounts schema (9000)")
        for rule in schema["spec"]["rules"]:
            if any(s.get("serviceAccount") != expected for s in rule["subjects"]):
                fail(f"flowcontrol: FlowSchema {name} matches someone other than Stook's ServiceAccount")
    print(f"flow control: {len(schemas)} flow schemas checked")


def check_secure_port():
    """The probes stay unauthenticated over HTTPS; Prometheus scrapes over HTTPS with its token."""
    container = documents(os.path.join(DEPLOY, "scheduler", "deployment.yaml"))[0]["spec"]["template"]["spec"]["containers"][0]
    for probe in ("livenessProbe", "readinessProbe"):
        get = container[probe]["httpGet"]
        if get.get("scheme") != "HTTPS" or get["path"] not in ("/healthz", "/readyz"):
            fail(f"deployment: {probe} must be an HTTPS get of /healthz or /readyz")
    for endpoint in documents(os.path.join(DEPLOY, "monitoring", "servicemonitor.yaml"))[0]["spec"]["endpoints"]:
        if endpoint.get("scheme") != "https" or not (endpoint.get("bearerTokenFile") or endpoint.get("authorization")):
            fail("servicemonitor: the scrape must use https and send a bearer token")
    print("secure port: probes and scrape checked")


def check_examples():
    for path in sorted(glob.glob(os.path.join(DEPLOY, "examples", "*.yaml"))):
        for doc in documents(path):
            spec = doc.get("spec", {})
            pod_spec = spec.get("template", {}).get("spec") or (spec if doc.get("kind") == "Pod" else None)
            if pod_spec is not None and pod_spec.get("schedulerName") != "stook":
                fail(f"examples/{os.path.basename(path)}: {doc['kind']} {doc['metadata']['name']} is not for stook")


def render_with_kubectl():
    if not shutil.which("kubectl"):
        print("kubectl not found: kustomizations not rendered")
        return
    for name in KUSTOMIZATIONS:
        result = subprocess.run(["kubectl", "kustomize", os.path.join(DEPLOY, name)], capture_output=True, text=True)
        if result.returncode != 0:
            fail(f"kubectl kustomize {name or '.'}: {result.stderr.strip()}")
    print(f"kubectl kustomize: {len(KUSTOMIZATIONS)} rendered")


check_manifests()
check_kustomizations()
check_rbac()
check_flow_control()
check_secure_port()
check_examples()
render_with_kubectl()
print(f"deploy manifests: {0 if failures else 1} passed, {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
