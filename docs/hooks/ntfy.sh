#!/bin/sh
# ntfy.sh publishes the event warroom gives it on standard input to an
# ntfy topic, as ntfy's JSON message: a title (the incident), a line
# that says what happened, a priority (5 on a SEV1, else 3) and a tag.
set -eu
: "${NTFY_TOPIC:?set NTFY_TOPIC to the topic the team subscribes to}"
url=${NTFY_URL:-https://ntfy.sh}

set -- -fsS --max-time 8 -H 'Content-Type: application/json'
if [ -n "${NTFY_TOKEN:-}" ]; then
  set -- "$@" -H "Authorization: Bearer $NTFY_TOKEN"
fi

jq -c --arg topic "$NTFY_TOPIC" '
  def role: .role + (if .workstream then "/" + .workstream else "" end);
  {
    topic: $topic,
    title: "\(.incident.id) \(.incident.title)",
    message: (
      if .event == "handoff" then "\(role) handed to \(if .new == "" then "the incident manager" else .new end) by \(.actor)"
      elif .event == "timebox_expired" then "time box ran out: \(.entry.text // .task)"
      else "SEV\(.incident.severity), \(.incident.status), by \(.actor)" end),
    priority: (if .incident.severity == 1 then 5 else 3 end),
    tags: [if .incident.severity == 1 then "rotating_light" else "warning" end]
  }
' | curl "$@" --data-binary @- "$url"
