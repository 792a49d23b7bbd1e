#!/usr/bin/env python3
"""Checks deploy/compose.yaml and deploy/kubernetes/ without Docker or a cluster: that they parse,
and that they hold the promises README's "Run in production" makes of them (two instances on
PostgreSQL, read-only root, the data folder and /tmp mounted, the image's user, the health
probes, the keys from a Secret or the environment only), and that every Waypoint setting they name
is one README's Configuration table lists. Needs python3 and PyYAML (Debian: python3-yaml); runs
`haproxy -c` on the edge's configuration as compose sets it when haproxy is installed."""
import os
import re
import shutil
import subprocess
import sys

import yaml

deploy = os.path.dirname(os.path.abspath(__file__))
readme = open(os.path.join(deploy, "..", "README.md"), encoding="utf-8").read()
pom = open(os.path.join(deploy, "image", "pom.xml"), encoding="utf-8").read()
image_uid = int(re.search(r"<user>(\d+):(\d+)</user>", pom).group(1))
failures = []


def check(condition, what):
    if condition:
        print(f"check-descriptions: ok: {what}")
    else:
        print(f"check-descriptions: FAIL: {what}", file=sys.stderr)
        failures.append(what)


def known_setting(name):
    return name == "WAYPOINT_IMAGE" or f"`{name}`" in readme


# compose
with open(os.path.join(deploy, "compose.yaml"), encoding="utf-8") as f:
    compose = yaml.safe_load(f)
services = compose["services"]
check(set(services) == {"postgres", "waypoint-1", "waypoint-2", "haproxy", "mailpit"},
      f"compose: PostgreSQL, two Waypoint instances, HAProxy and Mailpit ({', '.join(services)})")
for name in ("waypoint-1", "waypoint-2"):
    service = services[name]
    env = service["environment"]
    mounts = [v.split(":")[1] for v in service.get("volumes", [])] + [t.split(":")[0] for t in service.get("tmpfs", [])]
    check(service.get("read_only") is True and "/data" in mounts and "/tmp" in mounts,
          f"compose: {name} has a read-only root with /data and /tmp mounted")
    check(env["WAYPOINT_DB_URL"].startswith("jdbc:postgresql://postgres:5432/"),
          f"compose: {name} uses the postgres service")
    secrets = {k: v for k, v in env.items() if re.search("(KEYS?|PASSWORD)$", k)}
    check(all(re.fullmatch(r"\$\{[A-Z_]+:?[-?][^}]*\}", v) for v in secrets.values()),
          f"compose: {name}'s keys and passwords come from the environment only ({', '.join(secrets)})")
    unknown = [k for k in env if not known_setting(k)]
    check(not unknown, f"compose: {name}'s settings are all in README's Configuration table{(': ' + ', '.join(unknown)) if unknown else ''}")
    check(service["depends_on"]["postgres"]["condition"] == "service_healthy",
          f"compose: {name} starts once PostgreSQL is healthy")
edge = services["haproxy"]["environment"]
check({edge["WAYPOINT_BACKEND"], edge["WAYPOINT_BACKEND_2"]} == {"waypoint-1:8080", "waypoint-2:8080"},
      "compose: the edge sends to both instances")
if shutil.which("haproxy"):
    env = dict(os.environ, **{k: str(v) for k, v in edge.items()})
    env["WAYPOINT_EDGE_ERRORS"] = os.path.join(deploy, "haproxy", "errors")
    env["WAYPOINT_BACKEND"], env["WAYPOINT_BACKEND_2"] = "127.0.0.1:1", "127.0.0.1:2"
    result = subprocess.run(["haproxy", "-c", "-f", os.path.join(deploy, "haproxy", "haproxy.cfg")],
                            env=env, capture_output=True, text=True)
    check(result.returncode == 0, "compose: haproxy -c accepts the edge's configuration with two instances "
          + (result.stdout + result.stderr).strip().replace("\n", " "))

# Kubernetes
documents = {}
kubernetes = os.path.join(deploy, "kubernetes")
for file in sorted(os.listdir(kubernetes)):
    with open(os.path.join(kubernetes, file), encoding="utf-8") as f:
        for document in yaml.safe_load_all(f):
            documents[document["kind"]] = (file, document)
kustomization = documents["Kustomization"][1]
check(sorted(kustomization["resources"]) == sorted(f for k, (f, _) in documents.items() if k != "Kustomization"),
      "kubernetes: the kustomization lists every manifest")
deployment = documents["Deployment"][1]
pod = deployment["spec"]["template"]
labels = pod["metadata"]["labels"]
container = pod["spec"]["containers"][0]
security = pod["spec"]["securityContext"]
check(deployment["spec"]["replicas"] == 2, "kubernetes: two replicas")
check(security["runAsNonRoot"] is True and security["runAsUser"] == image_uid,
      f"kubernetes: runs as non-root uid {image_uid}, the image's user")
check(container["securityContext"]["readOnlyRootFilesystem"] is True
      and container["securityContext"]["allowPrivilegeEscalation"] is False,
      "kubernetes: read-only root, no privilege escalation")
volumes = {v["name"] for v in pod["spec"]["volumes"]}
mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
check({"/data", "/tmp"} <= set(mounts) and set(mounts.values()) <= volumes,
      "kubernetes: /data and /tmp mounted from the pod's volumes")
check(container["readinessProbe"]["httpGet"]["path"] == "/health/ready"
      and container["livenessProbe"]["httpGet"]["path"] == "/health/live"
      and container["startupProbe"]["httpGet"]["path"] == "/health/live",
      "kubernetes: readiness on /health/ready, liveness and start-up on /health/live")
ports = {p["name"] for p in container["ports"]}
check(all(container[p]["httpGet"]["port"] in ports for p in ("readinessProbe", "livenessProbe", "startupProbe")),
      "kubernetes: the probes name the container's port")
secret = documents["Secret"][1]
check([s["secretRef"]["name"] for s in container["envFrom"]] == [secret["metadata"]["name"]]
      and {"WAYPOINT_CRYPTO_KEYS", "WAYPOINT_CRYPTO_HMAC_KEY", "WAYPOINT_DB_PASSWORD"} <= set(secret["stringData"]),
      "kubernetes: the keys and the database password come from the Secret")
check(not any(re.search("(KEYS?|PASSWORD)$", e["name"]) for e in container["env"]),
      "kubernetes: no key or password in the Deployment itself")
unknown = [e["name"] for e in container["env"] if not known_setting(e["name"])] + \
    [k for k in secret["stringData"] if not known_setting(k)]
check(not unknown, f"kubernetes: the settings are all in README's Configuration table{(': ' + ', '.join(unknown)) if unknown else ''}")
service = documents["Service"][1]
check(service["spec"]["selector"].items() <= labels.items()
      and all(p["targetPort"] in ports for p in service["spec"]["ports"]),
      "kubernetes: the Service selects the pods and their port")
budget = documents["PodDisruptionBudget"][1]
check(budget["spec"]["selector"]["matchLabels"].items() <= labels.items() and budget["spec"]["minAvailable"] == 1,
      "kubernetes: the PodDisruptionBudget keeps one of the pods")

if failures:
    print(f"check-descriptions: {len(failures)} check(s) failed", file=sys.stderr)
    sys.exit(1)
print("check-descriptions: the deployment descriptions passed")
