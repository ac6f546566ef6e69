// The teaching transcript: a case's thread as it went out (published_thread.h), oldest first,
// each post with its local time and step, under the procedure and hospital. Three renderings
// of the same data; the HTML is one self-contained file that prints on A4 and Letter alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/thread/published_thread.h"

namespace orlive {

enum class TranscriptFormat { Markdown, Html, Json };
std::optional<TranscriptFormat> parse_transcript_format(std::string_view text);  // md | html | json

std::string render_transcript(const PublishedThread& thread, TranscriptFormat format);

}  // namespace orlive
