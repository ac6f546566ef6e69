#include "core/thread/transcript.h"

#include <nlohmann/json.hpp>

#include "core/base/html_escape.h"
#include "core/base/time_format.h"

namespace orlive {

namespace {

std::string period(const PublishedThread& thread) {
    std::string text = "Case " + std::to_string(thread.case_id) + ", " + format_local_date(thread.started_at) + " " +
                       format_local_hhmm(thread.started_at);
    text += thread.ended_at ? " to " + format_local_hhmm(*thread.ended_at) : " (still running)";
    return text + ", local time";
}

// Markdown would read *, _, [ and friends in a post as markup: escape them to stay literal.
std::string markdown_literal(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (std::string_view("\\`*_[]<>#|~").find(c) != std::string_view::npos) out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

std::string render_markdown(const PublishedThread& thread) {
    std::string out = "# " + markdown_literal(thread_heading(thread)) + "\n\n" + period(thread) + ".\n\n";
    if (thread.posts.empty()) return out + "No post of this case went out.\n";
    for (const PublishedPost& post : thread.posts) {
        out += "- **" + format_local_hhmm(post.at) + "** \u00b7 " + markdown_literal(post_label(post)) + ": " + markdown_literal(post.text) + "\n";
    }
    return out;
}

// One file, no scripts, no outside resources; print CSS leaves the paper size to the printer
// (A4 or Letter) and keeps each post on one page.
constexpr const char* kTranscriptStyle = R"css(
body{font-family:"DejaVu Serif",Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem}
.period{color:#444;margin-top:0}
ol{list-style:none;padding:0}
li{border-top:1px solid #bbb;padding:.6rem 0;break-inside:avoid;page-break-inside:avoid}
.meta{font-weight:bold}
.text{margin:.2rem 0 0;white-space:pre-wrap}
@page{margin:18mm 16mm}
@media print{body{margin:0;max-width:none;font-size:11pt}h1{font-size:16pt}}
)css";

std::string render_html(const PublishedThread& thread) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<title>" + html_escape(thread_heading(thread)) + "</title>\n<style>" + kTranscriptStyle + "</style>\n</head>\n<body>\n"
        "<h1>" + html_escape(thread_heading(thread)) + "</h1>\n<p class=\"period\">" + html_escape(period(thread)) + "</p>\n";
    if (thread.posts.empty()) return out + "<p>No post of this case went out.</p>\n</body>\n</html>\n";
    out += "<ol>\n";
    for (const PublishedPost& post : thread.posts) {
        out += "<li><div class=\"meta\"><time>" + format_local_hhmm(post.at) + "</time> \u00b7 " +
               html_escape(post_label(post)) + "</div><p class=\"text\">" +
               html_escape(post.text) + "</p></li>\n";
    }
    return out + "</ol>\n</body>\n</html>\n";
}

std::string render_json(const PublishedThread& thread) {
    nlohmann::json root = {{"case_id", thread.case_id},
                           {"procedure", thread.procedure},
                           {"hospital", thread.hospital},
                           {"started_at", format_iso8601_utc(thread.started_at)},
                           {"ended_at", thread.ended_at ? nlohmann::json(format_iso8601_utc(*thread.ended_at)) : nullptr},
                           {"posts", nlohmann::json::array()}};
    for (const PublishedPost& post : thread.posts) {
        root["posts"].push_back({{"id", post.id},
                                 {"step", post.step},
                                 {"title", post.title},
                                 {"text", post.text},
                                 {"at", format_iso8601_utc(post.at)},
                                 {"local_time", format_local_hhmm(post.at)}});
    }
    return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::optional<TranscriptFormat> parse_transcript_format(std::string_view text) {
    if (text == "md") return TranscriptFormat::Markdown;
    if (text == "html") return TranscriptFormat::Html;
    if (text == "json") return TranscriptFormat::Json;
    return std::nullopt;
}

std::string render_transcript(const PublishedThread& thread, TranscriptFormat format) {
    switch (format) {
        case TranscriptFormat::Markdown: return render_markdown(thread);
        case TranscriptFormat::Html: return render_html(thread);
        case TranscriptFormat::Json: return render_json(thread);
    }
    return render_markdown(thread);
}

}  // namespace orlive
