// orlivectl's commands, one function each; they return the process exit status.
#pragma once

#include "cli/cli_args.h"
#include "core/compose/post_pipeline.h"
#include "orlivectl/command_context.h"

namespace orlive::cli {

int run_case(CommandContext& context, const Args& args);
int run_post(CommandContext& context, const Args& args);
// What `post` and `answer` share: --undo-seconds into the request (false when out of range),
// and the pipeline run that prints the post's JSON line.
bool read_undo_seconds(const Args& args, PostRequest& request);
int post_request(CommandContext& context, const PostRequest& request);
int run_review(CommandContext& context, const Args& args);  // approve | discard | undo
int run_queue(CommandContext& context, const Args& args);
int run_templates(CommandContext& context, const Args& args);
int run_redact(CommandContext& context, const Args& args);
int run_log(CommandContext& context, const Args& args);
int run_backup(CommandContext& context, const Args& args);
int run_restore(CommandContext& context, const Args& args);
int run_sync(CommandContext& context, const Args& args);
int run_serve(CommandContext& context, const Args& args);       // the gallery until SIGTERM
int run_transcript(CommandContext& context, const Args& args);  // case transcript ID
int run_pin(CommandContext& context, const Args& args);  // pin set compliance|admin
int run_delivery_decision(CommandContext& context, const Args& args);  // retry | discard-delivery
int run_questions(CommandContext& context, const Args& args);  // followers' questions
int run_answer(CommandContext& context, const Args& args);     // answer QUESTION_ID --text TEXT
int run_hide(CommandContext& context, const Args& args);       // hide QUESTION_ID
int run_account(CommandContext& context, const Args& args);    // account list|add|test|remove
int test_account(CommandContext& context, const Args& args);   // account test NAME
int split_secrets(CommandContext& context, const Args& args);  // account split-secrets [--secrets-file P]

}  // namespace orlive::cli
