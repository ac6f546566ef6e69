# Shared by the sync_* end-to-end scripts: loopback peers and the exactly-once check.
# Needs: $peer (orlive_test_peer), $work (a scratch dir), lib.sh sourced.

# start_peer KIND NAME [extra flags...]: starts a peer, waits for its port, sets ${NAME}_port
# and ${NAME}_pid. The peer stops by itself after 300 s even if this script dies.
start_peer() {
  local kind=$1 name=$2; shift 2
  rm -f "$work/$name.port"
  "$peer" --kind "$kind" --port-file "$work/$name.port" --lifetime 300 "$@" &
  local pid=$!
  for _ in $(seq 1 200); do [[ -s "$work/$name.port" ]] && break; sleep 0.05; done
  [[ -s "$work/$name.port" ]] || fail "$kind peer did not start"
  printf -v "${name}_port" '%s' "$(cat "$work/$name.port")"
  printf -v "${name}_pid" '%s' "$pid"
}

stop_peer() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# expect_thread URL TEXT...: on the Mastodon peer at URL every TEXT exists exactly once (not
# deleted) and each replies to the one before it; the first starts the thread.
expect_thread() {
  local url=$1; shift
  local statuses; statuses=$("$peer" --get "$url/_peer/statuses") || fail "peer at $url did not answer"
  jq -e --args '
    def live: [.[] | select(.deleted | not)];
    live as $s | [$ARGS.positional[] as $t | [$s[] | select(.text == $t)]] as $hits
    | ($hits | all(length == 1))
      and ([range(1; $hits | length)] | all(. as $i | $hits[$i][0].in_reply_to_id == $hits[$i - 1][0].id))
      and ($hits[0][0].in_reply_to_id == null or $hits[0][0].in_reply_to_id == "")' "$@" <<<"$statuses" >/dev/null \
    || fail "not exactly once in thread order: $(jq -c --args '[.[] | select(.text as $t | $ARGS.positional | index($t))
         | {id, text, in_reply_to_id, deleted}]' "$@" <<<"$statuses" | head -c 3000)"
}

# expect_bsky_thread URL TEXT...: on the PDS peer at URL every TEXT is one live record; the
# first has no reply, each later one has reply.root = the first and reply.parent = the one before.
expect_bsky_thread() {
  local url=$1; shift
  local records; records=$("$peer" --get "$url/_peer/records") || fail "PDS peer at $url did not answer"
  check_bsky_thread "$records" "$@"
}

# check_bsky_thread RECORDS TEXT...: the same check on a JSON array of {uri, cid, value, deleted?}.
check_bsky_thread() {
  local records=$1; shift
  jq -e --args '
    [.[] | select(.deleted | not)] as $r | [$ARGS.positional[] as $t | [$r[] | select(.value.text == $t)]] as $hits
    | ($hits | all(length == 1))
      and ($hits[0][0].value.reply == null)
      and ([range(1; $hits | length)] | all(. as $i
            | $hits[$i][0].value.reply.parent.uri == $hits[$i - 1][0].uri
            and $hits[$i][0].value.reply.parent.cid == $hits[$i - 1][0].cid
            and $hits[$i][0].value.reply.root.uri == $hits[0][0].uri))' "$@" <<<"$records" >/dev/null \
    || fail "Bluesky: not exactly once in thread order: $(jq -c --args '[.[] | select(.value.text as $t
         | $ARGS.positional | index($t)) | {uri, text: .value.text, parent: .value.reply.parent.uri, deleted}]' \
         "$@" <<<"$records" | head -c 3000)"
}

# expect_new_platform_threads TEXT...: on the Facebook ($fb_port), X ($xx_port) and Threads
# ($th_port) peers every TEXT is live exactly once; on Facebook the first is a Page post and the
# rest comments on it, in order; on X and Threads each replies to the one before it.
expect_new_platform_threads() {
  local objects tweets published
  objects=$("$peer" --get "http://127.0.0.1:$fb_port/_peer/objects") || fail "Facebook peer did not answer"
  jq -e --args '
    [.[] | select(.deleted | not)] as $o | [$ARGS.positional[] as $t | [$o[] | select(.text == $t)]] as $hits
    | ($hits | all(length == 1)) and $hits[0][0].parent_id == ""
      and ([range(1; $hits | length)] | all(. as $i | $hits[$i][0].parent_id == $hits[0][0].id))
      and ([$hits[][0].id] as $ids | [$o[].id | select(. as $x | $ids | index($x))] == $ids)' "$@" <<<"$objects" >/dev/null \
    || fail "Facebook: not one Page post with its comments, once each, in order"
  tweets=$("$peer" --get "http://127.0.0.1:$xx_port/_peer/tweets") || fail "X peer did not answer"
  published=$("$peer" --get "http://127.0.0.1:$th_port/_peer/published") || fail "Threads peer did not answer"
  local chain='[.[] | select(.deleted | not)] as $o | [$ARGS.positional[] as $t | [$o[] | select(.text == $t)]] as $hits
    | ($hits | all(length == 1)) and ($hits[0][0][$reply] == "")
      and ([range(1; $hits | length)] | all(. as $i | $hits[$i][0][$reply] == $hits[$i - 1][0].id))'
  jq -e --arg reply in_reply_to --args "$chain" "$@" <<<"$tweets" >/dev/null || fail "X: not one reply chain, once each"
  jq -e --arg reply reply_to --args "$chain" "$@" <<<"$published" >/dev/null || fail "Threads: not one reply chain, once each"
}
