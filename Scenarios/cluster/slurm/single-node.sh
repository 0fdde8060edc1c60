#!/usr/bin/env bash
# A throwaway single-node Slurm cluster on this machine, to try the array recipes (and for the tests).
#
#   Scenarios/cluster/slurm/single-node.sh start STATE_DIR   # prints: export SLURM_CONF=STATE_DIR/slurm.conf
#   Scenarios/cluster/slurm/single-node.sh stop STATE_DIR
#
# Needs Debian's slurm-wlm and munge (apt-get install slurm-wlm munge) and root: slurmd runs jobs as their user.
# No cgroups (ProctrackType=proctrack/linuxproc, TaskPlugin=task/none), so it runs in containers and VMs without
# systemd. Ports come from the environment (SLURMCTLD_PORT, SLURMD_PORT; default 26817, 26818) so that it does not
# clash with a real cluster's daemons. Everything it writes stays under STATE_DIR; stop kills only the daemons whose
# pid files are there.
set -euo pipefail

fail() {
  echo "single-node.sh: $*" >&2
  exit 1
}

action=${1:-}
state=${2:-}
[[ $action == start || $action == stop ]] && [[ -n $state ]] || fail "usage: single-node.sh start|stop STATE_DIR"

if [[ $action == stop ]]; then
  # Ask the controller to stop both daemons, then make sure: TERM, and KILL after 10 s.
  [[ -f $state/slurm.conf ]] && SLURM_CONF=$state/slurm.conf scontrol shutdown >/dev/null 2>&1 || true
  for daemon in slurmd slurmctld; do
    if [[ -f $state/$daemon.pid ]]; then
      pid=$(cat "$state/$daemon.pid")
      if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$daemon" ]]; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
      fi
      rm -f "$state/$daemon.pid"
    fi
  done
  exit 0
fi

for tool in slurmctld slurmd sbatch sinfo munged munge; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (apt-get install slurm-wlm munge)"
done
[[ $(id -u) == 0 ]] || fail "needs root: slurmd starts jobs as their user"

controller_port=${SLURMCTLD_PORT:-26817}
node_port=${SLURMD_PORT:-26818}
for port in "$controller_port" "$node_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is in use (another Slurm?): set SLURMCTLD_PORT and SLURMD_PORT to free ports"
  fi
done

mkdir -p "$state"/{spool,state,log}
state=$(cd "$state" && pwd)
host=$(hostname -s)
cpus=$(nproc)

# munge authenticates the client commands to the daemons: one key, one daemon for the whole machine. The daemons
# get no terminal or pipe of ours: a daemon holding the caller's pipe would keep its reader waiting forever.
if ! munge -n >/dev/null 2>&1; then
  [[ -s /etc/munge/munge.key ]] || mungekey --create >/dev/null 2>&1 || fail "cannot create /etc/munge/munge.key"
  mkdir -p /run/munge && chown munge:munge /run/munge
  munged --force </dev/null >/dev/null 2>&1 || fail "munged does not start (see /var/log/munge/munged.log)"
  for _ in $(seq 50); do munge -n >/dev/null 2>&1 && break; sleep 0.1; done
  munge -n >/dev/null 2>&1 || fail "munged started but does not answer"
fi

cat >"$state/slurm.conf" <<EOF
ClusterName=airpicture-single-node
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
StateSaveLocation=$state/state
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
SlurmctldPort=$controller_port
SlurmdPort=$node_port
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF

export SLURM_CONF=$state/slurm.conf
slurmctld </dev/null >/dev/null 2>&1 || fail "slurmctld does not start (see $state/log/slurmctld.log)"
slurmd </dev/null >/dev/null 2>&1 || fail "slurmd does not start (see $state/log/slurmd.log)"
for _ in $(seq 100); do
  [[ $(sinfo -h -o %t 2>/dev/null) == idle ]] && break
  sleep 0.2
done
[[ $(sinfo -h -o %t 2>/dev/null) == idle ]] || fail "the node did not become idle in 20 s (see $state/log/)"
echo "export SLURM_CONF=$state/slurm.conf"
