#!/bin/sh
# slack.sh posts the event warroom gives it on standard input to a Slack
# incoming webhook, as one line:
#   *INC-20261125-q9kt* Checkout API returning 500s: tech_lead handed to bob, by alice
# Text from the incident is escaped as Slack asks (&, < and >), so that a
# title cannot ping @channel or make a link.
set -eu
: "${SLACK_WEBHOOK_URL:?set SLACK_WEBHOOK_URL to the channel's incoming webhook}"

jq -c '
  def esc: tostring | gsub("&"; "&amp;") | gsub("<"; "&lt;") | gsub(">"; "&gt;");
  def role: .role + (if .workstream then "/" + .workstream else "" end);
  def sev: if .incident.severity == 0 then "severity unset" else "SEV\(.incident.severity)" end;
  def what:
    if .event == "declared" then "declared, \(sev)"
    elif .event == "handoff" then "\(role) handed to \(if .new == "" then "the incident manager" else .new end)"
    elif .event == "handoff_accepted" then "\(.new) accepted \(role)"
    else "\(.event) \(.old) → \(.new)" end;
  {text: "*\(.incident.id | esc)* \(.incident.title | esc): \(what | esc), by \(.actor | esc)"}
' | curl -fsS --max-time 8 -H 'Content-Type: application/json' --data-binary @- "$SLACK_WEBHOOK_URL"
