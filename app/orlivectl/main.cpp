// orlivectl: the headless companion. Same core, same database, no display.
#include <iostream>

#include "orlive/version.h"
#include "orlivectl/commands.h"

namespace {

constexpr const char* kHelp = R"(usage: orlivectl [--data-dir DIR] [--config FILE] COMMAND ...

Commands:
  case start --procedure ID [--consent none|deidentified|full] [--release-ref TEXT]
             [--patient-name NAME]... [--mrn X] [--dob YYYY-MM-DD] | [--patient-stdin]
             [--staff NAME]... [--hashtag TAG]... [--surgeon NAME]   start a case; prints its id
             (--patient-stdin: {"names":[...],"mrn":"...","dob":"YYYY-MM-DD"} on stdin)
  case end                                         end the active case
  case consent LEVEL [--release-ref TEXT] [--case ID]   change consent of the active (or any)
                                                   case; none withdraws it
  case show                                        the active case
  case transcript ID [--format md|html|json]       the case's thread as it went out, oldest first
  post --milestone ID [--note TEXT] [--field NAME=N]... [--undo-seconds S]
  post --text TEXT [--undo-seconds S]              the same pipeline a tap runs; prints JSON
  approve ID | discard ID | undo ID                decide a held post, or undo a pending one
  queue [--json] [--case ID]                       every post with its delivery states
  templates list | templates validate FILE         procedure templates and their problems
  redact [--context FILE]                          JSON Lines in (id, text, context), spans out
  log verify [--witness FILE]                      check the redaction log's hash chain (and that every
                                                   entry a syslog collector recorded in FILE is there)
  log export --format csv|jsonl [--since T] [--until T]   the log, with its sealed head
  log sign-off --through SEQ [--by NAME]           record a compliance review of entries 1..SEQ
                                                   (the compliance PIN on stdin)
  log find-span TEXT                               was this exact string caught? (by fingerprint;
                                                   the compliance PIN on stdin)
  pin set compliance|admin                         the new PIN (4-8 digits) on stdin; only a hash is stored
  account list [--json]                            the accounts, without their secrets
  account add NAME --kind mastodon|bluesky|webhook|facebook|x|threads [--secrets-stdin | --secrets-file F]
              [--base-url U] [--service U] [--identifier H] [--format slack|teams|discord|json]
              [--graph-base U] [--api-base U] [--api-version V] [--page-id ID] [--user-id ID]
                                                   the kind's keys as flags; its secrets as one JSON
                                                   object on stdin (or in F), never as arguments
  account test NAME                                check the credentials with the platform (posts nothing)
  account remove NAME [--force]                    refused while its deliveries are unsent, unless --force
  account split-secrets [--secrets-file P]         move the secrets out of the settings file into P
                                                   (default: secrets.json beside it) and name it there
  backup FILE                                      the database, device key and log head as one file
  restore FILE [--other-device-key]                replace the database with a backup (the current one is
                                                   kept aside as DIR/orlive.db.before-restore-TIME);
                                                   a backup from another device key needs the flag
  sync [--once] [--timeout S]                      deliver the outbox; --once: what can go now
                                                   (waiting up to S s, default 30, for retries),
                                                   then exit 0 when nothing is left to send
  serve [--listen ADDR:PORT]                       the active case's thread on the network until
                                                   SIGTERM: GET / (live page), /feed.json, /events
                                                   (default 127.0.0.1:8080 or gallery_listen)
  retry POST_ID [--account NAME]                   send failed deliveries (a withdrawn post: deletions) again now
  discard-delivery POST_ID [--account NAME]        give up failed deliveries of a post
  questions [--json] [--case ID]                   followers' replies to the cases' threads, oldest first
  answer QUESTION_ID --text TEXT [--undo-seconds S]   answer one through the post pipeline; it goes out
                                                   as a reply to the follower, on that platform only
  hide QUESTION_ID                                 hide a question from the screens (logged)

Common flags:
  --data-dir DIR   database and device key (default $XDG_DATA_HOME/orlive)
  --config FILE    settings JSON (default $XDG_CONFIG_HOME/orlive/config.json)
  --help, --version
Exit status: 0 success, 1 bad usage, 2 any other error.
)";

}  // namespace

int main(int argc, char** argv) {
    using namespace orlive::cli;
    if (auto invalid = invalid_utf8_argument(argc, argv)) return fail(*invalid);
    Args args(argc, argv,
              {"help", "version", "json", "once", "other-device-key", "patient-stdin", "secrets-stdin", "force"});
    if (args.has("help")) {
        std::cout << kHelp;
        return kExitOk;
    }
    if (args.has("version")) {
        std::cout << "orlivectl " << orlive::kVersion << "\n";
        return kExitOk;
    }
    if (auto error = args.error()) return usage_error(error->message);
    if (args.words().empty()) {
        std::cerr << kHelp;
        return kExitUsage;
    }
    CommandContext context(args);
    const std::string& command = args.words().front();
    if (command == "case") return run_case(context, args);
    if (command == "post") return run_post(context, args);
    if (command == "approve" || command == "discard" || command == "undo") return run_review(context, args);
    if (command == "queue") return run_queue(context, args);
    if (command == "templates") return run_templates(context, args);
    if (command == "redact") return run_redact(context, args);
    if (command == "log") return run_log(context, args);
    if (command == "backup") return run_backup(context, args);
    if (command == "restore") return run_restore(context, args);
    if (command == "sync") return run_sync(context, args);
    if (command == "serve") return run_serve(context, args);
    if (command == "pin") return run_pin(context, args);
    if (command == "retry" || command == "discard-delivery") return run_delivery_decision(context, args);
    if (command == "questions") return run_questions(context, args);
    if (command == "answer") return run_answer(context, args);
    if (command == "hide") return run_hide(context, args);
    if (command == "account") return run_account(context, args);
    return usage_error("unknown command '" + command + "'");
}
