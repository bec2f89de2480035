#!/usr/bin/env bash
# End-to-end check on a kind cluster: builds the image, loads it into kind, installs Stook (without the
# Prometheus-operator objects), submits the examples and checks that Stook bound them: the gang all at once,
# and each team's pods in its own queue.
# Needs docker, kind and kubectl. Creates the cluster "stook" unless KIND_CLUSTER names an existing one;
# deletes a cluster it created on exit unless KEEP_CLUSTER=1.
set -euo pipefail
cd "$(dirname "$0")/../.."

cluster="${KIND_CLUSTER:-stook}"
image="stook:0.1.0"
created=""

cleanup() {
    if [ -n "$created" ] && [ "${KEEP_CLUSTER:-0}" != 1 ]; then
        kind delete cluster --name "$cluster"
    fi
}
trap cleanup EXIT

fail() {
    echo "e2e: FAIL: $*" >&2
    kubectl -n stook-system logs deploy/stook --tail=50 >&2 || true
    exit 1
}

for tool in docker kind kubectl; do
    command -v "$tool" >/dev/null || { echo "e2e: $tool is needed" >&2; exit 2; }
done

if ! kind get clusters | grep -qx "$cluster"; then
    kind create cluster --name "$cluster" --config deploy/kind/cluster.yaml --wait 120s
    created=yes
fi
kubectl config use-context "kind-$cluster"

docker build -t "$image" --build-arg STOOK_COMMIT="$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)" .
kind load docker-image "$image" --name "$cluster"

kubectl apply -k deploy/scheduler/
kubectl -n stook-system rollout status deploy/stook --timeout=180s
kubectl -n stook-system wait --for=jsonpath='{.spec.holderIdentity}' lease/stook-scheduler --timeout=60s \
    || fail "no replica took the lease"

# Two teams' queues, then one namespace per team.
kubectl apply -f deploy/examples/queues-two-teams.yaml
for ns in team-a-train team-b-etl; do
    kubectl create namespace "$ns" --dry-run=client -o yaml | kubectl apply -f -
done

# 1. A gang of 8: no member is bound before all 8 have a place, then all are.
# The examples name queues of the default config; here each namespace's placement rule picks the queue.
sed '/stook.dev\/queue:/d' deploy/examples/indexed-job-gang.yaml | kubectl -n team-a-train apply -f -
deadline=$((SECONDS + 120))
until [ "$(kubectl -n team-a-train get pods -l app=train-42 -o jsonpath='{range .items[*]}{.spec.nodeName}{"\n"}{end}' | grep -c .)" -eq 8 ]; do
    [ $SECONDS -lt $deadline ] || fail "the gang train-42 was not bound within 120 s"
    sleep 2
done
times=$(kubectl -n team-a-train get events --field-selector reason=Scheduled -o jsonpath='{range .items[*]}{.eventTime}{.lastTimestamp}{"\n"}{end}' | sort -u)
first=$(echo "$times" | head -1); last=$(echo "$times" | tail -1)
echo "e2e: gang train-42 bound on $(kubectl -n team-a-train get pods -l app=train-42 -o jsonpath='{.items[*].spec.nodeName}' | tr ' ' '\n' | sort -u | wc -l) nodes, Scheduled events from $first to $last"
[ "$(date -d "$last" +%s)" -le $(( $(date -d "$first" +%s) + 5 )) ] || fail "gang members were bound more than 5 s apart"
for pod in $(kubectl -n team-a-train get pods -l app=train-42 -o name); do
    scheduler=$(kubectl -n team-a-train get "$pod" -o jsonpath='{.spec.schedulerName}')
    [ "$scheduler" = stook ] || fail "$pod was not Stook's"
done

# 2. Queue shares: team-b's data job runs in queue team-b (its namespace's placement rule).
sed '/stook.dev\/queue:/d' deploy/examples/data-job.yaml | kubectl -n team-b-etl apply -f -
deadline=$((SECONDS + 120))
until [ "$(kubectl -n team-b-etl get pods -l job-name=events-report -o jsonpath='{range .items[*]}{.spec.nodeName}{"\n"}{end}' | grep -c .)" -eq 4 ]; do
    [ $SECONDS -lt $deadline ] || fail "events-report was not bound within 120 s"
    sleep 2
done

# 3. The leader's metrics show both queues holding what their pods requested. /metrics wants a token allowed
#    to get it: a ServiceAccount bound to the shipped stook-metrics-reader role, as Prometheus would be.
kubectl -n stook-system create serviceaccount e2e-metrics --dry-run=client -o yaml | kubectl apply -f -
kubectl create clusterrolebinding e2e-metrics --clusterrole=stook-metrics-reader \
    --serviceaccount=stook-system:e2e-metrics --dry-run=client -o yaml | kubectl apply -f -
token=$(kubectl -n stook-system create token e2e-metrics)
leader=$(kubectl -n stook-system get lease stook-scheduler -o jsonpath='{.spec.holderIdentity}' | cut -d_ -f1)
kubectl -n stook-system port-forward "pod/$leader" 19259:10259 >/dev/null 2>&1 &
forward=$!
sleep 3
[ "$(curl -ks -o /dev/null -w '%{http_code}' https://127.0.0.1:19259/metrics)" = 401 ] \
    || { kill $forward; fail "/metrics answered without a token"; }
metrics=$(curl -fsSk -H "Authorization: Bearer $token" https://127.0.0.1:19259/metrics) \
    || { kill $forward; fail "cannot read the leader's /metrics"; }
kill $forward
echo "$metrics" | grep -E '^stook_queue_allocated\{queue="team-(a|b)",resource="cpu"\}'
echo "$metrics" | grep -qE '^stook_queue_allocated\{queue="team-a",resource="cpu"\} 2(\.0)?$' \
    || fail "queue team-a does not hold the gang's 8 x 250m cpu"
echo "$metrics" | grep -qE '^stook_queue_allocated\{queue="team-b",resource="cpu"\} 1(\.0)?$' \
    || fail "queue team-b does not hold the data job's 4 x 250m cpu"
echo "$metrics" | grep -qE '^stook_leader 1(\.0)?$' || fail "the lease holder does not report stook_leader 1"

echo "e2e: PASS"
