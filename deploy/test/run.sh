#!/usr/bin/env bash
# Deploy checks for CI: manifests (YAML, kustomization references, RBAC), then the dashboards' PromQL and
# the alert rules against Debian's Prometheus scraping a simulator run. Needs the shaded jar (mvn package).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
    # The package's maintainer script starts a prometheus service on :9090 where it can. Forbid service
    # starts for the install if nothing else does (container images usually ship such a policy already).
    own_policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        own_policy=yes
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
    if [ -n "$own_policy" ]; then
        rm -f /usr/sbin/policy-rc.d
    fi
fi
if ! python3 -c 'import yaml' 2>/dev/null; then
    apt-get update -qq
    apt-get install -y -qq python3-yaml >/dev/null
    export PATH="/usr/bin:$PATH"
fi

timeout 60 python3 deploy/test/check_manifests.py
timeout 300 python3 deploy/test/promql_check.py
