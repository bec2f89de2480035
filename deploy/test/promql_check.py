#!/usr/bin/env python3
"""Checks the Grafana dashboards and the alert rules against a real Prometheus.

Starts `stook simulate --metrics-port P --hold` on a scenario with gangs, and Debian's Prometheus on
loopback scraping it every second; once samples arrived, evaluates every PromQL expression of both
dashboards through the HTTP API (template variables substituted, $queue with every queue the scheduler
reports). Each must parse and return data: a panel querying a metric Stook does not export fails.
Then checks the PrometheusRule's groups with `promtool check rules`. Kills what it started on exit.

Usage: promql_check.py [--jar scheduler-k8s/target/stook.jar] [--scenario config/scenarios/default.yaml]
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DASHBOARDS = [os.path.join(ROOT, "deploy", "grafana", n) for n in ("stook-overview.json", "stook-queues.json")]
RULES = os.path.join(ROOT, "deploy", "monitoring", "prometheus-rules.yaml")
DEADLINE_SECONDS = 240
SCRAPE_INTERVAL = "1s"
RATE_INTERVAL = "30s"
# Samples for the rate windows above: wait until Prometheus has scraped for this long.
SCRAPING_SECONDS = 20


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.load(response)


def wait_for(what, check, deadline):
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"promql_check: timed out waiting for {what}")


def expressions(dashboard):
    """(panel title, expr) for every target of every panel, rows' nested panels included."""
    found = []
    def walk(panels):
        for panel in panels:
            walk(panel.get("panels", []))
            for target in panel.get("targets", []):
                if target.get("expr"):
                    found.append((panel.get("title", "?"), target["expr"]))
    walk(dashboard.get("panels", []))
    return found


def substitute(expr, queue):
    expr = expr.replace("$__rate_interval", RATE_INTERVAL).replace("$__range", "5m").replace("$__interval", "5s")
    expr = expr.replace("${queue}", queue).replace("$queue", queue)
    leftover = re.search(r"\$\{?\w+", expr)
    if leftover:
        raise SystemExit(f"promql_check: unknown template variable {leftover.group(0)} in: {expr}")
    return expr


def query(prom, expr):
    url = f"{prom}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    try:
        body = get_json(url)
    except urllib.error.HTTPError as e:
        body = json.load(e)
    return body


def check_dashboards(prom):
    queues = get_json(f"{prom}/api/v1/label/queue/values?" + urllib.parse.urlencode(
        {"match[]": "stook_queue_guaranteed"}))["data"]
    if not queues:
        raise SystemExit("promql_check: no queue reported by stook_queue_guaranteed")
    failures = []
    checked = 0
    for path in DASHBOARDS:
        with open(path) as f:
            dashboard = json.load(f)
        for title, raw in expressions(dashboard):
            for queue in (queues if "$queue" in raw or "${queue}" in raw else queues[:1]):
                expr = substitute(raw, queue)
                body = query(prom, expr)
                checked += 1
                if body.get("status") != "success":
                    failures.append(f"{os.path.basename(path)} / {title}: {expr}\n    error: {body.get('error')}")
                elif not body["data"]["result"]:
                    failures.append(f"{os.path.basename(path)} / {title}: {expr}\n    returned no data")
    for failure in failures:
        print("FAIL " + failure)
    print(f"dashboards: {checked - len(failures)} passed, {len(failures)} failed ({checked} queries, queues {queues})")
    return not failures


def check_rules(promtool, workdir):
    with open(RULES) as f:
        rule = yaml.safe_load(f)
    plain = os.path.join(workdir, "stook-rules.yaml")
    with open(plain, "w") as f:
        yaml.safe_dump({"groups": rule["spec"]["groups"]}, f)
    result = subprocess.run([promtool, "check", "rules", plain], capture_output=True, text=True)
    print(result.stdout.strip() or result.stderr.strip())
    return result.returncode == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", default=os.path.join(ROOT, "scheduler-k8s", "target", "stook.jar"))
    parser.add_argument("--scenario", default=os.path.join(ROOT, "config", "scenarios", "default.yaml"))
    args = parser.parse_args()
    for tool in ("prometheus", "promtool", "java"):
        if not shutil.which(tool):
            raise SystemExit(f"promql_check: {tool} not found")
    deadline = time.monotonic() + DEADLINE_SECONDS
    workdir = tempfile.mkdtemp(prefix="stook-promql-")
    children = []

    def stop(*_):
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
        shutil.rmtree(workdir, ignore_errors=True)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        rules_ok = check_rules("promtool", workdir)
        metrics_port, prom_port = free_port(), free_port()
        with open(os.path.join(workdir, "prometheus.yml"), "w") as f:
            yaml.safe_dump({"global": {"scrape_interval": SCRAPE_INTERVAL, "evaluation_interval": SCRAPE_INTERVAL},
                            "scrape_configs": [{"job_name": "stook", "static_configs": [
                                {"targets": [f"127.0.0.1:{metrics_port}"]}]}]}, f)
        sim_log = open(os.path.join(workdir, "simulate.log"), "w")
        children.append(subprocess.Popen(["java", "-jar", args.jar, "simulate", "--scenario", args.scenario,
                                          "--metrics-port", str(metrics_port), "--hold"],
                                         stdout=sim_log, stderr=subprocess.STDOUT))
        prom_log = open(os.path.join(workdir, "prometheus.log"), "w")
        children.append(subprocess.Popen(["prometheus", f"--config.file={workdir}/prometheus.yml",
                                          f"--storage.tsdb.path={workdir}/data",
                                          f"--web.listen-address=127.0.0.1:{prom_port}"],
                                         stdout=prom_log, stderr=subprocess.STDOUT))
        prom = f"http://127.0.0.1:{prom_port}"
        wait_for("Prometheus to be ready", lambda: urllib.request.urlopen(f"{prom}/-/ready", timeout=2).status == 200,
                 deadline)
        wait_for("the simulator's first scraped sample", lambda: query(prom, "stook_leader")["data"]["result"], deadline)
        started = time.monotonic()
        wait_for("the simulation to finish", lambda: "still serving metrics" in open(sim_log.name).read(), deadline)
        wait_for(f"{SCRAPING_SECONDS}s of samples", lambda: time.monotonic() - started >= SCRAPING_SECONDS, deadline)
        dashboards_ok = check_dashboards(prom)
        if not (rules_ok and dashboards_ok):
            for log in (sim_log.name, prom_log.name):
                print(f"--- last lines of {os.path.basename(log)}")
                print("".join(open(log).readlines()[-15:]))
        return 0 if rules_ok and dashboards_ok else 1
    finally:
        stop()


if __name__ == "__main__":
    sys.exit(main())
