#!/bin/sh
# tickets.sh opens a Jira ticket for each open follow-up of the incident
# (WARROOM_FILE) that has no ticket yet, and records the ticket's key in
# the follow-up. A follow-up that has a ticket is left alone, so running
# it again opens none twice.
set -eu
: "${JIRA_URL:?set JIRA_URL to your Jira, such as https://your-team.atlassian.net}"
: "${JIRA_USER:?set JIRA_USER and JIRA_TOKEN}" "${JIRA_TOKEN:?set JIRA_USER and JIRA_TOKEN}"
: "${JIRA_PROJECT:?set JIRA_PROJECT to the project key, such as OPS}"

warroom export --format json --file "$WARROOM_FILE" | jq -c --arg project "$JIRA_PROJECT" '
  .incident as $inc
  | .followups[]?
  | select((.done | not) and (.ticket // "") == "")
  | {id, issue: {fields: ({
      project: {key: $project},
      issuetype: {name: "Task"},
      summary: .title,
      description: "A follow-up of \($inc.id), \($inc.title). Owner: \(.owner // "nobody yet")."
    } + if .due then {duedate: .due} else {} end)}}
' | while IFS= read -r followup; do
  id=$(printf '%s' "$followup" | jq -r .id)
  key=$(printf '%s' "$followup" | jq -c .issue |
    curl -fsS --max-time 8 -u "$JIRA_USER:$JIRA_TOKEN" -H 'Content-Type: application/json' \
      --data-binary @- "$JIRA_URL/rest/api/2/issue" | jq -r .key)
  warroom followup set "$id" --ticket "$key" --file "$WARROOM_FILE"
done
