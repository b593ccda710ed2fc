# Shared settings of ops/cluster/*.sh (sourced).
INSTANCES=${INSTANCES:-2}
APP_PORT=${APP_PORT:-8281}
BALANCER_PORT=${BALANCER_PORT:-8280}
STATS_PORT=${STATS_PORT:-8289}
PRIMARY_PORT=${PRIMARY_PORT:-5441}
REPLICA_PORT=${REPLICA_PORT:-5442}
RESIDENTS=${RESIDENTS:-3000}
DEMO=${DEMO:-1}
# a residents import whose instance stopped heart-beating this long is taken over by another instance (default of the
# application: PT2M; shorter here so the chaos run sees the takeover within a minute)
CLAIM_TIMEOUT=${CLAIM_TIMEOUT:-PT45S}
STATE=${STATE:-target/cluster}
VERSION=$(ls /etc/postgresql | sort -n | tail -1)
PRIMARY=gl_primary
REPLICA=gl_replica
