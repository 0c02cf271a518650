#!/bin/sh
# pagerduty.sh trigger|resolve sends the event warroom gives it on
# standard input to PagerDuty's Events API v2: an alert whose dedup key
# is the incident's id, so that a resolve closes the alert a trigger
# opened. PagerDuty ignores a resolve of an alert it never had.
set -eu
: "${PAGERDUTY_ROUTING_KEY:?set PAGERDUTY_ROUTING_KEY to the integration key of a PagerDuty service}"
url=${PAGERDUTY_EVENTS_URL:-https://events.pagerduty.com/v2/enqueue}

jq -c --arg action "$1" --arg key "$PAGERDUTY_ROUTING_KEY" '
  {routing_key: $key, event_action: $action, dedup_key: .incident.id}
  + if $action == "trigger" then {
      payload: {
        summary: ("SEV\(.incident.severity) \(.incident.title)" | .[0:1024]),
        source: "warroom",
        severity: "critical",
        custom_details: {incident: .incident.id, status: .incident.status, by: .actor}
      }
    } else {} end
' | curl -fsS --max-time 8 -H 'Content-Type: application/json' --data-binary @- "$url"
