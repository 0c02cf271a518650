#!/bin/sh
# statuspage.sh puts the external update warroom gives it on standard
# input on an Atlassian Statuspage page: it opens an incident there for
# the first update, and updates that incident for the later ones. A hook
# runs in the incident file's folder; the status page's incident id is
# kept there, in .statuspage-ID.
set -eu
: "${STATUSPAGE_PAGE_ID:?set STATUSPAGE_PAGE_ID to the page to update}"
: "${STATUSPAGE_API_KEY:?set STATUSPAGE_API_KEY to an API key of the page}"
api=${STATUSPAGE_URL:-https://api.statuspage.io/v1}/pages/$STATUSPAGE_PAGE_ID/incidents
memo=.statuspage-$(printf %s "$WARROOM_INCIDENT" | tr -c 'A-Za-z0-9_-' _)

body=$(jq -c '{incident: {
  name: .incident.title,
  status: (if .incident.status == "closed" then "resolved" else .incident.status end),
  body: .new
}}')
post() {
  printf '%s' "$body" | curl -fsS --max-time 8 -X "$1" -H "Authorization: OAuth $STATUSPAGE_API_KEY" \
    -H 'Content-Type: application/json' --data-binary @- "$2"
}

if [ -s "$memo" ]; then
  post PATCH "$api/$(cat "$memo")" >/dev/null
  echo "status page incident $(cat "$memo") updated"
else
  id=$(post POST "$api" | jq -r .id)
  printf '%s\n' "$id" > "$memo"
  echo "status page incident $id opened"
fi
